package com.rollercoach.gui.source;

import com.rollercoach.io.csv.CsvSampleReader;
import java.nio.file.Path;

/** Opens a recorded session file (a Roller Coach recording or a CSV) as a replay. */
public final class SampleFiles {
  private SampleFiles() {}

  /** A replay of {@code file} at {@code speed} (0 = as fast as possible). */
  public static ReplaySource replay(Path file, double speed) {
    return new ReplaySource(file.getFileName().toString(), sink -> {
      try (CsvSampleReader r = CsvSampleReader.open(file)) {
        r.readTo(sink);
      }
    }, speed, file);
  }
}
