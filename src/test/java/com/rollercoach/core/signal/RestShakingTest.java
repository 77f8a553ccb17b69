package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The resting roller's shaking at every frequency: a motor line aliased below the 3 Hz high-pass is
 * measured at its size, a roller turning with no shaking reads (nearly) nothing, a gap changes
 * nothing.
 */
class RestShakingTest {
  private static final double RATE = 52;

  @Test
  void aLineAliasedBelowTheHighPassIsMeasuredAtItsSize() {
    RestShaking rest = new RestShaking();
    // MotorSwitch's high-pass (first order, τ = 0.05 s), for comparison
    double[] low = {0, 1};
    double hp2 = 0;
    double phase = 0;
    for (int i = 0; i < 10 * RATE; i++) {
      phase += 2 * Math.PI * 1.2 / RATE;
      double ax = 0.3 * Math.cos(phase);
      double az = 1 + 0.3 * Math.sin(phase);
      rest.update(ax, 0, az, 0, 0, 0, i == 0 ? 0 : 1 / RATE);
      double k = (1 / RATE) / MotorSwitch.HP_TAU_S;
      low[0] += k * (ax - low[0]);
      low[1] += k * (az - low[1]);
      double d2 = (ax - low[0]) * (ax - low[0]) + (az - low[1]) * (az - low[1]);
      hp2 += Math.min(1, (1 / RATE) / RestShaking.LEVEL_TAU_S) * (d2 - hp2);
    }
    // a 0.3 g radial line: 0.3 g RMS as a vector
    assertEquals(0.3, rest.levelG(), 0.06);
    assertTrue(Math.sqrt(hp2) < 0.15, "the high-pass sees " + Math.sqrt(hp2));
  }

  @Test
  void aRollerTurningWithoutShakingReadsNearlyNothing() {
    RestShaking rest = new RestShaking();
    double theta = 0;
    double rate = Math.toRadians(40); // a brisk stroke's 40 °/s about y, for 5 s
    for (int i = 0; i < 5 * RATE; i++) {
      theta += rate / RATE;
      // gravity seen from the sensor turns by −θ about y as the roller turns by θ
      double ax = -Math.sin(theta);
      double az = Math.cos(theta);
      rest.update(ax, 0, az, 0, 40, 0, i == 0 ? 0 : 1 / RATE);
    }
    assertTrue(rest.levelG() < 0.01, "turning read as shaking: " + rest.levelG());
  }

  @Test
  void theGyroTurnedEstimateIsWhatKeepsTurningOut() {
    // the same turn with the gyro withheld: a plain 0.5 s low-pass lags it by ≈ 0.35 g
    RestShaking rest = new RestShaking();
    double theta = 0;
    double rate = Math.toRadians(40);
    for (int i = 0; i < 5 * RATE; i++) {
      theta += rate / RATE;
      rest.update(-Math.sin(theta), 0, Math.cos(theta), 0, 0, 0, i == 0 ? 0 : 1 / RATE);
    }
    assertTrue(rest.levelG() > 0.1, "without the gyro: " + rest.levelG());
  }

  @Test
  void aGapKeepsTheLevel() {
    RestShaking rest = new RestShaking();
    double phase = 0;
    for (int i = 0; i < 5 * RATE; i++) {
      phase += 2 * Math.PI * 1.2 / RATE;
      rest.update(0.3 * Math.cos(phase), 0, 1 + 0.3 * Math.sin(phase), 0, 0, 0, i == 0 ? 0 : 1 / RATE);
    }
    double before = rest.levelG();
    rest.update(0.3, 0, 1, 0, 0, 0, 0.4);
    assertEquals(before, rest.levelG(), 1e-12);
    assertTrue(Double.isNaN(rest.residual2()), "no residual across a gap");
  }
}
