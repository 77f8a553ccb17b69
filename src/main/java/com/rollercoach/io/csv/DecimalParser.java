package com.rollercoach.io.csv;

/**
 * Parses the plain decimal numbers CSV loggers write ({@code -0.98123}, {@code 4060.795}, {@code 1e-3})
 * straight from a line, without a substring per field, and gives exactly what {@link
 * Double#parseDouble} gives.
 *
 * <p>Method: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990, fast path —
 * when the decimal significand has at most 15 digits (so it is an exact double, below 2^53) and the
 * power of ten is at most 22 in magnitude (10^k is then an exact double too), one IEEE multiplication
 * or division is correctly rounded, so the result equals the exact decimal value rounded once. Anything
 * else (more digits, big exponents, "NaN", "0x1p3", stray characters) falls back to {@link
 * Double#parseDouble} on the field, which also reports malformed input.
 */
final class DecimalParser {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++, p *= 10) POWERS_OF_TEN[i] = p;
  }

  private static final int MAX_EXACT_DIGITS = 15;

  private DecimalParser() {}

  /**
   * The number in {@code s[start, end)} (leading and trailing spaces allowed).
   *
   * @throws NumberFormatException when the field is not a number
   */
  static double parse(String s, int start, int end) {
    while (start < end && s.charAt(start) == ' ') start++;
    while (end > start && s.charAt(end - 1) == ' ') end--;
    double fast = tryFast(s, start, end);
    return Double.isNaN(fast) ? Double.parseDouble(s.substring(start, end)) : fast;
  }

  /** The value when the fast path applies, else NaN (so the caller falls back). */
  private static double tryFast(String s, int i, int end) {
    if (i >= end) return Double.NaN;
    boolean negative = false;
    char c = s.charAt(i);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    long significand = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean seenPoint = false;
    boolean anyDigit = false;
    for (; i < end; i++) {
      c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        if (significand == 0 && c == '0') {
          if (seenPoint) fractionDigits++; // leading zeros after the point only scale
          continue;
        }
        if (++digits > MAX_EXACT_DIGITS) return Double.NaN;
        significand = significand * 10 + (c - '0');
        if (seenPoint) fractionDigits++;
      } else if (c == '.' && !seenPoint) {
        seenPoint = true;
      } else {
        break;
      }
    }
    if (!anyDigit) return Double.NaN;
    int exponent = 0;
    if (i < end) {
      c = s.charAt(i);
      if (c != 'e' && c != 'E') return Double.NaN;
      i++;
      boolean expNegative = false;
      if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) expNegative = s.charAt(i++) == '-';
      if (i >= end) return Double.NaN;
      for (; i < end; i++) {
        c = s.charAt(i);
        if (c < '0' || c > '9' || exponent > 1000) return Double.NaN;
        exponent = exponent * 10 + (c - '0');
      }
      if (expNegative) exponent = -exponent;
    }
    int power = exponent - fractionDigits;
    double value = significand;
    if (significand == 0) {
      value = 0;
    } else if (power >= 0 && power < POWERS_OF_TEN.length) {
      value *= POWERS_OF_TEN[power];
    } else if (power < 0 && -power < POWERS_OF_TEN.length) {
      value /= POWERS_OF_TEN[-power];
    } else {
      return Double.NaN;
    }
    return negative ? -value : value;
  }
}
