package com.rollercoach.io;

import java.nio.file.Path;

/**
 * Batch reading (analyze, reports, the session library) of whatever {@link SessionFiles#open}
 * opens: this class decides nothing itself, so every command accepts the same files.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /**
   * Opens a session file, folder or pair for reading.
   *
   * @throws InputFileException when it is missing, unreadable or of no kind Roller Coach reads
   */
  public static SampleFile open(Path... paths) {
    return SessionFiles.open(paths);
  }
}
