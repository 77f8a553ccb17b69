package com.rollercoach.review.analysis;

import java.util.Locale;

/** Durations as people read them. */
public final class Durations {
  private Durations() {}

  /** "1:05" for 65 s, "12:00" for 720 s, "1:02:03" past an hour; rounds to the second. */
  public static String clock(double seconds) {
    if (!Double.isFinite(seconds)) return "–";
    long s = Math.round(Math.abs(seconds));
    String sign = seconds < 0 && s > 0 ? "-" : "";
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60);
    }
    return String.format(Locale.ROOT, "%s%d:%02d", sign, s / 60, s % 60);
  }
}
