package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A vibrating roller's motor leaves an aliased residue in the rocking residual of the empty roller
 * (seed 7000024 short-strokes, vibration-before-on, 52 Hz: 0.0251° against the 0.025° line, "on" 6 s
 * before anybody got on). That residue is the roller's own floor while the motor runs: learned while
 * it runs and nobody is on, it lifts the "on" line, and a person's breathing still crosses it.
 */
class MotorFloorTest {
  private static final double HZ = OnRollerRig.HZ;

  /** Empty with the motor off until 20 s, motor on from then, a person on at {@code personAtS}. */
  private static double firstOn(double personAtS, double residueDeg, boolean tellSwitch) {
    OnRollerRig rig = new OnRollerRig(11);
    OnRollerDetector d = rig.detector;
    for (int i = 0; i < 200 * HZ; i++) {
      double t = i / HZ;
      boolean motor = t >= 20;
      if (tellSwitch && i == (int) (20 * HZ)) d.motorSwitched();
      // the motor's aliased line, wandering in amplitude as aliased lines do (beating with the
      // sampling clock): a residual of about residueDeg
      double line = motor ? residueDeg * Math.sqrt(2) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 17))
          * Math.sin(2 * Math.PI * 1.3 * t) : 0;
      boolean person = t >= personAtS;
      double breathing = person ? 0.15 * Math.sin(2 * Math.PI * t / 5) : 0;
      boolean shove = t >= personAtS && t < personAtS + 1;
      double r = rig.step(t, shove ? 8 : 0, line + breathing);
      if (Double.isNaN(r)) continue;
      d.motorRunning(motor);
      OnRollerDetector.Change c = d.update(r, rig.meter.linearResidualRms(), false, false);
      if (c == OnRollerDetector.Change.ON) return t;
    }
    return Double.NaN;
  }

  @Test
  void anEmptyRollerWithItsMotorRunningIsNotSomebody() {
    double on = firstOn(1e9, 0.024, true);
    assertTrue(Double.isNaN(on), "read 'on' at " + on);
  }

  @Test
  void aPersonStillGetsOnARunningRoller() {
    assertEquals(120.0, firstOn(120, 0.024, true), 1.0);
  }
}
