package com.rollercoach.gui.source;

import com.rollercoach.core.NumberText;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.Pacer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays a recorded or simulated session at a multiple of real time (or as fast as possible)
 * through exactly the live path: the samples reach the pipeline one by one, spaced as they were
 * recorded; a recording's link drops show as a lost connection, as they did live. The file's
 * warnings (bad rows skipped, bad samples dropped) reach the window's banner through {@link
 * SampleSource#warningsTo}, as a live roller's do.
 */
public final class ReplaySource implements SampleSource {
  /** Pushes a session's samples into a sink, spaced out by the pacer. */
  @FunctionalInterface
  public interface Feeder {
    void feed(SampleSink sink, Pacer pacer, LiveObserver observer) throws Exception;
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
  private SessionMetadata metadata = SessionMetadata.empty();

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

  /** A feeder for a source that does not pace itself: each sample waits for its own time. */
  public static Feeder pacedBySampleTime(SampleSinkFeeder plain) {
    return (sink, pacer, observer) -> plain.feed(new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        pacer.await(s.tS());
        sink.accept(s);
      }

      @Override
      public void gap(double fromS, double toS, String reason) {
        sink.gap(fromS, toS, reason);
      }
    });
  }

  /** Pushes samples into a sink as fast as it can (a simulator). */
  @FunctionalInterface
  public interface SampleSinkFeeder {
    void feed(SampleSink sink) throws Exception;
  }

  @Override
  public String description() {
    return paced()
        ? String.format(Locale.ROOT, "replay of %s at %s×", name, NumberText.plain(speed))
        : "replay of " + name + " at full speed";
  }

  /** The replayed file's metadata (roller diameter, device), for the live session's calibration. */
  public ReplaySource withMetadata(SessionMetadata m) {
    this.metadata = m;
    return this;
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  public double speed() {
    return speed;
  }

  @Override
  public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
    status.accept(new LinkStatus(LinkStatus.State.CONNECTED, description(), 0));
    Pacer pacer = paced() ? Pacer.realTime(speed) : Pacer.asFastAsPossible();
    LiveObserver observer = SampleSource.warningsAndLink(sink,
        detail -> status.accept(new LinkStatus(LinkStatus.State.CONNECTED, description(), 0)),
        reason -> status.accept(new LinkStatus(LinkStatus.State.RECONNECTING, "recorded drop: " + reason, 0)));
    try {
      feeder.feed(new Stoppable(sink), pacer, observer);
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

  /** Ends the feed at the next sample once stopped. */
  private final class Stoppable implements SampleSink {
    private final SampleSink next;

    Stoppable(SampleSink next) {
      this.next = next;
    }

    @Override
    public void accept(ImuSample s) {
      if (stopped) {
        throw new Stopped();
      }
      next.accept(s);
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
      next.gap(fromS, toS, reason);
    }
  }

}
