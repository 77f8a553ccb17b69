package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RollAngleTrackerTest {
  private static final double[] AXIS = {0.6, 0.0, 0.8};
  private static final double[] UP0 = {0.8, 0.0, -0.6}; // ⟂ AXIS

  /** Gravity as the sensor sees it when the roller has turned by θ about AXIS. */
  static double[] up(double theta) {
    return com.rollercoach.core.SyntheticSession.rotateForTest(UP0, AXIS, -theta);
  }

  @Test
  void pureRotationIntegratesToTheRightAngle() {
    RollAngleTracker tracker = new RollAngleTracker();
    double rate = 30; // °/s
    double dt = 0.01;
    double theta = 0;
    for (int i = 0; i <= 1000; i++) {
      double t = i * dt;
      double[] g = up(Math.toRadians(rate * t));
      theta = tracker.update(AXIS[0] * rate, AXIS[1] * rate, AXIS[2] * rate, g[0], g[1], g[2], i == 0 ? 0 : dt, AXIS, false);
    }
    assertEquals(Math.toRadians(300), theta, 1e-3);
  }

  @Test
  void accelerometerRemovesGyroBiasDrift() {
    RollAngleTracker tracker = new RollAngleTracker();
    double dt = 0.01;
    double theta = 0;
    double biasDps = 0.5; // uncorrected: 30° of drift over a minute
    for (int i = 0; i <= 6000; i++) {
      double t = i * dt;
      double trueTheta = 0.5 * Math.sin(2 * Math.PI * t / 10); // rolling back and forth
      double rateDps = Math.toDegrees(0.5 * 2 * Math.PI / 10 * Math.cos(2 * Math.PI * t / 10)) + biasDps;
      double[] g = up(trueTheta);
      theta = tracker.update(AXIS[0] * rateDps, AXIS[1] * rateDps, AXIS[2] * rateDps, g[0], g[1], g[2], i == 0 ? 0 : dt, AXIS, false);
    }
    double trueEnd = 0.5 * Math.sin(2 * Math.PI * 60 / 10);
    // the complementary filter's steady-state lag is bias × τ = 0.5 °/s × 2 s = 1°
    assertEquals(trueEnd, theta, Math.toRadians(1.2));
  }

  @Test
  void gapIsBridgedByGravity() {
    RollAngleTracker tracker = new RollAngleTracker();
    double rate = 40;
    double theta = 0;
    double t = 0;
    for (int i = 0; i <= 500; i++) {
      t = i * 0.01;
      if (t > 2 && t < 2.9) continue; // 0.9 s without samples while rolling
      double[] g = up(Math.toRadians(rate * t));
      double dt = i == 0 ? 0 : (t > 2.89 && t < 2.91 ? 0.9 : 0.01);
      // rate during the gap is unknown to the tracker: last and next samples only
      theta = tracker.update(AXIS[0] * rate, AXIS[1] * rate, AXIS[2] * rate, g[0], g[1], g[2], dt, AXIS, false);
    }
    assertEquals(Math.toRadians(rate * t), theta, Math.toRadians(0.5));
  }
}
