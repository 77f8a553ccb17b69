package com.rollercoach.core;

import java.util.Arrays;

/** The median of a few values: sorted copy, the middle one or the mean of the middle two. */
public final class Median {
  private Median() {}

  /**
   * The median of the first {@code n} of {@code values} (left unchanged); NaN when {@code n} is 0.
   * NaNs are not filtered: a caller that may hold them takes them out first.
   */
  public static double of(double[] values, int n) {
    if (n == 0) return Double.NaN;
    double[] s = Arrays.copyOf(values, n);
    Arrays.sort(s);
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
