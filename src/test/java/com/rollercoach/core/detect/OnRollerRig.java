package com.rollercoach.core.detect;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A roller on the detector grid for {@link OnRollerDetector} tests: the grid history, the detector,
 * the rocking meter, and a gyro's angle noise (a random walk of 0.005 °/s/√Hz, a good MEMS part).
 */
final class OnRollerRig {
  static final double HZ = 50;
  final GridHistory history = new GridHistory((int) (SessionDetector.HISTORY_S * HZ));
  final OnRollerDetector detector = new OnRollerDetector(history, SessionDetector.ACTIVITY_WINDOW_S);
  final ActivityMeter meter = new ActivityMeter((int) (SessionDetector.ACTIVITY_WINDOW_S * HZ));
  private final SplittableRandom rnd;
  private final double sigma = 0.005 * Math.sqrt(HZ / 2);
  private double noise;
  private double s;

  OnRollerRig(long seed) {
    rnd = new SplittableRandom(seed);
  }

  /**
   * One grid sample: the roller moving at {@code vCmS}, its angle carrying {@code angleDeg} (a motor's
   * line, breathing) besides the noise and the travel.
   *
   * @return the meter's rocking residual (NaN until its window is full)
   */
  double step(double t, double vCmS, double angleDeg) {
    return step(t, vCmS, angleDeg, false);
  }

  /** As {@link #step(double, double, double)}, with the accelerometer's shock flag. */
  double step(double t, double vCmS, double angleDeg, boolean shock) {
    noise += rnd.nextGaussian() * sigma / HZ;
    s += vCmS / HZ;
    history.add(t, s, vCmS, shock);
    meter.add(noise + angleDeg + s / 3);
    return meter.residualRms();
  }

  /**
   * Where the person settled ({@link OnRollerDetector#settledS()}; fails if they never did) over 16 s:
   * somebody on by the rocking from {@code onFromS}, the roller moving at {@code cmS(t)} cm/s, a jolt
   * flagged on the first sample at or after {@code joltS} (NaN: none).
   */
  static double settledAt(long seed, DoubleUnaryOperator cmS, double onFromS, double joltS) {
    OnRollerRig rig = new OnRollerRig(seed);
    OnRollerDetector d = rig.detector;
    boolean jolted = false;
    for (int i = 0; i < 16 * HZ; i++) {
      double t = i / HZ;
      boolean jolt = !jolted && t >= joltS - 1e-9;
      jolted |= jolt;
      rig.step(t, cmS.applyAsDouble(t), 0, jolt);
      double r = t >= onFromS ? 1.0 : 0.001;
      d.update(r, r, t >= onFromS, false);
    }
    if (!d.settled()) throw new AssertionError("never settled");
    return d.settledS();
  }
}
