package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A knock that switches a vibrating roller's motor on (or off) is recognised by the shaking that
 * appears (or vanishes) after it; a body's jolt on a running roller, which only damps or frees the
 * shaking by a small factor, and a jolt on a roller without a motor are not.
 */
class MotorSwitchTest {
  private static final double RATE = 200;

  /**
   * 4 s of samples with a shock flagged at 2 s; the motor (45 Hz, radial, in the x–z plane) shakes
   * with amplitude {@code beforeG} before the shock and {@code afterG} after it.
   */
  private static double run(double beforeG, double afterG) {
    MotorSwitch m = new MotorSwitch();
    double found = Double.NaN;
    for (int i = 0; i < 4 * RATE; i++) {
      double t = i / RATE;
      double a = t < 2 ? beforeG : afterG;
      double p = 2 * Math.PI * 45 * t;
      double jolt = t >= 2 && t < 2.3 ? 0.5 * Math.sin(2 * Math.PI * 6 * (t - 2)) : 0;
      double r = m.update(t, a * Math.cos(p) + jolt, 0, 1 + a * Math.sin(p), Double.NaN, i == 2 * RATE);
      if (!Double.isNaN(r)) found = r;
    }
    return found;
  }

  @Test
  void motorSwitchedOnOrOffIsRecognisedAtItsKnock() {
    assertEquals(2.0, run(0, 0.4), 1e-9);
    assertEquals(2.0, run(0.3, 0), 1e-9);
  }

  @Test
  void aBodyLoadingOrLeavingARunningRollerIsNotASwitch() {
    assertTrue(Double.isNaN(run(0.2, 0.4)), "unloading doubles the shaking: still a body's jolt");
    assertTrue(Double.isNaN(run(0.6, 0.3)));
  }

  @Test
  void aSecondJoltAfterTheFirstIsABodyNotAMotor() {
    // sitting up: a jolt, then another 0.8 s later, whose ring fills the window after the first
    MotorSwitch m = new MotorSwitch();
    double found = Double.NaN;
    for (int i = 0; i < 4 * RATE; i++) {
      double t = i / RATE;
      double ring = 0;
      for (double at : new double[] {2.0, 2.8}) {
        if (t >= at && t < at + 0.8) ring += 0.5 * Math.sin(2 * Math.PI * 20 * (t - at));
      }
      double r = m.update(t, ring, 0, 1, Double.NaN, i == 2 * RATE || i == (int) (2.8 * RATE));
      if (!Double.isNaN(r)) found = r;
    }
    assertTrue(Double.isNaN(found));
  }

  @Test
  void aJoltWithoutAMotorIsNotASwitch() {
    assertTrue(Double.isNaN(run(0, 0)));
  }

  /**
   * A gentle get-off (seed 7000026 pauser, 1000 Hz): one jolt, then the roller rolls away within the
   * second after it, its rumble filling part of the window and gone by its end. Not steady like a
   * motor: the get-off stays a body's jolt, so the hold before it stays a hold.
   */
  @Test
  void aRollAwayAfterAJoltIsNotAMotor() {
    for (double rate : new double[] {26, 200, 1000}) {
      MotorSwitch m = new MotorSwitch();
      double found = Double.NaN;
      for (int i = 0; i < 4 * rate; i++) {
        double t = i / rate;
        // a 0.55 s rumble of 0.3 g peak from 0.7 s after the jolt, across the middle of the window
        // [2.5, 3.5] s: its two halves carry about the same energy, its last quarter none
        double rumble = t >= 2.7 && t < 3.25 ? 0.3 * Math.sin(Math.PI * (t - 2.7) / 0.55) : 0;
        double a = rumble * Math.sin(2 * Math.PI * 37 * t);
        double jolt = t >= 2 && t < 2.3 ? 0.5 * Math.sin(2 * Math.PI * 6 * (t - 2)) : 0;
        double r = m.update(t, a + jolt, 0, 1, Double.NaN, i == (int) (2 * rate));
        if (!Double.isNaN(r)) found = r;
      }
      assertTrue(Double.isNaN(found), "at " + rate + " Hz");
    }
  }

  /** A motor switched on is still recognised at the lowest rates, where it is aliased. */
  @Test
  void aSteadyMotorIsRecognisedAt26Hz() {
    MotorSwitch m = new MotorSwitch();
    double found = Double.NaN;
    double rate = 26;
    for (int i = 0; i < 4 * rate; i++) {
      double t = i / rate;
      double a = t < 2 ? 0 : 0.4;
      double p = 2 * Math.PI * 45 * t; // aliased to 7 Hz at 26 Hz
      double jolt = t >= 2 && t < 2.3 ? 0.5 * Math.sin(2 * Math.PI * 6 * (t - 2)) : 0;
      double r = m.update(t, a * Math.cos(p) + jolt, 0, 1 + a * Math.sin(p), Double.NaN, i == (int) (2 * rate));
      if (!Double.isNaN(r)) found = r;
    }
    assertEquals(2.0, found, 1e-9);
  }

  /**
   * A 52 Hz sensor under a running motor whose line, aliased, sits at 1.2 Hz while a body slows it
   * and moves to 9 Hz when the body leaves (the simulator's seed 21000130): above the high-pass the
   * energy grows ~50×, like a switch; at every frequency the motor ran on both sides.
   */
  private static double aliasedGetOff(boolean allBand) {
    double rate = 52;
    MotorSwitch m = new MotorSwitch();
    RestShaking rest = new RestShaking();
    double found = Double.NaN;
    double phase = 0;
    for (int i = 0; i < 4 * rate; i++) {
      double t = i / rate;
      boolean loaded = t < 2;
      phase += 2 * Math.PI * (loaded ? 1.2 : 9) / rate;
      double a = loaded ? 0.25 : 0.6;
      double ax = a * Math.cos(phase);
      double az = 1 + a * Math.sin(phase);
      rest.update(ax, 0, az, 0, 0, 0, i == 0 ? 0 : 1 / rate);
      double r = m.update(t, ax, 0, az, allBand ? rest.residual2() : Double.NaN, i == 2 * rate);
      if (!Double.isNaN(r)) found = r;
    }
    return found;
  }

  @Test
  void aMotorAliasedUnderTheHighPassOnBothSidesIsNoSwitch() {
    assertEquals(2.0, aliasedGetOff(false), 0.05, "the high-pass alone takes the get-off for a switch");
    assertTrue(Double.isNaN(aliasedGetOff(true)));
  }
}
