package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Getting on recognised late, as it is when a slow sensor's motor starts at the same time ({@link
 * MotorStart}) or only the motor's damping shows it: the get-on is dated, and the person settled,
 * from what the history shows, not from when it was recognised.
 */
class LateGetOnTest {
  private static final double HZ = OnRollerRig.HZ;

  /**
   * Nothing in the residual; the motor's damping says "on" at 20 s ({@code dampedSinceS} before).
   * With {@code shove}, getting on shoved the roller at 16–17 s, it rested 17–17.6 s and was rolled
   * from 17.6 s.
   */
  private static OnRollerDetector lateOn(boolean shove, double dampedSinceS) {
    OnRollerRig rig = new OnRollerRig(4);
    OnRollerDetector d = rig.detector;
    for (int i = 0; i < 25 * HZ; i++) {
      double t = i / HZ;
      double v = 0;
      if (shove && t >= 16 && t < 17) v = 8;
      else if (shove && t >= 17.6) v = 5;
      rig.step(t, v, 0);
      d.motorRunning(true);
      boolean damped = t >= 20;
      d.motorDamped(damped, damped ? dampedSinceS : Double.NaN);
      d.update(0, 0, true, false);
    }
    return d;
  }

  @Test
  void aGetOnKnownLateSettlesAtTheRestTheHistoryShows() {
    OnRollerDetector d = lateOn(true, 16.5);
    assertEquals(16.0, d.onS(), 0.03, "dated at the shove");
    // the rest after the jostle, 3 s before the damping told: the first stroke is the person's
    assertEquals(17.0, d.settledS(), 0.03);
  }

  @Test
  void aRestUnderWayAtTheLandingsJoltSettlesTheGetOn() {
    // the roller, shoved as the person lies back (10.2-10.6 s), is at rest 40 ms before the body
    // lands with a jolt (10.64 s), stays put for 2 s and is rolled from 12.6 s: the person settled at
    // the jolt; waiting 3 s after it instead fell into the first stroke (seed 35000189)
    DoubleUnaryOperator cmS = t -> t >= 10.2 && t < 10.6 ? 3 : t >= 12.6 && t < 14.6 ? 5 : 0;
    double settled = OnRollerRig.settledAt(6, cmS, 10.2, 10.64);
    assertEquals(10.64, settled, 0.03);
  }

  @Test
  void aRestUnderWaySinceBeforeTheGetOnIsNoSettling() {
    // somebody on from 10 s by the rocking alone, no jolt; lying back rolls the roller 5.5 cm at
    // 10.8-11.72 s, then it rests: the person settled after that jostle, not in the stillness before
    // it (which would have made the jostle a pass, seed 21000087)
    double settled = OnRollerRig.settledAt(7, t -> t >= 10.8 && t < 11.72 ? 6 : 0, 10, Double.NaN);
    assertEquals(11.72, settled, 0.03);
  }

  @Test
  void nobodyGetsOnBeforeTheyGotOff() {
    // on from 10 s; a stroke (5.6 cm) at 28 s, a rest, the get-off's shove at 30 s, quiet; back on
    // at 33 s: the look-back for the get-on's first transient reaches the stroke, in the last period
    OnRollerRig rig = new OnRollerRig(5);
    OnRollerDetector d = rig.detector;
    double offS = Double.NaN;
    double onAgainS = Double.NaN;
    for (int i = 0; i < 40 * HZ && Double.isNaN(onAgainS); i++) {
      double t = i / HZ;
      boolean moving = (t >= 10 && t < 10.5) || (t >= 28 && t < 28.7) || (t >= 30 && t < 30.5);
      rig.step(t, moving ? 8 : 0, 0);
      boolean person = (t >= 10 && t < 30.5) || t >= 33;
      double r = person ? 1.0 : 0.001;
      OnRollerDetector.Change c = d.update(r, r, false, false);
      if (c == OnRollerDetector.Change.OFF) offS = d.offS();
      if (c == OnRollerDetector.Change.ON && !Double.isNaN(offS)) onAgainS = d.onS();
    }
    assertEquals(30.0, offS, 0.1);
    assertTrue(onAgainS >= offS, "on again at " + onAgainS + ", before the get-off at " + offS);
  }

  @Test
  void aGetOnOnlyTheDampingShowsIsDatedWhereTheDampingBegan() {
    OnRollerDetector d = lateOn(false, 18.2);
    assertEquals(18.2, d.onS(), 1e-9);
  }
}
