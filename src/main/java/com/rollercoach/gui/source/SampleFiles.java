package com.rollercoach.gui.source;

import com.rollercoach.core.sample.ImuSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** Opens a recorded session file (a Roller Coach recording or a CSV) as a stream of samples. */
public final class SampleFiles {
  private SampleFiles() {}

  /** A replay of {@code file} at {@code speed} (0 = as fast as possible). */
  public static ReplaySource replay(Path file, double speed) {
    return new ReplaySource(file.getFileName().toString(), () -> open(file), speed, file);
  }

  static Iterator<ImuSample> open(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException(file + ": cannot read this file");
    }
    throw new IOException(file + ": reading session files needs the io/csv and io/recording readers,"
        + " which are not in this build yet");
  }
}
