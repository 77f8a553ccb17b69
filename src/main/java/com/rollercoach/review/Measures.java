package com.rollercoach.review;

import java.util.Locale;

/**
 * The one way a session's pace and range are written, in every view (the window's review, summary
 * and live screens, the reports, {@code sessions list|show}, progress): pace to 0.1 cm/s, range to
 * 0.1 cm, always with the unit where the number stands alone. The review said "range 19 cm" where the
 * report and {@code sessions show} said 18.9 cm for the same session, and its Pace column had no unit.
 */
public final class Measures {
  private Measures() {}

  /** "2.6" (NaN: ""). */
  public static String paceNumber(double cmS) {
    return Double.isNaN(cmS) ? "" : String.format(Locale.ROOT, "%.1f", cmS);
  }

  /** "2.6 cm/s". */
  public static String pace(double cmS) {
    return paceNumber(cmS) + " " + PACE_UNIT;
  }

  /** "18.9" (NaN: ""). */
  public static String rangeNumber(double cm) {
    return Double.isNaN(cm) ? "" : String.format(Locale.ROOT, "%.1f", cm);
  }

  /** "18.9 cm". */
  public static String range(double cm) {
    return rangeNumber(cm) + " " + RANGE_UNIT;
  }

  public static final String PACE_UNIT = "cm/s";
  public static final String RANGE_UNIT = "cm";
}
