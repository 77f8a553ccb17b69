package com.rollercoach.core.signal;

/**
 * Sees a gyroscope channel sitting at its rail. A ±250 °/s part in a small roller clips during a fast
 * stroke: it reports its full scale, the same count, sample after sample, while the roller turns
 * faster, so the integrated angle falls short. A reading is taken as clipped when, on some channel,
 * it repeats the previous reading exactly, at the largest magnitude that channel has shown, and at
 * least {@value #MIN_FULL_SCALE_DPS} °/s (the smallest range MEMS gyroscopes offer, so a quantised
 * reading repeated at rest or in a slow stroke is never taken for a rail). The full scale is not
 * assumed: a rail is whatever extreme a channel holds flat.
 */
public final class GyroSaturation {
  static final double MIN_FULL_SCALE_DPS = 125.0;

  private final double[] prev = new double[3];
  private final double[] maxAbs = new double[3];
  private boolean primed;

  /** Raw (not bias-corrected) rates, °/s; whether this reading is clipped on any channel. */
  public boolean update(double gx, double gy, double gz) {
    boolean clipped = channel(0, gx) | channel(1, gy) | channel(2, gz);
    primed = true;
    return clipped;
  }

  private boolean channel(int i, double g) {
    double a = Math.abs(g);
    boolean clipped = primed && a >= MIN_FULL_SCALE_DPS && g == prev[i] && a >= maxAbs[i];
    if (a > maxAbs[i]) maxAbs[i] = a;
    prev[i] = g;
    return clipped;
  }
}
