package com.rollercoach.core.signal;

/**
 * Gravity as the sensor sees it, turned by the gyro with the roller and relaxed to a measurement of
 * the specific force with a time constant τ: what is left of the measurement is what the roller's
 * turning does not explain — a jolt, a motor's shaking. Turning the estimate keeps rolling, which
 * swings gravity through the sensor frame at up to 1 g/s, out of that residual.
 *
 * <p>As the roller turns by ω·dt, gravity seen from the sensor turns by −ω·dt: dg = −ω × g dt.
 */
final class TurnedGravity {
  private final double tauS;
  private final double[] g = new double[3];
  private boolean known;

  /** @param tauS how fast the estimate relaxes to the measurement, s */
  TurnedGravity(double tauS) {
    this.tauS = tauS;
  }

  /** Starts again from this measurement (the first sample, or across a gap). */
  void reset(double ax, double ay, double az) {
    g[0] = ax;
    g[1] = ay;
    g[2] = az;
    known = true;
  }

  boolean known() {
    return known;
  }

  /**
   * Turns the estimate by the rate over {@code dtS}, compares it with the measurement and relaxes
   * it towards it.
   *
   * @param ax measured specific force, g (likewise ay, az)
   * @param wxDps bias-corrected rate, °/s (likewise wyDps, wzDps)
   * @return the squared residual, measurement minus the turned estimate, g²
   */
  double update(
      double ax, double ay, double az, double wxDps, double wyDps, double wzDps, double dtS) {
    double wx = Math.toRadians(wxDps) * dtS;
    double wy = Math.toRadians(wyDps) * dtS;
    double wz = Math.toRadians(wzDps) * dtS;
    double gx = g[0];
    double gy = g[1];
    double gz = g[2];
    double tx = gx - (wy * gz - wz * gy);
    double ty = gy - (wz * gx - wx * gz);
    double tz = gz - (wx * gy - wy * gx);
    double dx = ax - tx;
    double dy = ay - ty;
    double dz = az - tz;
    double k = Math.min(1, dtS / tauS);
    g[0] = tx + k * dx;
    g[1] = ty + k * dy;
    g[2] = tz + k * dz;
    return dx * dx + dy * dy + dz * dz;
  }
}
