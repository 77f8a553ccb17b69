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

  /**
   * @param example the kind of file the command writes, for the hint when a folder is given
   *     ({@code report.html}, {@code progress.html}, {@code session.csv})
   * @throws UserInputException naming the first of {@code files} that exists, unless {@code force}
   */
  static void refuseExisting(boolean force, String example, Path... files) {
    for (Path f : files) {
      // a folder is never replaced, and --force would only fail later with the system's words
      if (Files.isDirectory(f)) {
        throw new UserInputException(f + ": is a folder; name a file in it, e.g. " + f.resolve(example));
      }
    }
    if (force) return;
    for (Path f : files) {
      if (Files.exists(f)) throw new UserInputException(f + ": already exists (use --force to overwrite)");
    }
  }

  /**
   * Refuses a file whose folder does not exist, naming the folder (writing there said "cannot write"
   * and the name of a temporary file beside the target).
   */
  static void requireFolder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserInputException(file + ": folder " + parent + " does not exist");
    }
  }

  /** Writes {@code target}. */
  @FunctionalInterface
  interface Write {
    void run() throws java.io.IOException;
  }

  /**
   * Runs {@code write}; a failure is "TARGET: cannot write (why)": a full disk said only "No space left
   * on device", with no word of which file.
   */
  static void writing(Path target, Write write) {
    try {
      write.run();
    } catch (java.io.IOException e) {
      String why = String.valueOf(e.getMessage());
      throw new UserInputException(why.contains(target.toString()) ? why
          : target + ": cannot write (" + why + ")", e);
    }
  }
}
