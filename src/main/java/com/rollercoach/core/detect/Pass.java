package com.rollercoach.core.detect;

import java.util.List;

/**
 * A one-way stroke of the contact point along the back with travel ≥ 5 cm, measured turning point to
 * turning point ({@code ../shared/definitions.md}).
 *
 * @param index 1-based order in the session
 * @param startS time of the turning point that starts it
 * @param endS time of the turning point that ends it
 * @param fromCm contact position at {@code startS}
 * @param toCm contact position at {@code endS}
 */
public record Pass(int index, double startS, double endS, double fromCm, double toCm) {
  /** Travel in cm, always positive. */
  public double travelCm() {
    return Math.abs(toCm - fromCm);
  }

  /** +1 when s increased along the pass, −1 when it decreased. */
  public int direction() {
    return toCm >= fromCm ? 1 : -1;
  }

  public double durationS() {
    return endS - startS;
  }

  /** The lower of its two turning points, cm. */
  public double lowCm() {
    return Math.min(fromCm, toCm);
  }

  /** The higher of its two turning points, cm. */
  public double highCm() {
    return Math.max(fromCm, toCm);
  }

  /**
   * {lowest, highest} turning point of {@code passes}, cm: the stretch they covered; {+∞, −∞} for
   * none.
   */
  public static double[] span(List<Pass> passes) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Pass p : passes) {
      lo = Math.min(lo, p.lowCm());
      hi = Math.max(hi, p.highCm());
    }
    return new double[] {lo, hi};
  }

  /** Mean speed along the back over the pass, cm/s. */
  public double meanSpeedCmS() {
    return durationS() > 0 ? travelCm() / durationS() : 0;
  }
}
