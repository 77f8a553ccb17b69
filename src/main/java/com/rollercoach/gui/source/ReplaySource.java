package com.rollercoach.gui.source;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Replays a recorded session at a multiple of real time (or as fast as possible) through exactly the
 * live path: the samples reach the pipeline one by one, spaced as they were recorded.
 */
public final class ReplaySource implements SampleSource {
  /** Sleeping for less than this costs more in wake-ups than it buys in smoothness. */
  private static final long MIN_SLEEP_NANOS = 2_000_000;

  /** Pushes a session's samples into a sink (a file reader, a simulator). */
  @FunctionalInterface
  public interface Feeder {
    void feed(SampleSink sink) throws Exception;
  }

  /** Thrown through the feeder to end a replay the user stopped; never escapes {@link #run}. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped", null, false, false);
    }
  }

  private final String name;
  private final Feeder feeder;
  private final double speed;
  private final Path file;
  private volatile boolean stopped;

  /**
   * @param speed 1 = real time, 2, 4…; {@code 0} = as fast as the pipeline goes
   * @param file the replayed file, if any (the summary is saved beside it)
   */
  public ReplaySource(String name, Feeder feeder, double speed, Path file) {
    this.name = name;
    this.feeder = feeder;
    this.speed = speed;
    this.file = file;
  }

  @Override
  public String description() {
    return paced()
        ? String.format(Locale.ROOT, "replay of %s at %s×", name, trim(speed))
        : "replay of " + name + " at full speed";
  }

  public double speed() {
    return speed;
  }

  @Override
  public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
    status.accept(new LinkStatus(LinkStatus.State.CONNECTED, description(), 0));
    try {
      feeder.feed(new Paced(sink));
    } catch (Stopped e) {
      // the user pressed Stop: the session ends normally with what was replayed
    }
    status.accept(new LinkStatus(LinkStatus.State.ENDED, stopped ? "stopped" : "end of " + name, 0));
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public Optional<Path> recording() {
    return Optional.ofNullable(file);
  }

  private boolean paced() {
    return speed > 0 && Double.isFinite(speed);
  }

  /** Holds each sample back until it is due at the replay speed; ends the feed when stopped. */
  private final class Paced implements SampleSink {
    private final SampleSink next;
    private final long startNanos = System.nanoTime();
    private double firstS = Double.NaN;

    Paced(SampleSink next) {
      this.next = next;
    }

    @Override
    public void accept(ImuSample s) {
      if (stopped) {
        throw new Stopped();
      }
      if (Double.isNaN(firstS)) {
        firstS = s.tS();
      }
      if (paced()) {
        long due = startNanos + (long) ((s.tS() - firstS) / speed * 1e9);
        long ahead = due - System.nanoTime();
        if (ahead > MIN_SLEEP_NANOS) {
          LockSupport.parkNanos(ahead);
        }
      }
      next.accept(s);
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
      next.gap(fromS, toS, reason);
    }
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
