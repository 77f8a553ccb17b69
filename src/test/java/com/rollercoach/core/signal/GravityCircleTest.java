package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.SyntheticSession;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The accelerometer's offset in the plane ⟂ the roll axis, from gravity's circle, and what it does
 * to θ between two rests at different angles.
 */
class GravityCircleTest {
  private static final double[] AXIS = {0.6, 0.0, 0.8};
  private static final double[] UP0 = {0.8, 0.0, -0.6}; // ⟂ AXIS

  /** Points on a circle of 0.98 g around (0.04, −0.03) g, over {@code arcDeg}, with 2 mg of noise. */
  private static GravityCircle fitted(double arcDeg) {
    GravityCircle c = new GravityCircle();
    SplittableRandom rnd = new SplittableRandom(5);
    double dt = 0.01;
    // rolled back and forth over the arc at 20 °/s: turning, never resting
    for (int i = 0; i < 6000; i++) {
      double phase = (i * dt * 20 / arcDeg) % 2;
      double a = Math.toRadians(30 + arcDeg * (phase < 1 ? phase : 2 - phase));
      double x = 0.04 + 0.98 * Math.cos(a) + 0.002 * rnd.nextGaussian();
      double y = -0.03 + 0.98 * Math.sin(a) + 0.002 * rnd.nextGaussian();
      c.add(x, y, 20, dt);
    }
    c.solve();
    return c;
  }

  @Test
  void pointsAlongAnArcGiveTheCircleCentre() {
    GravityCircle c = fitted(90);
    assertTrue(c.known());
    assertEquals(0.04, c.b1(), 0.004);
    assertEquals(-0.03, c.b2(), 0.004);
  }

  @Test
  void aShortArcIsNotTrusted() {
    // 20° of turning: the centre could lie anywhere along the radius
    GravityCircle c = fitted(20);
    assertFalse(c.known());
    assertEquals(0, c.b1());
    assertEquals(0, c.b2());
  }

  @Test
  void pointsOffAnyCircleAreNotTrusted() {
    // a roller carried about: the force wanders 0.04 g off any circle
    GravityCircle c = new GravityCircle();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 3000; i++) {
      double a = Math.toRadians(90 * rnd.nextDouble());
      double r = 0.98 + 0.04 * rnd.nextGaussian();
      c.add(r * Math.cos(a), r * Math.sin(a), 20, 0.01);
    }
    c.solve();
    assertFalse(c.known());
  }

  @Test
  void aLongRestCountsOnlyItsFirstSecond() {
    GravityCircle c = new GravityCircle();
    // a minute at one angle, then 90° of turning: still enough spread to be trusted
    for (int i = 0; i < 6000; i++) c.add(1.02, -0.03, 0, 0.01);
    for (int i = 0; i <= 450; i++) {
      double a = Math.toRadians(i * 0.2);
      c.add(0.04 + 0.98 * Math.cos(a), -0.03 + 0.98 * Math.sin(a), 20, 0.01);
    }
    c.solve();
    assertTrue(c.known());
    assertEquals(0.04, c.b1(), 0.002);
  }

  /**
   * A roller whose accelerometer reads 40 mg off on two axes (an MPU-6050 allows ±50 mg, ±80 mg on
   * z): rolled over 100° and back for a minute, then turned by 40° between two rests. The offset
   * turns gravity's angle differently at the two rests, by up to 2.3°; once the circle is fitted
   * the turn reads true.
   */
  @Test
  void aTurnBetweenTwoRestsReadsTrueUnderAnAccelerometerOffset() {
    RollAngleTracker tracker = new RollAngleTracker();
    double[] offset = {0.04, 0.02, -0.04};
    double dt = 0.01;
    double rate = 0;
    double angle = 0; // degrees
    double thetaAtRest1 = Double.NaN;
    double trueAtRest1 = Double.NaN;
    double theta = Double.NaN;
    for (int i = 0; i <= 9000; i++) {
      double t = i * dt;
      double next;
      if (t < 60) {
        // 5 s strokes between 0° and 100°, a second's rest at each end
        double u = t % 12;
        next = u < 1 ? 0 : u < 6 ? 20 * (u - 1) : u < 7 ? 100 : 100 - 20 * (u - 7);
      } else if (t < 70) {
        next = 10; // the first rest
      } else if (t < 72) {
        next = 10 + 20 * (t - 70); // the turn, 40°
      } else {
        next = 50;
      }
      rate = i == 0 ? 0 : (next - angle) / dt;
      angle = next;
      double[] g = SyntheticSession.rotateForTest(UP0, AXIS, -Math.toRadians(angle));
      theta =
          tracker.update(
              AXIS[0] * rate, AXIS[1] * rate, AXIS[2] * rate,
              g[0] + offset[0], g[1] + offset[1], g[2] + offset[2],
              i == 0 ? 0 : dt, AXIS, rate == 0);
      if (t >= 69.99 && Double.isNaN(thetaAtRest1)) {
        thetaAtRest1 = theta;
        trueAtRest1 = angle;
      }
    }
    double turned = Math.toDegrees(theta - thetaAtRest1);
    assertEquals(angle - trueAtRest1, turned, 0.3, "turned " + turned + "°");
  }
}
