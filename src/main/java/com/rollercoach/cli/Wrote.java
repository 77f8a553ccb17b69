package com.rollercoach.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The one shape of "a file was written": {@code wrote FILE (WHAT)} on stderr, where status lines go
 * (stdout may carry a command's own output, e.g. {@code report --json}). Every command that writes a
 * file says so through here — {@code export}, {@code report}, {@code progress}, {@code sessions export},
 * {@code calibrate --simulate-session} — as warnings go through {@link Warnings}.
 */
final class Wrote {
  private Wrote() {}

  /** {@code wrote FILE} or {@code wrote FILE (WHAT)}; {@code what} may be null or empty. */
  static String line(Path file, String what) {
    return "wrote " + file + (what == null || what.isEmpty() ? "" : " (" + what + ")");
  }

  static void print(PrintStream err, Path file, String what) {
    err.println(line(file, what));
    err.flush();
  }

  static void print(PrintWriter err, Path file, String what) {
    err.println(line(file, what));
    err.flush();
  }
}
