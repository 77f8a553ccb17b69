package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where getting off began, on a hand-made grid timeline (50 Hz): rolling, a rest with breathing, then
 * getting off (the roller shoved for 2 s from 40 s) and quiet. A finger switching a vibrating
 * roller's motor off a few seconds later knocks the shell without moving it: that knock is not
 * where getting off began (the last motion burst is); a get-off jolt that comes with the shove is.
 */
class GetOffLookBackTest {
  private static final double HZ = 50;
  private static final double ON = 10 * OnRollerDetector.ON_DEG;
  private static final double QUIET = 0.5 * OnRollerDetector.QUIET_DEG;

  /** Runs the timeline; returns the off time found (NaN if none). */
  private static double offTime(double knockS, double joltS, boolean shove) {
    return offTime(knockS, joltS, shove, 20, 45, Double.POSITIVE_INFINITY);
  }

  /**
   * @param strokesEndS the strokes (from 5 s) end here
   * @param motorUntilS a vibrating roller's motor runs from the start until here (0: no motor)
   * @param unloadedFromS from here the motor's shaking shows the load gone ({@link MotorLoad})
   */
  private static double offTime(
      double knockS, double joltS, boolean shove, double strokesEndS, double motorUntilS,
      double unloadedFromS) {
    // empty until the get-on shock at 2 s (the detector learns the sensor's floor meanwhile); the
    // 6 s activity window drains slowly, so the rocking reads quiet only from 47 s
    Timeline timeline =
        new Timeline()
            .strokesUntil(strokesEndS)
            .motorUntil(motorUntilS)
            .unloadedFrom(unloadedFromS)
            .quietFrom(47);
    if (!Double.isNaN(knockS)) timeline.shock(knockS);
    if (!Double.isNaN(joltS)) timeline.shock(joltS);
    if (shove) timeline.move(40, 42, 8);
    return timeline.offTime();
  }

  @Test
  void aKnockThatMovesNothingIsNotWhereGettingOffBegan() {
    double off = offTime(45.0, Double.NaN, true);
    assertEquals(40.0, off, 0.1, "off at the start of the shove, not at the knock (45 s)");
  }

  @Test
  void withoutAMotorAJoltThatMovesNothingIsAGentleGetOff() {
    // strokes until 38 s, a rest with breathing, then lifting off at 43 s without shoving the
    // roller: no button to knock, so the last stroke was the person's and getting off began at 43 s
    double none = Double.POSITIVE_INFINITY;
    assertEquals(43.0, offTime(43.0, Double.NaN, false, 38, 0, none), 0.1);
    // the same timeline on a roller whose motor ran until 43 s: a knock on its button
    assertEquals(35.0, offTime(43.0, Double.NaN, false, 38, 43, none), 0.1, "the last stroke's start");
  }

  @Test
  void aJoltAfterWhichTheMotorShakesFreelyIsTheLoadLeaving() {
    // the motor runs throughout and shakes 2× harder from the jolt at 43 s on (seen at rest 2.5 s
    // later): the jolt was the load leaving, not a finger switching the motor
    assertEquals(43.0, offTime(43.0, Double.NaN, false, 38, 60, 45.5), 0.1);
  }

  @Test
  void aJoltThatComesWithTheShoveIsFollowedBackToTheShovesStart() {
    assertEquals(40.0, offTime(Double.NaN, 41.0, true), 0.1);
  }

  @Test
  void aJoltWithNoRecentMotionIsItselfTheStart() {
    // lifting off cleanly after a long rest: nothing moved for 20 s, the jolt is all there is
    assertEquals(46.0, offTime(Double.NaN, 46.0, false), 0.1);
  }

  @Test
  void onAVibratingRollerAGentleCreepNoJoltMarkedIsWhereGettingOffEnded() {
    // the motor runs throughout; strokes until 38 s, a rest in which the shaking still showed the
    // load (40.5 s), then the weight eases off with the roller creeping 0.7 cm/s (between "at rest"
    // and "moving") from 41 to 42 s and no jolt; the freed shell shakes harder, seen at rest from
    // 43.5 s: the creep was getting off, and the last stroke (35-38 s) was the person's
    double off = new Timeline().motor(40.5, 43.5).move(41, 42, 0.7).offTime();
    assertEquals(41.0, off, 0.1, "the creep's start, not the last stroke's (35 s)");
  }

  @Test
  void aLoneFlagInTheLastStrokeBeforeARestIsNotPartOfTheGetOffsBurst() {
    // strokes until 39.4 s with a lone shock flag in the middle of the last one (38.5 s), a 0.6 s
    // rest, then the get-off: a jolt at 40 s with the shove: getting off began at 40 s, not back
    // through the last stroke from the lone flag
    assertEquals(40.0, offTime(38.5, 40.0, true, 39.4, 60, Double.POSITIVE_INFINITY), 0.1);
  }

  @Test
  void sittingUpInShovesWithAPauseBetweenBeganAtTheFirstShove() {
    // a hold from 38 s; a shove of 2.1 cm out of it (41-41.7 s), a 0.8 s pause, then the get-off's
    // jolt with a second shove (42.5-43 s): getting off began at the first shove, which would
    // otherwise lengthen the stroke before the hold across the pause (seed 39000177)
    double off = new Timeline().quietFrom(50).move(41, 41.7, -3).move(42.5, 43, -5).shock(42.55).offTime();
    assertEquals(41.0, off, 0.1);
  }

  @Test
  void aStrokeBeforeThePauseIsNoShoveOfGettingOff() {
    // as above, the movement before the pause 5.6 cm, a pass's travel: the person's last stroke
    double off = new Timeline().quietFrom(50).move(41, 41.7, -8).move(42.5, 43, -5).shock(42.55).offTime();
    assertEquals(42.5, off, 0.1);
    // and a small one begun longer than the get-off's lead before the jolt was no part of it
    off = new Timeline().quietFrom(50).move(39, 39.4, -3).move(42.5, 43, -5).shock(42.55).offTime();
    assertEquals(42.5, off, 0.1);
  }

  @Test
  void dataEndingAfterAPushNoFlagMarkedEndsWithTheGetOff() {
    // strokes, a rest (the hold) from 38 s, then the roller sent away at 30 cm/s from 45 to 46 s
    // with no shock flagged, and the recording stops at 49 s, before the roller could read quiet:
    // nobody rolls a back over a roller at that speed, so getting off began at 45 s, not at the end
    assertEquals(45.0, new Timeline().move(45, 46, 30).offAtEnd(49), 0.1, "where the push began");
  }

  @Test
  void gettingOffBeganWhereThePositionSetOffNotWhereTheSmoothedSpeedCaughtUp() {
    // a rest from 20 s, then sitting up shoves the roller from 40 s, accelerating (s = 2·(t−40)² cm)
    // with a jolt at 40.8 s; the speed the detector keeps is smoothed (τ = 0.1 s, as SessionDetector's),
    // so it reaches 0.5 cm/s only at ≈ 40.2 s, when the contact had moved 0.1 cm already
    GridHistory history = new GridHistory((int) (SessionDetector.HISTORY_S * HZ));
    OnRollerDetector d = new OnRollerDetector(history, SessionDetector.ACTIVITY_WINDOW_S);
    double s = 0;
    double prevS = 0;
    double speed = 0;
    double off = Double.NaN;
    for (int i = 0; i < 60 * HZ && Double.isNaN(off); i++) {
      double t = i / HZ;
      if (t >= 5 && t < 20) s += (((int) ((t - 5) / 3) % 2 == 0) ? 10 : -10) / HZ;
      double shove = t >= 40 ? 2 * Math.pow(Math.min(t, 41.5) - 40, 2) : 0;
      double pos = s + shove;
      speed += Math.min(1, 1 / HZ / 0.1) * ((pos - prevS) * HZ - speed);
      prevS = pos;
      history.add(t, pos, speed, Math.abs(t - 2) < 0.01 || Math.abs(t - 40.8) < 0.01);
      double quiet = t >= 47 ? QUIET : ON;
      if (d.update(t < 2 ? QUIET : ON, quiet, false, false) == OnRollerDetector.Change.OFF) off = d.offS();
    }
    // by the off time the contact has moved no more than the pass segmenter's tie (0.05 cm, i.e.
    // 40.16 s); where the smoothed speed caught up, it had moved 0.1 cm
    double moved = 2 * Math.pow(Math.max(0, off - 40), 2);
    assertTrue(off >= 39.95 && moved <= SessionDetector.MEASURED_TIE_CM, "off at " + off + ", moved " + moved);
  }

  @Test
  void aShockAfterWhichTheMotorStillShowedTheLoadIsNotTheGetOff() {
    // as the creep above, with a lone shock flag in a stroke at 33 s: the person was on after that
    // flag (the load seen at 40.5 s), so getting off is the creep at 41 s, not a walk back from the
    // flag through the strokes
    assertEquals(41.0, new Timeline().motor(40.5, 43.5).move(41, 42, 0.7).shock(33).offTime(), 0.1);
  }

  @Test
  void onAVibratingRollerAWeightLiftedStraightOffLeftWhereTheLoadWasLastSeen() {
    // the motor runs throughout; strokes until 38 s, a 4 s rest in which the shaking showed the
    // load until 41.8 s, then the shell shakes freely from 42.3 s with the roller never stirring and
    // no jolt (seed 28000145): getting off began after the rest, and the last stroke (35-38 s) was
    // the person's, not cut at the look-back's limit
    double off = new Timeline().motor(41.8, 42.3).offTime();
    assertEquals(41.8, off, 0.1);
  }

  @Test
  void onAVibratingRollerAWobbleAfterTheRollAwayIsNotWhereGettingOffEnded() {
    // the motor runs throughout, the load last seen at 40.5 s in the hold; getting off rolls the
    // roller away briskly at 41-42 s (no jolt flagged), it rests, then wobbles slowly at 42.6 s
    // (a slow sensor's noise across a gap); the shell shakes freely from 44 s: the brisk roll-away
    // came after the load was last seen, so it is the get-off, not the wobble
    double off = new Timeline().motor(40.5, 44).move(41, 42, 8).move(42.6, 42.8, -0.7).offTime();
    assertEquals(41.0, off, 0.1);
  }

  @Test
  void whatMovesAfterAPushIsTheEmptyRollerNotWhereGettingOffBegan() {
    // a hold from 38 s; getting off shoves the roller (41-41.5 s) and sends it away at 30 cm/s
    // (41.5-42.5 s), no jolt flagged; at 44 s the empty roller twitches (a bounce, a sensor spike):
    // getting off began at 41 s, and the roll-away is not a stroke of the person's
    double off =
        new Timeline().quietFrom(47).move(41, 41.5, 3).move(41.5, 42.5, 30).move(44, 44.04, 3).offTime();
    assertEquals(41.0, off, 0.1);
  }

  @Test
  void aShockAfterThePushIsTheEmptyRollerNotWhereGettingOffBegan() {
    // as above, the roller sent away at 30 cm/s at 41.5-42.5 s; at 46 s a shock flag (the motor
    // switched off once the person was up) with the roller moving around it at 2 cm/s (a slow
    // sensor's freed motor crept s, and gravity pulled it back once the shaking stopped: seed
    // 26000126): getting off began at 41 s, not at the shock
    double off =
        new Timeline().quietFrom(47).move(41, 41.5, 3).move(41.5, 42.5, 30).move(45.8, 46.3, 2).shock(46).offTime();
    assertEquals(41.0, off, 0.1);
  }

  /**
   * A hand-made timeline at 50 Hz: empty until the get-on shock at 2 s, strokes of 30 cm from 5 s
   * (to 38 s unless told), then what a test adds (movements, shock flags, a running motor's
   * evidence); the rocking reads as somebody on throughout unless a quiet time is given.
   */
  private static final class Timeline {
    private final List<double[]> moves = new ArrayList<>();
    private final List<Double> shocks = new ArrayList<>(List.of(2.0));
    private double strokesEndS = 38;
    private double motorUntilS;
    private double loadSeenS = Double.NaN;
    private double unloadedFromS = Double.POSITIVE_INFINITY;
    private double quietFromS = Double.POSITIVE_INFINITY;

    /** A motor runs throughout; its shaking showed the load at {@code loadSeenS}, freed from the other. */
    Timeline motor(double loadSeenS, double unloadedFromS) {
      this.motorUntilS = Double.POSITIVE_INFINITY;
      this.loadSeenS = loadSeenS;
      this.unloadedFromS = unloadedFromS;
      return this;
    }

    /** A motor runs from the start until {@code tS} (0: no motor), with no evidence of the load. */
    Timeline motorUntil(double tS) {
      motorUntilS = tS;
      return this;
    }

    /** From {@code tS} the motor's shaking shows the load gone ({@link MotorLoad}). */
    Timeline unloadedFrom(double tS) {
      unloadedFromS = tS;
      return this;
    }

    Timeline strokesUntil(double tS) {
      strokesEndS = tS;
      return this;
    }

    /** The roller moves at {@code cmS} from {@code fromS} to {@code toS}. */
    Timeline move(double fromS, double toS, double cmS) {
      moves.add(new double[] {fromS, toS, cmS});
      return this;
    }

    Timeline shock(double atS) {
      shocks.add(atS);
      return this;
    }

    /** The rocking reads quiet from then on. */
    Timeline quietFrom(double tS) {
      quietFromS = tS;
      return this;
    }

    /** Runs it; the off time found, NaN if none. */
    double offTime() {
      return run(60, true);
    }

    /** Runs it until {@code endS} and ends the data there; the off time placed. */
    double offAtEnd(double endS) {
      return run(endS, false);
    }

    private double run(double endS, boolean stopAtOff) {
      GridHistory history = new GridHistory((int) (SessionDetector.HISTORY_S * HZ));
      OnRollerDetector d = new OnRollerDetector(history, SessionDetector.ACTIVITY_WINDOW_S);
      double s = 0;
      for (int i = 0; i < endS * HZ; i++) {
        double t = i / HZ;
        double v = t >= 5 && t < strokesEndS ? (((int) ((t - 5) / 3) % 2 == 0) ? 10 : -10) : 0;
        for (double[] m : moves) if (t >= m[0] && t < m[1]) v = m[2];
        boolean shock = false;
        for (double at : shocks) shock |= Math.abs(t - at) < 0.01;
        s += v / HZ;
        history.add(t, s, v, shock);
        d.motorRunning(t < motorUntilS);
        if (t >= loadSeenS) d.loadSeenAt(loadSeenS);
        double quiet = t >= quietFromS ? QUIET : ON;
        boolean off = d.update(t < 2 ? QUIET : ON, quiet, false, t >= unloadedFromS) == OnRollerDetector.Change.OFF;
        if (off && stopAtOff) return d.offS();
      }
      return stopAtOff ? Double.NaN : d.offAtEnd();
    }
  }
}
