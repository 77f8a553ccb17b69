package com.rollercoach.core.detect;

/**
 * Getting on a roller whose motor already runs: a body lying on an eccentric-mass roller damps its
 * shaking (real rollers drop to a quarter to two thirds of the free amplitude under half a body's
 * weight) — the mirror of {@link MotorLoad}'s get-off evidence, where the shaking steps up as the load
 * leaves. Here the empty roller's angle carries the motor's residue, so the rocking line may not see
 * the person; the step down does.
 *
 * <p>The free level is followed slowly (τ {@value #REF_TAU_S} s) while the roller is empty and shaking
 * freely; the shaking counts as damped once it stays {@link MotorLoad#UNLOAD_RATIO}× under it for
 * {@link SessionDetector#DAMPED_CONFIRM_S} s — longer than a motor switched off takes to decay through
 * that range to under {@link MotorLoad#MIN_MOTOR_G}, where the evidence is dropped.
 */
final class MotorDamping {
  static final double REF_TAU_S = 2.0;
  private double freeG = Double.NaN;
  private double dampedSinceS = Double.NaN;
  private double lastT = Double.NaN;

  /**
   * One grid sample of the motor's steady shaking level while nobody is known to be on; true once
   * the shaking has been damped long enough to be a load.
   */
  boolean update(double t, double levelG) {
    if (!(levelG >= MotorLoad.MIN_MOTOR_G)) {
      reset();
      return false;
    }
    double dt = Double.isNaN(lastT) ? 0 : t - lastT;
    lastT = t;
    if (Double.isNaN(freeG)) {
      freeG = levelG;
      return false;
    }
    if (levelG * MotorLoad.UNLOAD_RATIO > freeG) {
      dampedSinceS = Double.NaN;
      freeG += (levelG - freeG) * Math.min(1, dt / REF_TAU_S);
      return false;
    }
    if (Double.isNaN(dampedSinceS)) dampedSinceS = t;
    return t - dampedSinceS >= SessionDetector.DAMPED_CONFIRM_S;
  }

  /** Since when the shaking has stayed damped under the free level (NaN: it has not). */
  double dampedSinceS() {
    return dampedSinceS;
  }

  /** Forgets the free level (somebody on, a motor switched, no motor). */
  void reset() {
    freeG = Double.NaN;
    dampedSinceS = Double.NaN;
    lastT = Double.NaN;
  }
}
