package com.rollercoach.gui.summary;

import java.util.Locale;

/** Durations as the screen shows them. */
public final class Clock {
  private Clock() {}

  /** m:ss (h:mm:ss from an hour), rounded to the second; negative durations show as 0:00. */
  public static String minutes(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
