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
  // the two stages' states as scalars, not arrays: no load and bounds check per element in the
  // per-sample update (C1 code, which the launcher runs analyze on, keeps them all)
  private double a0;
  private double a1;
  private double a2;
  private double b0;
  private double b1;
  private double b2;
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
    a0 += k * (x - a0);
    a1 += k * (y - a1);
    a2 += k * (z - a2);
    b0 += k * (a0 - b0);
    b1 += k * (a1 - b1);
    b2 += k * (a2 - b2);
  }

  /** Starts again from this value (after a long gap: the old state says nothing about now). */
  void reset(double x, double y, double z) {
    a0 = b0 = x;
    a1 = b1 = y;
    a2 = b2 = z;
    primed = true;
  }

  /** Adds a constant to the first component's state (a correction applied to what is filtered). */
  void shift(double d) {
    a0 += d;
    b0 += d;
  }

  // one accessor per component: small enough for C1 (the launcher's compiler) to inline, where
  // get(i)'s branches made a call per component read, 16 per raw sample
  double x() {
    return b0;
  }

  double y() {
    return b1;
  }

  double z() {
    return b2;
  }

  /** Group delay at low frequencies (two stages of τ each). */
  double delayS() {
    return 2 * tauS;
  }
}
