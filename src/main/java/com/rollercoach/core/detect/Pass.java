package com.rollercoach.core.detect;

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

  /** Mean speed along the back over the pass, cm/s. */
  public double meanSpeedCmS() {
    return durationS() > 0 ? travelCm() / durationS() : 0;
  }
}
