package com.rollercoach.io;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.Pacer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A recorded session on disk, whatever its format ({@link SessionFiles#open} picks the reader): the
 * one way {@code analyze}, {@code replay}, {@code export}, the emulator and the GUI read sessions.
 * Each {@link #play} reads the file afresh, streaming (memory does not grow with the file).
 */
public sealed interface SessionFile extends SampleFile, EmulatorInput
    permits SessionFiles.Recording, SessionFiles.Csv, SensorExport, SerialCapture {
  /** The file or folder opened (the first file, for a pair). */
  Path path();

  /**
   * The device that recorded the session, when the file knows it: the one place every command
   * (analyze, calibrate, sessions import, report) takes it from. Recordings: the header, else the
   * first DEVICE record or HELLO; CSV: {@code # device=}; exports: phyphox {@code meta/device.csv},
   * Sensor Logger {@code Metadata.csv}, the x-IMU3 log's serial number.
   */
  default java.util.Optional<String> deviceId() {
    String d = metadata().get(SessionMetadata.DEVICE);
    return d == null || d.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(d.trim());
  }

  /** What the file says about itself (CSV {@code # key=value} lines; a recording's header and device). */
  @Override
  SessionMetadata metadata();

  /**
   * Pushes every sample (and, for recordings, every gap) into {@code sink} as fast as possible. Does
   * not call {@link SampleSink#end()}: the caller decides when the session is over.
   */
  @Override
  default void play(SampleSink sink) throws IOException {
    play(sink, Pacer.asFastAsPossible(), LiveObserver.NONE);
  }

  /**
   * As {@link #play(SampleSink)}, spaced out by {@code pacer}: recordings by the recorded arrival times
   * of their bytes, CSV files by their sample times.
   */
  void play(SampleSink sink, Pacer pacer, LiveObserver observer) throws IOException;

  /** Problems that did not stop reading (a torn last record, a cut-off last CSV line), after a play. */
  @Override
  List<String> warnings();

  /**
   * {@link SampleFile}'s view, for batch analysis ({@link SampleFiles}): plays everything and counts
   * the samples; a damaged file becomes an {@link InputFileException} naming file, offset and reason.
   */
  @Override
  default long readTo(SampleSink sink) {
    long[] n = {0};
    try {
      play(new SampleSink() {
        @Override
        public void accept(com.rollercoach.core.sample.ImuSample s) {
          n[0]++;
          sink.accept(s);
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
          sink.gap(fromS, toS, reason);
        }
      });
    } catch (IOException e) {
      throw SessionFiles.readError(path(), e);
    } catch (java.io.UncheckedIOException e) {
      throw SessionFiles.readError(path(), e.getCause());
    }
    return n[0];
  }

  /** Each play opens and closes the file itself: nothing stays open in between. */
  @Override
  default void close() {}
}
