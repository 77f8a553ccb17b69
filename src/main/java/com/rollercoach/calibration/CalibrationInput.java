package com.rollercoach.calibration;

import com.rollercoach.core.protocol.AutoDetectingDecoder;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.Pacer;
import com.rollercoach.io.live.RecordingReplay;
import com.rollercoach.io.recording.RecordingFormat;
import com.rollercoach.io.recording.RecordingReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stored calibration session: a CSV file (device id from its {@code # device=} line) or a
 * recording (device id from its header or HELLO), played into a sink as fast as it can be read.
 */
public final class CalibrationInput {
  private CalibrationInput() {}

  /**
   * Pushes every sample of {@code file} into {@code sink} and calls {@code end()}.
   *
   * @return the device id the file names, if any
   */
  public static Optional<String> play(Path file, SampleSink sink) throws IOException {
    if (RecordingFormat.isRecording(file)) return playRecording(file, sink);
    try (CsvSampleReader reader = CsvSampleReader.open(file)) {
      SessionMetadata meta = reader.metadata();
      reader.readTo(sink);
      sink.end();
      return Optional.ofNullable(meta.get(SessionMetadata.DEVICE)).map(String::trim);
    }
  }

  private static Optional<String> playRecording(Path file, SampleSink sink) throws IOException {
    AtomicReference<String> id = new AtomicReference<>();
    try (RecordingReader reader = RecordingReader.open(file)) {
      reader.header().device().map(DeviceInfo::deviceId).ifPresent(id::set);
      LiveObserver observer =
          new LiveObserver() {
            @Override
            public void deviceInfo(DeviceInfo info) {
              if (info.deviceId() != null && !info.deviceId().isBlank()) id.set(info.deviceId());
            }
          };
      RecordingReplay.play(
          reader,
          (format, listener) -> AutoDetectingDecoder.withBuiltInFormats(listener),
          sink,
          Pacer.asFastAsPossible(),
          observer);
      sink.end();
      if (id.get() == null) {
        String meta = reader.header().metadata().get(SessionMetadata.DEVICE);
        if (meta != null) id.set(meta.trim());
      }
    }
    return Optional.ofNullable(id.get());
  }
}
