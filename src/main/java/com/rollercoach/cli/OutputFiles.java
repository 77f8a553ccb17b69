package com.rollercoach.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one rule for a file a command is asked to write: an existing file is refused in one line
 * unless {@code --force} says to replace it — a mistyped {@code --out} must not silently destroy a
 * session or an export the user kept. (Recordings are stricter: never overwritten at all.)
 */
final class OutputFiles {
  private OutputFiles() {}

  /** @throws UserInputException naming the first of {@code files} that exists, unless {@code force} */
  static void refuseExisting(boolean force, Path... files) {
    if (force) return;
    for (Path f : files) {
      if (Files.exists(f)) throw new UserInputException(f + ": already exists (use --force to overwrite)");
    }
  }
}
