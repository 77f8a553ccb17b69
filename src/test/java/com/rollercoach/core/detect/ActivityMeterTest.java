package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The on/off rocking measure: bias and warm-up drift are not breathing; breathing is. */
class ActivityMeterTest {
  private static final double HZ = 50;

  private static double[] run(java.util.function.DoubleUnaryOperator angleDeg, double seconds) {
    ActivityMeter m = new ActivityMeter((int) (6 * HZ));
    Random rnd = new Random(3);
    double maxQ = 0;
    double maxL = 0;
    for (int i = 0; i < seconds * HZ; i++) {
      double t = i / HZ;
      m.add(angleDeg.applyAsDouble(t) + 0.002 * rnd.nextGaussian());
      double q = m.residualRms();
      double l = m.linearResidualRms();
      if (!Double.isNaN(q)) maxQ = Math.max(maxQ, q);
      if (!Double.isNaN(l)) maxL = Math.max(maxL, l);
    }
    return new double[] {maxQ, maxL};
  }

  @Test
  void aLargeConstantBiasIsRemovedExactly() {
    double[] r = run(t -> 10 * t, 60); // 10 °/s of bias: 600° over a minute
    assertTrue(r[0] < OnRollerDetector.ON_DEG / 5, "quadratic residual " + r[0]);
    assertTrue(r[1] < OnRollerDetector.QUIET_DEG / 5, "linear residual " + r[1]);
  }

  @Test
  void warmUpDriftIsNotTakenForSomebodyGettingOn() {
    // bias rising by 3 °/s with τ = 60 s: the angle bends by tenths of a degree over 6 s
    double[] r = run(t -> 3 * (t - 60 * (1 - Math.exp(-t / 60))), 120);
    assertTrue(r[0] < OnRollerDetector.ON_DEG, "quadratic residual " + r[0]);
    assertTrue(r[1] > OnRollerDetector.ON_DEG, "a line alone would have read it as breathing: " + r[1]);
  }

  @Test
  void shallowBreathingStaysAboveTheQuietLine() {
    // 0.15° peak to peak at 12 breaths/min, on top of a bias ramp
    double[] r = run(t -> 2 * t + 0.075 * Math.sin(2 * Math.PI * t / 5), 60);
    assertTrue(r[1] > OnRollerDetector.QUIET_DEG, "linear residual " + r[1]);
  }
}
