package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A vibrating roller's motor switched on while nobody is on it ({@link MotorStart}), as a slow
 * sensor shows it: the shaking level steps from the sensor's noise to tenths of a g, and the
 * motor's aliased wobble rocks the roll angle by 0.15° at 0.6 Hz, like a calm breather. A person
 * gets on 7 s later, turning the roller by 5° over a second, and breathes; their weight damps the
 * shaking by only 1.3× (under {@link MotorLoad#UNLOAD_RATIO}, so the damping alone does not say it).
 */
class MotorStartTest {
  private static final double HZ = SessionDetector.GRID_HZ;
  private static final double MOTOR_ON_S = 10;
  private static final double GET_ON_S = 17;

  /**
   * @param motorFromStart the motor runs from the first sample (no quiet level to rise from)
   * @param jostleOnly no motor: getting on shakes the roller for 2 s (0.1 g), as lying back does
   */
  private static List<MotionEvent> run(boolean motorFromStart, boolean jostleOnly) {
    List<MotionEvent> events = new ArrayList<>();
    SessionDetector d = new SessionDetector(events::add);
    for (int i = 0; i < 40 * HZ; i++) {
      double t = i / HZ;
      boolean motor = !jostleOnly && (motorFromStart || t >= MOTOR_ON_S);
      boolean on = t >= GET_ON_S;
      double level = 0.001;
      if (motor) level = on ? 0.6 : 0.8;
      else if (jostleOnly && on && t < GET_ON_S + 2) level = 0.1;
      double angle = 0.002 * Math.sin(i); // the gyro's noise
      if (motor) angle += 0.15 * Math.sin(2 * Math.PI * 0.6 * t);
      double turn = on ? Math.min(1, t - GET_ON_S) * 5 : 0; // lying back turns the roller 5°
      if (on) angle += turn + 0.3 * Math.sin(2 * Math.PI * (t - GET_ON_S) / 4);
      double s = turn * 0.11; // a 12.5 cm roller: 0.11 cm per degree
      boolean shock = Math.abs(t - GET_ON_S) < 0.5 / HZ || (!jostleOnly && !motorFromStart && Math.abs(t - MOTOR_ON_S) < 0.5 / HZ);
      d.motorLevel(level);
      d.accept(t, s, angle, angle, new double[] {angle, 0, 0}, shock);
    }
    return events;
  }

  private static List<MotionEvent.GotOn> gotOn(List<MotionEvent> events) {
    return EventsOfKind.of(events, MotionEvent.GotOn.class);
  }

  @Test
  void aMotorSwitchedOnUnderNobodyIsNotAPersonGettingOn() {
    List<MotionEvent.GotOn> on = gotOn(run(false, false));
    assertEquals(1, on.size(), "one get-on: " + on);
    assertEquals(GET_ON_S, on.get(0).onS(), 0.5, "dated at the get-on, not at the motor's start");
    assertTrue(on.get(0).atS() < GET_ON_S + 1.5, "and known within 1.5 s: " + on.get(0).atS());
  }

  @Test
  void aGetOnThatShakesTheRollerIsRecognisedOnceTheShakingFallsBack() {
    List<MotionEvent.GotOn> on = gotOn(run(false, true));
    assertEquals(1, on.size(), "one get-on: " + on);
    assertEquals(GET_ON_S, on.get(0).onS(), 0.5);
    // the live event waits for the shaking to fall back, no longer than a motor takes to be told
    assertTrue(on.get(0).atS() < GET_ON_S + MotorStart.CONFIRM_S, "known at " + on.get(0).atS());
  }

  @Test
  void aJostleJustAfterTheRecordingStartsIsAGetOnAsSoonAsItFallsBack() {
    // recording from 0 s, lying back at 5 s shakes the roller until 7.5 s; the rocking window is
    // full only at 6 s, so no floor is known: the residual the jostle showed is judged as it would
    // have been while the shaking lasted, not after a floor learned from the person's own rocking
    List<MotionEvent> events = new ArrayList<>();
    SessionDetector d = new SessionDetector(events::add);
    for (int i = 0; i < 20 * HZ; i++) {
      double t = i / HZ;
      double turn = t >= 5 ? Math.min(1, t - 5) * 5 : 0;
      double angle = 0.002 * Math.sin(i) + turn + (t >= 5 ? 0.3 * Math.sin(2 * Math.PI * (t - 5) / 4) : 0);
      d.motorLevel(t >= 5 && t < 7.5 ? 0.1 : 0.001);
      d.accept(t, turn * 0.11, angle, angle, new double[] {angle, 0, 0}, Math.abs(t - 5) < 0.5 / HZ);
    }
    List<MotionEvent.GotOn> on = gotOn(events);
    assertEquals(1, on.size(), "one get-on: " + on);
    assertEquals(7.5, on.get(0).atS(), 0.1, "known when the shaking fell back");
    assertEquals(5, on.get(0).onS(), 0.5);
  }

  @Test
  void aMotorRunningFromTheFirstSampleIsJudgedAsBefore() {
    // no quiet level to rise from: whoever may be on the roller already, the residual decides, and
    // the motor's residue reads as somebody at once (what MotorStart cannot mend without a rise)
    List<MotionEvent.GotOn> on = gotOn(run(true, false));
    assertTrue(!on.isEmpty() && on.get(0).onS() < MOTOR_ON_S, "on early, as before: " + on);
  }

  @Test
  void theLineOverTheShakingIsFivefoldItsResidueButNeverAboveAGetOnsTurn() {
    MotorStart m = new MotorStart();
    assertEquals(MotorStart.Verdict.NONE, m.update(0, 0.001, 0.003));
    MotorStart.Verdict v = MotorStart.Verdict.NONE;
    double t = 1;
    for (; t < 1 + MotorStart.CONFIRM_S + 0.1 && v != MotorStart.Verdict.STARTED; t += 1 / HZ) {
      v = m.update(t, 0.5, 0.04);
      if (v != MotorStart.Verdict.STARTED) assertEquals(MotorStart.Verdict.UNDECIDED, v, "at " + t);
    }
    assertEquals(MotorStart.Verdict.STARTED, v);
    assertEquals(1 + MotorStart.CONFIRM_S, t, 0.05);
    assertEquals(5 * 0.04, m.lineDeg(), 1e-12);
    assertEquals(MotorStart.Verdict.SHAKING, m.update(t, 0.5, 0.04));
    assertEquals(MotorStart.Verdict.STOPPED, m.update(t + 1, 0.002, 0.04));

    MotorStart loud = new MotorStart();
    loud.update(0, 0.001, 0.003);
    for (double u = 1; u < 1 + MotorStart.CONFIRM_S + 0.1; u += 1 / HZ) loud.update(u, 0.5, 0.3);
    assertEquals(MotorStart.GET_ON_DEG, loud.lineDeg(), 1e-12);
  }

  @Test
  void aShakingThatFallsBackSoonIsAJostleAndItsPeakStillCounts() {
    MotorStart m = new MotorStart();
    m.update(0, 0.001, 0.003);
    m.update(1, 0.2, 0.01);
    m.update(2, 0.2, 3.0);
    assertEquals(MotorStart.Verdict.FELL_BACK, m.update(3, 0.01, 2.0));
    assertEquals(3.0, m.peakDeg(), 1e-12);
    assertEquals(MotorStart.Verdict.NONE, m.update(4, 0.01, 2.0));
  }
}
