package com.rollercoach.gui.source;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SampleValidator;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.core.sample.SessionMetadata;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a live session's samples come from: a serial port, a replayed file, the demo device. A source
 * runs on a thread of its own (never the FX thread) and pushes every sample, in time order, into the
 * sink it is given; it never drops one on the way.
 */
public interface SampleSource {
  /** For the connection bar: "replay of sample-1.csv at 2×", "/dev/ttyUSB0". */
  String description();

  /**
   * Pushes samples into {@code sink} until the source is exhausted or {@link #stop()} is called, then
   * returns; it reports link changes to {@code status} as they happen. It does not call {@code
   * sink.end()}: the caller does, once, whatever way the source ended.
   *
   * @throws Exception when the source cannot be opened or fails for good; the message must say where
   *     and why in one line
   */
  void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception;

  /** Asks {@link #run} to return soon; safe from any thread, more than once. */
  void stop();

  /**
   * What the source knows before the first sample: a replayed file's roller diameter and device
   * (so the live session applies the same calibration and roller size as {@code analyze}).
   */
  default SessionMetadata metadata() {
    return SessionMetadata.empty();
  }

  /** The device once it introduced itself over the link (HELLO), else null: calibration by device. */
  default DeviceInfo device() {
    return null;
  }

  /**
   * Where a source sends its live path's warnings (bad samples skipped, a silent sensor, a sample the
   * pipeline could not take): to {@code sink} when it is also a display, as the window's session
   * processor is, so every source's warnings reach the window's banner the same way; else nowhere.
   */
  static LiveObserver warningsTo(SampleSink sink) {
    return warningsAndLink(sink, d -> { }, r -> { });
  }

  /**
   * {@link #warningsTo} plus the link's ups and downs, for a source that turns them into its {@link
   * LinkStatus}: {@code up} gets the link's detail, {@code down} the reason it dropped.
   */
  static LiveObserver warningsAndLink(SampleSink sink, Consumer<String> up, Consumer<String> down) {
    LiveObserver shown = sink instanceof LiveObserver o ? o : LiveObserver.NONE;
    return new LiveObserver() {
      @Override
      public void linkUp(double hostTimeS, String detail) {
        up.accept(detail);
      }

      @Override
      public void linkDown(double hostTimeS, String reason) {
        down.accept(reason);
      }

      @Override
      public void warning(String text) {
        shown.warning(text);
      }

      @Override
      public void samplesRejected(SampleValidator.Reason reason, long count) {
        shown.samplesRejected(reason, count);
      }

      @Override
      public void processingFailed(RuntimeException e) {
        shown.warning("a sample could not be processed (" + e + "); the session goes on");
      }
    };
  }

  /** Whether {@link #recording()} is a new recording this source makes (it joins the library). */
  default boolean records() {
    return false;
  }

  /** The raw recording this source writes or replays, beside which the session summary is saved. */
  default Optional<Path> recording() {
    return Optional.empty();
  }
}
