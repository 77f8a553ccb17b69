package com.rollercoach.core.signal;

/**
 * What the gyro bias estimate's own updates have done to the fused roll angle θ, so that a detector
 * of small rocking can look at θ as it would be had the estimate stayed where it was first made.
 *
 * <p>Why: {@link GyroBiasTracker} learns only while the roller is still, through a 0.02 Hz low-pass
 * (τ ≈ 8 s). A warming gyro's bias moves by degrees per second over a session while the roller rolls,
 * so when the hold begins the estimate is off by b, and θ, held by gravity with τ = {@value
 * RollAngleTracker#TAU_S} s, is off by b·τ. As the estimate converges over the next 20–30 s, that
 * error goes away and θ creeps by b·τ (7° in a simulated session with a 3.5 °/s error): steady creep
 * as fast as the breathing itself, so the first breaths of the hold had no turning points and were
 * not counted. The estimator converging is not the roller turning.
 *
 * <p>How: θ integrates the rate minus the estimate. Write the estimate as b₀ + δ(t), b₀ the one when
 * the echo (re)started: θ = θ₀ + e with θ₀ the angle the same filter gives with b₀ throughout, and,
 * the filter being linear in its input, e' = −a·δ − e/τ while gravity holds θ. This class runs that model, exactly discretised
 * for δ constant over a step (gaps included): e is smooth, it moves only while the estimate moves (in
 * stills) and it leans on the ordinary τ only. It does not mirror the tracker's fast recovery after a
 * gap: e's steady value −a·δ·τ (degrees, once a warming gyro has moved far from b₀) would then be
 * snapped away and grow back over τ, a creep of its own in the middle of a hold. θ − e is θ with
 * the estimator's convergence taken out; its remaining error follows the true bias, which moves over
 * minutes, not as fast as the estimate learns.
 */
final class BiasEstimateEcho {
  private final double[] first = new double[3];
  private boolean haveFirst;
  private double echoDeg;
  /** e^(−dt/τ) for the two pulls the rocking angle has (an exponential per sample was measurable). */
  private final DtGain ordinary = new DtGain(dt -> Math.exp(-dt / RollAngleTracker.TAU_S));
  private final DtGain longPull =
      new DtGain(dt -> Math.exp(-dt / RollAngleTracker.ROCKING_VIBRATION_TAU_S));

  /**
   * Advances by one sample, after the angle tracker has.
   *
   * @param bias the tracker whose estimate θ used this sample
   * @param axis the roll axis θ is measured about, null while unknown (nothing to echo then)
   * @param dtS time since the previous sample
   * @param gravityUsed whether gravity pulled the angle this sample ({@link
   *     RollAngleTracker#rockingGravityUsed()})
   * @param underLine whether that pull is the long one a motor's line calls for ({@link
   *     RollAngleTracker#rockingUnderLine()}), else θ's ordinary one
   * @param restart the pull just changed ({@link RollAngleTracker#rockingRestarted()}): the echo
   *     starts again from the estimate as it is now. Its steady value −a·δ·τ would otherwise swing
   *     with τ (a tenfold τ turns a stale first estimate into a creep of its own)
   * @return the echo e in degrees: θ − e is θ without the estimate's convergence
   */
  double update(
      GyroBiasTracker bias, double[] axis, double dtS, boolean gravityUsed, boolean underLine,
      boolean restart) {
    if (restart) haveFirst = false;
    if (!haveFirst) {
      echoDeg = 0;
      if (!bias.estimated()) return 0;
      for (int i = 0; i < 3; i++) first[i] = bias.bias(i);
      haveFirst = true;
    }
    if (axis == null) return echoDeg = 0;
    double delta =
        axis[0] * (bias.bias(0) - first[0])
            + axis[1] * (bias.bias(1) - first[1])
            + axis[2] * (bias.bias(2) - first[2]);
    if (!gravityUsed) return echoDeg -= delta * dtS;
    // e(t+dt) = e·k − δ·τ·(1 − k), k = exp(−dt/τ): exact for δ constant over the step
    double tauS = underLine ? RollAngleTracker.ROCKING_VIBRATION_TAU_S : RollAngleTracker.TAU_S;
    double k = underLine ? longPull.of(dtS) : ordinary.of(dtS);
    return echoDeg = echoDeg * k - delta * tauS * (1 - k);
  }
}
