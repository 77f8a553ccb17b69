package com.rollercoach.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one rule for files a command writes on request (export, simulate, report): an existing file is
 * replaced only with {@code --force}, since it may be the user's work (last week's report, a CSV
 * someone edited). Recordings are stricter still: they are never overwritten at all.
 */
final class OutputFiles {
  private OutputFiles() {}

  /** @throws UserInputException when {@code out} exists and {@code force} was not given */
  static void mayWrite(Path out, boolean force) {
    if (!force && Files.exists(out)) {
      throw new UserInputException(out + ": already exists (use --force to overwrite)");
    }
  }
}
