package com.rollercoach.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as people read them: no trailing ".0" ("2", not "2.0"; "2.5"), "0" for minus zero. The one
 * place every command, the window, the report and the benchmarks format such numbers (here, below the
 * coach, so that core's verdicts and prescriptions can use it as well as cli and review).
 */
public final class NumberText {
  private NumberText() {}

  /** The shortest text that reads back as {@code v}: 2, 2.5, 0.1, 1E20; NaN and Infinity as Java spells them. */
  public static String plain(double v) {
    if (!Double.isFinite(v)) return Double.toString(v);
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return Double.toString(v).replace(".0E", "E");
  }

  /**
   * {@code v} rounded half-up to at most {@code decimals} places (as {@code %.Nf} rounds), then without
   * trailing zeros: upTo(2.96, 1) is "3" where {@code %.1f} gave "3.0"; upTo(-0.04, 1) is "0".
   */
  public static String upTo(double v, int decimals) {
    if (decimals < 0) throw new IllegalArgumentException("decimals must be ≥ 0: " + decimals);
    if (!Double.isFinite(v)) return Double.toString(v);
    BigDecimal r = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    return r.signum() == 0 ? "0" : r.stripTrailingZeros().toPlainString();
  }

  /**
   * {@code v} as {@link #upTo} gives it, with a "+" when it is above zero: a signed position, "+4",
   * "-3", and "0" for anything that rounds to zero, where {@code %+.0f} wrote "+0" and "-0" for a
   * spot within half a centimetre of the landmark.
   */
  public static String signed(double v, int decimals) {
    String r = upTo(v, decimals);
    return r.equals("0") || r.startsWith("-") || !Double.isFinite(v) ? r : "+" + r;
  }
}
