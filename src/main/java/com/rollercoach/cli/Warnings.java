package com.rollercoach.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The one shape of a warning: on stderr {@code roller-coach: warning: TEXT} (errors are
 * {@code roller-coach: TEXT}), and in a live session's event lines on stdout {@code warning: TEXT} beside
 * {@code link lost: …}. Every command prints its warnings through here, so {@code analyze},
 * {@code replay}, {@code export}, {@code record} and {@code sessions} say them alike.
 */
final class Warnings {
  /** The word that starts a warning. */
  static final String WORD = "warning: ";

  /** What starts a warning on stderr. */
  static final String PREFIX = "roller-coach: " + WORD;

  private Warnings() {}

  /** {@code text} as a stderr warning line. */
  static String line(String text) {
    return PREFIX + text;
  }

  /** {@code text} as a live session's event line (the console indents it). */
  static String event(String text) {
    return WORD + text;
  }

  static void print(PrintStream err, String text) {
    err.println(line(text));
  }

  static void print(PrintWriter err, String text) {
    err.println(line(text));
  }
}
