package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GyroBiasTrackerTest {
  @Test
  void learnsALargeBiasFromTheFirstStillPeriod() {
    GyroBiasTracker b = new GyroBiasTracker();
    Random rnd = new Random(3);
    for (int i = 0; i < 500; i++) {
      b.update(15 + 0.1 * rnd.nextGaussian(), -4 + 0.1 * rnd.nextGaussian(), 0.5, 0, 0, 1, i == 0 ? 0 : 0.01);
    }
    assertTrue(b.estimated());
    assertEquals(15, b.bias(0), 0.05);
    assertEquals(-4, b.bias(1), 0.05);
  }

  @Test
  void slowSteadyRollingIsNotMistakenForBias() {
    GyroBiasTracker b = new GyroBiasTracker();
    // rolling at a steady 6 °/s about z for 20 s: the rate is steady, but gravity turns in the
    // sensor frame, which the accelerometer shows
    for (int i = 0; i < 2000; i++) {
      double th = Math.toRadians(6 * i * 0.01);
      b.update(0, 0, 6, Math.cos(th), -Math.sin(th), 0, i == 0 ? 0 : 0.01);
    }
    assertFalse(b.estimated());
  }

  @Test
  void tracksADriftingBiasWhileStill() {
    GyroBiasTracker b = new GyroBiasTracker();
    for (int i = 0; i < 60000; i++) {
      double t = i * 0.01;
      b.update(0.5 + 0.005 * t, 0, 0, 0, 0, 1, i == 0 ? 0 : 0.01); // 0.3 °/s per minute
    }
    // a first-order low-pass at 0.02 Hz lags a ramp by slope/(2π·0.02) = 0.04 °/s
    assertEquals(0.5 + 0.005 * 600, b.bias(0), 0.06);
  }

  /**
   * A vibrating roller's motor running from the first sample, aliased by a 52 Hz sensor to a steady
   * 1.2 Hz line (0.3 g in the specific force, 2.7 °/s in the rate, the low-pass before the tracker
   * passes it): no sample is ever steady, but the roller rests, and the slower look finds the bias.
   */
  @Test
  void learnsTheBiasUnderASteadyMotorLine() {
    GyroBiasTracker b = new GyroBiasTracker();
    double dt = 1 / 52.0;
    for (int i = 0; i < 52 * 20; i++) {
      double p = 2 * Math.PI * 1.2 * i * dt;
      b.update(
          7 + 2.7 * Math.cos(p), -4 + 1.5 * Math.sin(p), 1, 0.3 * Math.cos(p), 0.05, 1 + 0.3 * Math.sin(p),
          i == 0 ? 0 : dt);
    }
    assertTrue(b.estimated(), "estimated under the line");
    assertEquals(7, b.bias(0), 0.3);
    assertEquals(-4, b.bias(1), 0.3);
  }

  /** The same line while the roller rolls slowly (4 °/s about z): gravity turns, no estimate. */
  @Test
  void slowRollingUnderAMotorLineIsNotMistakenForBias() {
    GyroBiasTracker b = new GyroBiasTracker();
    double dt = 1 / 52.0;
    for (int i = 0; i < 52 * 20; i++) {
      double t = i * dt;
      double p = 2 * Math.PI * 1.2 * t;
      double th = Math.toRadians(4 * t);
      b.update(
          2.7 * Math.cos(p), 1.5 * Math.sin(p), 4, Math.cos(th) + 0.3 * Math.cos(p), -Math.sin(th),
          0.3 * Math.sin(p), i == 0 ? 0 : dt);
    }
    assertFalse(b.estimated());
  }
}
