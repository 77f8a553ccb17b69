package com.rollercoach.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one rule for a file a command is asked to write ({@link #prepare}): an existing file is refused
 * in one line unless {@code --force} says to replace it — a mistyped {@code --out} must not silently
 * destroy a session or an export the user kept (recordings are stricter: never overwritten at all) —
 * and a missing folder is created, as {@code record --out} always did. (Until round 29 {@code export}
 * and {@code simulate} refused a missing folder while {@code report}, {@code progress} and {@code
 * sessions export} created it.) Every such file gets the same mode, the one the user's umask gives a
 * new file ({@link com.rollercoach.io.AtomicOutput}): PDFs and bundles were 0600, HTML 0644.
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
   * Before any work: refuses {@code files} that exist unless {@code force} ({@link #refuseExisting}),
   * then creates their missing folders ({@link #createFolder}).
   */
  static void prepare(boolean force, String example, Path... files) {
    refuseExisting(force, example, files);
    for (Path f : files) createFolder(f);
  }

  /**
   * Creates the folder {@code file} goes in if it is missing; a failure names the file and the
   * folder in one line (a file where a folder should be, no permission).
   */
  static void createFolder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) return;
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      String why = e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
      throw new UserInputException(file + ": cannot create its folder " + parent + " (" + why + ")", e);
    }
  }

  /** Writes {@code target}. */
  @FunctionalInterface
  interface Write {
    void run() throws java.io.IOException;
  }

  /**
   * Runs {@code write}; a failure is "TARGET: cannot write (why)": a full disk said only "No space left
   * on device", with no word of which file. A sample writer's failure arrives unchecked (a {@code
   * SampleSink} cannot throw {@code IOException}) and is said the same way: `calibrate
   * --simulate-session` onto a full disk printed a stack trace.
   */
  static void writing(Path target, Write write) {
    try {
      write.run();
    } catch (java.io.IOException e) {
      throw cannotWrite(target, e);
    } catch (java.io.UncheckedIOException e) {
      throw cannotWrite(target, e.getCause());
    }
  }

  private static UserInputException cannotWrite(Path target, java.io.IOException e) {
    String why = String.valueOf(e.getMessage());
    return new UserInputException(why.contains(target.toString()) ? why : target + ": cannot write (" + why + ")", e);
  }
}
