package com.rollercoach.core.signal;

/**
 * A two-pole low-pass of a 3-vector on an irregular clock: two first-order exponential stages in
 * series, each with gain 1 − e^(−dt/τ) for the actual dt, so jitter, drops and any rate from 25 to
 * 1000 Hz need no redesign. |H(f)| = 1 / (1 + (2πfτ)²): with τ = 0.05 s a 25–70 Hz vibration motor
 * is cut 40–200 fold, while breathing (0.1–0.5 Hz) and rolling (≤ 2 Hz) pass almost untouched. DC
 * gain is exactly 1, so means (a gyro bias) are unchanged.
 */
final class Smoother {
  private final double tauS;
  private final double[] a = new double[3];
  private final double[] b = new double[3];
  private boolean primed;
  /** The gain per dt, remembered: expm1 per sample was the pipeline's largest single cost. */
  private final DtGain gain;

  Smoother(double tauS) {
    this.tauS = tauS;
    this.gain = new DtGain(dt -> -Math.expm1(-dt / tauS));
  }

  /** Feeds one sample; {@code dtS} since the previous one (ignored for the first). */
  void update(double x, double y, double z, double dtS) {
    if (!primed || !(dtS >= 0) || dtS > 1.0) {
      reset(x, y, z);
      return;
    }
    double k = gain.of(dtS);
    a[0] += k * (x - a[0]);
    a[1] += k * (y - a[1]);
    a[2] += k * (z - a[2]);
    b[0] += k * (a[0] - b[0]);
    b[1] += k * (a[1] - b[1]);
    b[2] += k * (a[2] - b[2]);
  }

  /** Starts again from this value (after a long gap: the old state says nothing about now). */
  void reset(double x, double y, double z) {
    a[0] = b[0] = x;
    a[1] = b[1] = y;
    a[2] = b[2] = z;
    primed = true;
  }

  /** Adds a constant to the first component's state (a correction applied to what is filtered). */
  void shift(double d) {
    a[0] += d;
    b[0] += d;
  }

  double get(int i) {
    return b[i];
  }

  /** Group delay at low frequencies (two stages of τ each). */
  double delayS() {
    return 2 * tauS;
  }
}
