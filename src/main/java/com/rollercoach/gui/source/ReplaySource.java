package com.rollercoach.gui.source;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Replays already-decoded samples at a multiple of real time (or as fast as possible), the way a live
 * link would deliver them: the samples go through exactly the live path.
 */
public final class ReplaySource implements SampleSource {
  /** Sleeping for less than this costs more in wake-ups than it buys in smoothness. */
  private static final long MIN_SLEEP_NANOS = 2_000_000;

  /** Opens a fresh pass over the samples; called once, on the source thread. */
  @FunctionalInterface
  public interface Samples {
    Iterator<ImuSample> open() throws Exception;
  }

  private final String name;
  private final Samples samples;
  private final double speed;
  private final Path file;
  private volatile boolean stopped;

  /**
   * @param speed 1 = real time, 2, 4…; {@code 0} or infinite = as fast as the pipeline goes
   * @param file the replayed file, if any (the summary is saved beside it)
   */
  public ReplaySource(String name, Samples samples, double speed, Path file) {
    this.name = name;
    this.samples = samples;
    this.speed = speed;
    this.file = file;
  }

  @Override
  public String description() {
    return speed > 0 && Double.isFinite(speed)
        ? String.format(Locale.ROOT, "replay of %s at %s×", name, trim(speed))
        : "replay of " + name + " at full speed";
  }

  public double speed() {
    return speed;
  }

  @Override
  public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
    Iterator<ImuSample> it = samples.open();
    status.accept(new LinkStatus(LinkStatus.State.CONNECTED, description(), 0));
    boolean paced = speed > 0 && Double.isFinite(speed);
    long startNanos = System.nanoTime();
    double firstS = Double.NaN;
    while (!stopped && it.hasNext()) {
      ImuSample s = it.next();
      if (Double.isNaN(firstS)) {
        firstS = s.tS();
      }
      if (paced) {
        long due = startNanos + (long) ((s.tS() - firstS) / speed * 1e9);
        long ahead = due - System.nanoTime();
        if (ahead > MIN_SLEEP_NANOS) {
          LockSupport.parkNanos(ahead);
        }
      }
      sink.accept(s);
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

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
