package com.rollercoach.calibration;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stored calibration session, opened like every session file ({@link SessionFiles}) and played
 * into a sink as fast as it can be read.
 */
public final class CalibrationInput {
  private CalibrationInput() {}

  /**
   * Pushes every sample of {@code file} into {@code sink} and calls {@code end()}.
   *
   * @return the device id the file names, if any ({@link SessionFile#deviceId()})
   * @throws com.rollercoach.io.InputFileException (one line) when the file cannot be read
   */
  public static Optional<String> play(Path file, SampleSink sink) throws IOException {
    SessionFile session = SessionFiles.open(file);
    session.readTo(sink);
    sink.end();
    return session.deviceId();
  }
}
