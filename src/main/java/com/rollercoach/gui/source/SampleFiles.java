package com.rollercoach.gui.source;

import com.rollercoach.io.SessionFiles;
import com.rollercoach.core.sample.SessionMetadata;
import java.nio.file.Path;

/** Opens a recorded session file (a Roller Coach recording or a CSV) as a replay. */
public final class SampleFiles {
  private SampleFiles() {}

  /**
   * A replay of {@code file} at {@code speed} (0 = as fast as possible): recordings replay their
   * recorded bytes through the decoder, at their recorded arrival times, CSV files by sample time.
   */
  public static ReplaySource replay(Path file, double speed) {
    SessionMetadata meta;
    try (var f = SessionFiles.open(file)) {
      meta = f.metadata(); // the roller's diameter and the device: the same calibration as analyze
    } catch (com.rollercoach.io.InputFileException e) {
      throw new IllegalArgumentException(e.getMessage(), e); // already "FILE: why"
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    return new ReplaySource(file.getFileName().toString(),
        (sink, pacer, observer) -> {
          var f = SessionFiles.open(file);
          f.play(sink, pacer, observer);
          // What the reader skipped (bad rows, a truncated end), as `replay` prints it at the end.
          f.warnings().forEach(observer::warning);
        }, speed, file)
        .withMetadata(meta);
  }
}
