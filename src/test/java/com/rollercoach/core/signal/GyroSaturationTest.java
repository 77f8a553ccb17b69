package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A ±250 °/s gyro clipped during a fast stroke: the rail is recognised, and the travel lost at it
 * comes back from the low-passed gravity angle once the stroke slows (RollAngleTracker).
 */
class GyroSaturationTest {
  private static final double[] AXIS = {0.6, 0.0, 0.8};
  private static final double RAIL = 250;

  /** A stroke of half a turn and back: rate 360·sin(πt/T)… peaking at 400 °/s, for 1 s. */
  private static double trueRate(double t) {
    return t < 1 ? 400 * Math.sin(Math.PI * t) : 0;
  }

  /** Runs the stroke through a tracker; {@code recover}: tell it when the gyro is clipped. */
  private static double[] run(boolean recover) {
    return run(recover, 0, 1.4);
  }

  /**
   * @param shakeUntilS the roller shakes from the stroke's start until here: the specific force is
   *     1.3 g, past the gravity gate (a get-off's jostle)
   * @param endS when θ is read
   */
  private static double[] run(boolean recover, double shakeUntilS, double endS) {
    RollAngleTracker tracker = new RollAngleTracker();
    GyroSaturation sat = new GyroSaturation();
    double dt = 0.005;
    double trueTheta = 0;
    double theta = 0;
    int clipped = 0;
    for (int i = -400; i <= Math.round(endS / dt); i++) {
      double t = i * dt;
      double r = t < 0 ? 0 : trueRate(t);
      if (i > -400) trueTheta += Math.toRadians(r) * dt; // rectangle rule, fine at 200 Hz
      double reported = Math.max(-RAIL, Math.min(RAIL, r)); // the part clips at its rail
      double[] g = RollAngleTrackerTest.up(trueTheta);
      double shake = t >= 0 && t < shakeUntilS ? 1.3 : 1.0;
      double gx = AXIS[0] * reported;
      double gy = AXIS[1] * reported;
      double gz = AXIS[2] * reported;
      // the rail is per channel: scale so the largest channel (z) sits exactly at ±250 when clipped
      if (Math.abs(r) > RAIL) {
        gz = RAIL;
        gx = RAIL * AXIS[0] / AXIS[2];
      }
      if (sat.update(gx, gy, gz)) {
        clipped++;
        if (recover) tracker.markSaturated();
      }
      theta =
          tracker.update(
              gx, gy, gz, shake * g[0], shake * g[1], shake * g[2], i == -400 ? 0 : dt, AXIS, false);
    }
    return new double[] {theta, trueTheta, clipped};
  }

  @Test
  void aRepeatedReadingAtTheLargestMagnitudeIsARail() {
    GyroSaturation s = new GyroSaturation();
    assertFalse(s.update(0, 0, 0.06));
    assertFalse(s.update(0, 0, 0.06), "a quantised reading repeated at rest is not a rail");
    assertFalse(s.update(0, 0, 200));
    assertFalse(s.update(0, 0, 250));
    assertTrue(s.update(0, 0, 250));
    assertFalse(s.update(0, 0, 240));
    assertFalse(s.update(0, 0, 240), "a repeat below the channel's extreme is not a rail");
  }

  @Test
  void travelLostAtTheRailComesBackFromGravity() {
    double[] plain = run(false);
    double[] recovered = run(true);
    assertTrue(recovered[2] > 20, "clipped samples " + recovered[2]);
    // the trace really loses travel at the rail (tens of degrees) without the recovery...
    double lostDeg = Math.toDegrees(plain[1] - plain[0]);
    // ...and gets it back within a fraction of a second (the ordinary τ = 2 s pull would take seconds)
    double leftDeg = Math.toDegrees(recovered[1] - recovered[0]);
    assertTrue(lostDeg > 10, "lost " + lostDeg);
    assertEquals(0, leftDeg, 1.0, "left after recovery (lost without it: " + lostDeg + ")");
  }

  @Test
  void travelLostAtTheRailComesBackOnceGravityCanBeUsedAgain() {
    // a get-off: the roller shakes past the gravity gate until 1 s after the clipped stroke, longer
    // than the fast pull lasts; the travel still comes back within 0.9 s of the shaking's end (a
    // window of wall time ran out under the shaking and left the τ = 2 s pull: 2° at this point)
    double[] plain = run(false, 2.0, 2.9);
    double[] recovered = run(true, 2.0, 2.9);
    double lostDeg = Math.toDegrees(plain[1] - plain[0]);
    assertTrue(lostDeg > 10, "lost " + lostDeg);
    assertEquals(0, Math.toDegrees(recovered[1] - recovered[0]), 1.0, "lost without it: " + lostDeg);
  }
}
