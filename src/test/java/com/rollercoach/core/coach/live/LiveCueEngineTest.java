package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.Phase;
import com.rollercoach.core.detect.SessionDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCueEngineTest {
  private final CoachingTargets targets = Prescription.protocolDefault().targets();
  private final List<Cue> cues = new ArrayList<>();
  /** A 15 cm roller: 1 cm along the back is 7.6° of roll. */
  private final LiveCueEngine engine = new LiveCueEngine(Prescription.protocolDefault(), 15, cues::add);
  private int passes;

  /** A pass of {@code travel} cm taking {@code seconds}, alternating direction, ending at {@code t}. */
  private void pass(double t, double fromCm, double toCm, double seconds) {
    passes++;
    Pass p = new Pass(passes, t - seconds, t, fromCm, toCm);
    engine.onEvent(new MotionEvent.PassCompleted(t, p, passes, passes / 2));
  }

  private static LiveState rolling(double t, double s, int rolls) {
    return new LiveState(t, s, 2.0, Phase.ROLLING, true, rolls * 2, rolls, Double.NaN, 0, Double.NaN);
  }

  private static LiveState still(double t, double since, double s, int rolls, int breaths) {
    return new LiveState(t, s, 0, Phase.STILL, true, rolls * 2, rolls, since, breaths, Double.NaN);
  }

  private <T extends Cue> List<T> only(Class<T> kind) {
    return cues.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** Slow 20 cm passes (2.5 cm/s) between 0 and 20 cm, {@code n} of them, from t = 8 s. */
  private double rollSlowly(int n) {
    double t = 0;
    for (int i = 0; i < n; i++) {
      t += 8;
      pass(t, i % 2 == 0 ? 0 : 20, i % 2 == 0 ? 20 : 0, 8);
    }
    return t;
  }

  @Test
  void ticksOncePerRollAndChimesAtBothTargets() {
    rollSlowly(44);
    List<Cue.RollTick> ticks = only(Cue.RollTick.class);
    assertEquals(22, ticks.size());
    assertEquals(List.of(1, 2, 3), ticks.subList(0, 3).stream().map(Cue.RollTick::rolls).toList());
    List<Cue.RollMilestone> milestones = only(Cue.RollMilestone.class);
    assertEquals(2, milestones.size());
    assertEquals(10, milestones.get(0).rolls());
    assertEquals(false, milestones.get(0).upperTarget());
    assertEquals(20, milestones.get(1).rolls());
    assertEquals(true, milestones.get(1).upperTarget());
  }

  @Test
  void aSessionStoppedOnATenderSpotCountsItOnce() {
    // 3 rolls, then a still: with rolls still to do it is coached as a tender spot; the session is
    // stopped on it, and LiveSession tells the pipeline's hold as the dwell it was coached as
    double t = rollSlowly(6);
    for (double u = t; u <= t + 20; u += 0.5) engine.onState(still(u, t, 20, 3, 0));
    assertEquals(1, only(Cue.TenderSpot.class).size());
    engine.onEvent(new MotionEvent.DwellFound(t + 20, new com.rollercoach.core.detect.Dwell(t, t + 20, 20)));
    engine.end(t + 20);
    Cue.SessionDone done = only(Cue.SessionDone.class).get(0);
    assertEquals(1, done.tenderSpots(), "it said 2: the dwell and the still running at the end");
  }

  @Test
  void aSessionStoppedOnAStillCoachedAsATenderSpotEndsWithTheHoldTheDetectorFound() {
    // no pass followed the still: by the definitions it is the extension hold, and the spoken summary
    // says what analyze says (it said "1 tender spot" while analyze said a hold)
    double t = rollSlowly(6);
    for (double u = t; u <= t + 22; u += 0.5) engine.onState(still(u, t, 20, 3, 0));
    assertEquals(1, only(Cue.TenderSpot.class).size(), "coached as a tender spot while it ran");
    engine.onEvent(new MotionEvent.HoldFound(t + 22,
        new com.rollercoach.core.detect.ExtensionHold(t, t + 22, 20, 5, 14)));
    engine.end(t + 22);
    Cue.SessionDone done = only(Cue.SessionDone.class).get(0);
    assertEquals(0, done.tenderSpots());
    assertEquals(22, done.holdS(), 1e-9);
  }

  @Test
  void anEarlierDwellConfirmedWhileANewSpotRunsDoesNotStandForIt() {
    // spot A, a pass, spot B; A's dwell is confirmed only while B is coached, and the session stops
    // on B: both are tender spots by the coach's count (B was taken for A's when "at or before")
    double t = rollSlowly(6);
    for (double u = t; u <= t + 20; u += 0.5) engine.onState(still(u, t, 20, 3, 0));
    pass(t + 28, 20, 0, 8);
    double b = t + 28;
    for (double u = b; u <= b + 20; u += 0.5) engine.onState(still(u, b, 0, 3, 0));
    assertEquals(2, only(Cue.TenderSpot.class).size());
    engine.onEvent(new MotionEvent.DwellFound(b + 20, new com.rollercoach.core.detect.Dwell(t, t + 20, 20)));
    engine.end(b + 20);
    assertEquals(2, only(Cue.SessionDone.class).get(0).tenderSpots());
  }

  @Test
  void aTenderSpotStillRunningAtTheEndCountsWithoutADwell() {
    double t = rollSlowly(6);
    for (double u = t; u <= t + 20; u += 0.5) engine.onState(still(u, t, 20, 3, 0));
    engine.end(t + 20);
    assertEquals(1, only(Cue.SessionDone.class).get(0).tenderSpots());
  }

  @Test
  void slowPassesGetNoSlowDownCue() {
    rollSlowly(10);
    assertTrue(only(Cue.SlowDown.class).isEmpty());
  }

  @Test
  void fastPassesGetOneSlowDownCuePerTenSeconds() {
    // 20 cm in 2 s = 10 cm/s, over the 6 cm/s limit; one pass every 2 s for 30 s.
    for (int i = 1; i <= 15; i++) {
      pass(2.0 * i, i % 2 == 0 ? 20 : 0, i % 2 == 0 ? 0 : 20, 2);
    }
    List<Cue.SlowDown> slow = only(Cue.SlowDown.class);
    assertEquals(List.of(2.0, 12.0, 22.0), slow.stream().map(Cue::atS).toList());
    assertEquals(10.0, slow.get(0).speedCmS(), 1e-9);
    assertEquals(targets.paceCmS(), slow.get(0).targetCmS());
  }

  /** The roller stopped at 10 cm, then the hips dropped: +1.5 cm (11.5°) over 1.5 s, still from {@code since}. */
  private void hipDrop(double stopS, double since) {
    hipDrop(engine, stopS, since);
  }

  private static void hipDrop(LiveCueEngine engine, double stopS, double since) {
    for (double x = stopS - 2; x < stopS; x += 0.05) engine.onState(rolling(x, 10 - (stopS - x), 20));
    for (double x = stopS; x < since; x += 0.05) {
      double f = (x - stopS) / (since - stopS);
      double v = 1.5 / (since - stopS) * 30 * f * f * (1 - f) * (1 - f); // minimum-jerk speed
      engine.onState(new LiveState(x, 10 + 1.5 * f * f * f * (10 - 15 * f + 6 * f * f), v, Phase.ROLLING,
          true, 40, 20, Double.NaN, 0, Double.NaN));
    }
    for (double x = since; x < since + 8; x += 0.05) engine.onState(new LiveState(x, 11.5, 0, Phase.ROLLING,
        true, 40, 20, Double.NaN, 0, Double.NaN));
  }

  @Test
  void aStillAfterEnoughRollsWithoutTheHipDropStaysNeutral() {
    double t = rollSlowly(20);
    double since = t + 1;
    for (double x = since; x <= since + 130; x += 0.05) {
      engine.onState(still(x, since, 10, 20, (int) ((x - since) / 6)));
    }
    assertEquals(StillMode.NEUTRAL, engine.stillMode());
    assertTrue(only(Cue.HoldCountdown.class).isEmpty(), cues.toString());
    assertTrue(only(Cue.HoldStarted.class).isEmpty());
    assertEquals(0, engine.breathsInHold());
    assertEquals(List.of(60, 120), only(Cue.StillTimer.class).stream().map(Cue.StillTimer::elapsedS).toList());
  }

  /**
   * The last roll-away of a set onto the floor also ends in a 5–20° roll and a stop: if the person is
   * off within the 8 s a still needs to be a still-loaded segment, no hold is announced.
   */
  @Test
  void aHipDropFollowedByGettingOffWithinEightSecondsIsNotCalledTheHold() {
    double t = rollSlowly(20);
    double since = t + 2.5;
    hipDrop(t + 1, since);
    for (double x = since; x <= since + 6; x += 0.01) engine.onState(still(x, since, 11.5, 20, 0));
    for (double x = since + 6; x <= since + 30; x += 0.01) {
      engine.onState(new LiveState(x, 11.5, 0, Phase.OFF_ROLLER, false, 40, 20, Double.NaN, 0, Double.NaN));
    }
    assertTrue(only(Cue.HoldStarted.class).isEmpty(), cues.toString());
    // Staying on past 10 s is the hold, announced then, its countdown still from the stop.
    cues.clear();
    double t2 = since + 40;
    for (double x = t2; x <= t2 + 9; x += 0.01) engine.onState(still(x, t2, 11.5, 20, 0));
    assertTrue(only(Cue.HoldStarted.class).isEmpty(), "no hip drop before this still: " + cues);
  }

  /**
   * A set's roll-away onto the floor stops the roller in the band: the detector reports a still
   * there and says the person is off only seconds later (samples/two-sets.csv: still since 2:36,
   * "off the roller since 2:35" at 2:43). Nothing about a still is said to someone getting up —
   * not "Holding still.", not "Tender spot." with rolls still to do.
   */
  @Test
  void aStillTheDetectorReportsAsThePersonGetsOffIsNotCoached() {
    double t = rollSlowly(6);
    double since = t + 1;
    for (double x = since + 2.5; x <= since + 8; x += 0.05) engine.onState(still(x, since, 12, 3, 0));
    for (double x = since + 8; x <= since + 20; x += 0.05) {
      engine.onState(new LiveState(x, 12, 0, Phase.OFF_ROLLER, false, 6, 3, Double.NaN, 0, Double.NaN));
    }
    assertTrue(only(Cue.StillStarted.class).isEmpty(), cues.toString());
    assertTrue(only(Cue.TenderSpot.class).isEmpty(), cues.toString());
    assertEquals(StillMode.NONE, engine.stillMode());
    // staying on, the same still is coached once it has lasted STILL_CONFIRM_S, since the stop
    cues.clear();
    double t2 = since + 40;
    for (double x = t2 + 2.5; x <= t2 + 12; x += 0.05) engine.onState(still(x, t2, 12, 3, 0));
    List<Cue.StillStarted> started = only(Cue.StillStarted.class);
    assertEquals(1, started.size(), cues.toString());
    assertEquals(t2 + LiveCueEngine.STILL_CONFIRM_S, started.get(0).atS(), 0.06);
    assertEquals(t2, started.get(0).sinceS());
    assertEquals(1, only(Cue.TenderSpot.class).size());
  }

  @Test
  void holdAfterEnoughRollsAndTheHipDropCountsDownAt30And10AndDone() {
    double t = rollSlowly(20);
    double since = t + 2.5;
    hipDrop(t + 1, since);
    for (double x = since + 8; x <= since + 70; x += 0.005) {
      engine.onState(still(x, since, 11.5, 20, (int) ((x - since) / 6)));
    }
    assertEquals(StillMode.HOLD, engine.stillMode());
    assertEquals(1, only(Cue.HoldStarted.class).size());
    assertEquals(since + LiveCueEngine.STILL_CONFIRM_S, only(Cue.HoldStarted.class).get(0).atS(), 0.01,
        "announced once confirmed");
    List<Cue.HoldCountdown> countdown = only(Cue.HoldCountdown.class);
    assertEquals(List.of(30, 10, 0), countdown.stream().map(Cue.HoldCountdown::remainingS).toList());
    assertEquals(since + 30, countdown.get(0).atS(), 0.01);
    assertEquals(since + 50, countdown.get(1).atS(), 0.01);
    assertEquals(since + 60, countdown.get(2).atS(), 0.01);
    assertEquals(10, countdown.get(2).breaths());
    assertTrue(only(Cue.DwellTimer.class).isEmpty());
  }

  /**
   * A weight shift in the hold moves the roller as getting off would: the countdown waits until the
   * detector can tell (see {@link LiveState#onShown}), then says the seconds actually left rather
   * than the mark that passed meanwhile ("30 seconds left" with 25 s left).
   */
  @Test
  void aCountdownMarkHeldBackByAShiftSaysTheSecondsActuallyLeft() {
    double t = rollSlowly(20);
    double since = t + 2.5;
    hipDrop(t + 1, since);
    double shift = since + 27; // 33 s left: the 30 s mark comes 3 s after it
    for (double x = since + 8; x <= since + 70; x += 0.005) {
      double moved = x >= shift ? shift : Double.NaN;
      engine.onState(new LiveState(x, 11.5, 0, Phase.HOLD, true, 40, 20, since, 0, moved));
    }
    List<Cue.HoldCountdown> countdown = only(Cue.HoldCountdown.class);
    assertEquals(3, countdown.size(), cues.toString());
    assertEquals(shift + SessionDetector.EMPTY_SHOWN_S, countdown.get(0).atS(), 0.01);
    for (Cue.HoldCountdown c : countdown) {
      double left = 60 - (c.atS() - since);
      assertEquals(left, c.remainingS(), 1.0, "said '" + CueText.of(c) + "' with " + left + " s left");
    }
    assertEquals(List.of(10, 0), countdown.subList(1, 3).stream().map(Cue.HoldCountdown::remainingS).toList());
  }

  /**
   * The hold is announced 10 s after the stop, so with a 35 s target only 25 s are left then: the
   * countdown must not say "30 seconds left" at that moment (it did, right after "35 seconds").
   */
  @Test
  void aCountdownMarkAlreadyPassedWhenTheHoldIsAnnouncedIsNotSaid() {
    List<Cue> heard = new ArrayList<>();
    LiveCueEngine e = new LiveCueEngine(new Prescription(10, 20, 2, 4, 60, 120, 35, 3), 15, heard::add);
    double since = 100;
    hipDrop(e, since - 1.5, since);
    for (double x = since + 8; x <= since + 40; x += 0.005) e.onState(still(x, since, 11.5, 20, 0));
    List<Cue.HoldCountdown> countdown = heard.stream().filter(c -> c instanceof Cue.HoldCountdown)
        .map(c -> (Cue.HoldCountdown) c).toList();
    assertEquals(1, heard.stream().filter(c -> c instanceof Cue.HoldStarted).count(), heard.toString());
    for (Cue.HoldCountdown c : countdown) {
      double left = 35 - (c.atS() - since);
      assertEquals(c.remainingS(), left, 0.5, "said '" + CueText.of(c) + "' with " + left + " s left");
    }
    assertEquals(List.of(10, 0), countdown.stream().map(Cue.HoldCountdown::remainingS).toList());
  }

  @Test
  void aBreathAnnouncedInTheHoldIsCountedWithItsEvent() {
    // a display reading the count as the breath is announced (the console's "breath N" line) must
    // see it with that breath, not the count the state brought one sample before it
    double t = rollSlowly(20);
    double since = t + 2.5;
    hipDrop(t + 1, since);
    for (double x = since + 8; x <= since + 20; x += 0.05) engine.onState(still(x, since, 11.5, 20, 2));
    assertEquals(StillMode.HOLD, engine.stillMode());
    assertEquals(2, engine.breathsInHold());
    engine.onEvent(new MotionEvent.BreathDetected(since + 20, since + 18));
    assertEquals(3, engine.breathsInHold());
    // and the next state, which carries the detector's count of 3, agrees
    engine.onState(still(since + 20.05, since, 11.5, 20, 3));
    assertEquals(3, engine.breathsInHold());
  }

  @Test
  void stillSegmentBeforeEnoughRollsIsADwellWithTimersAtOneAndTwoMinutes() {
    double t = rollSlowly(6);
    double since = t + 1;
    for (double x = since + 8; x <= since + 130; x += 0.5) {
      engine.onState(still(x, since, 12, 3, 0));
    }
    assertEquals(StillMode.TENDER_SPOT, engine.stillMode());
    List<Cue.DwellTimer> timers = only(Cue.DwellTimer.class);
    assertEquals(List.of(60, 120), timers.stream().map(Cue.DwellTimer::elapsedS).toList());
    assertEquals(List.of(false, true), timers.stream().map(Cue.DwellTimer::maximum).toList());
    assertTrue(only(Cue.HoldCountdown.class).isEmpty());
  }

  @Test
  void aNewStillSegmentRestartsItsTimers() {
    double t = rollSlowly(4);
    for (double x = t + 8; x <= t + 65; x += 1) {
      engine.onState(still(x, t, 10, 2, 0));
    }
    engine.onState(rolling(t + 66, 12, 2));
    assertEquals(StillMode.NONE, engine.stillMode());
    double since = t + 80;
    for (double x = since + 8; x <= since + 65; x += 1) {
      engine.onState(still(x, since, 10, 2, 0));
    }
    assertEquals(2, only(Cue.DwellTimer.class).size());
  }

  /**
   * The guard speaks once the stroke that went beyond the range is a pass: as it turns back (or
   * stops), not as the roller crosses the edge, where getting off also takes it.
   */
  @Test
  void rangeGuardFiresWhenAPassGoesBeyondTheStartingRangeAndRearmsInside() {
    double t = rollSlowly(4); // starting range 0..20 cm
    engine.onState(rolling(t + 1, 24, 2)); // within the 5 cm growth allowance
    engine.onState(rolling(t + 2, 26, 2));
    engine.onState(rolling(t + 3, 27, 2)); // still outside
    assertTrue(only(Cue.RangeGuard.class).isEmpty(), "not while the stroke may be a get-off");
    pass(t + 4, 0, 27.5, 4); // it turned back: a pass that went there
    engine.onState(rolling(t + 4, 26, 2));
    List<Cue.RangeGuard> first = only(Cue.RangeGuard.class);
    assertEquals(1, first.size());
    assertEquals(t + 4, first.get(0).atS());
    assertTrue(first.get(0).aboveRange());
    engine.onState(rolling(t + 5, 10, 2));
    pass(t + 16, 27.5, 1, 12); // the way back from the excursion, 12 s later: no second telling
    assertEquals(1, only(Cue.RangeGuard.class).size(), only(Cue.RangeGuard.class).toString());
    engine.onState(rolling(t + 20, -6, 2)); // outside at the other end
    pass(t + 21, 1, -6.5, 5);
    List<Cue.RangeGuard> guards = only(Cue.RangeGuard.class);
    assertEquals(2, guards.size());
    assertEquals(false, guards.get(1).aboveRange());
    assertEquals(0.0, guards.get(1).lowCm());
    assertEquals(20.0, guards.get(1).highCm());
  }

  /**
   * Getting off shoves the roller a few centimetres and lets it roll away, often past the range's
   * edge: 39 of 58 "Stay between the shoulder blades" on 100 simulated sessions were said to
   * somebody sitting up. The roll-away is no pass; the get-off comes first.
   */
  @Test
  void aGetOffRollingPastTheEdgeIsNotToldToStayInRange() {
    double t = rollSlowly(4); // starting range 0..20 cm
    for (double x = t + 1; x <= t + 3; x += 0.1) engine.onState(rolling(x, 20 + 4 * (x - t - 1), 2));
    engine.onEvent(new MotionEvent.GotOff(t + 9, t + 1));
    engine.onState(new LiveState(t + 9, 28, 0, Phase.OFF_ROLLER, false, 8, 4, Double.NaN, 0, Double.NaN));
    assertTrue(only(Cue.RangeGuard.class).isEmpty(), only(Cue.RangeGuard.class).toString());
    // back on, a pass of the new time on reaching the old edge says nothing of the old crossing
    engine.onEvent(new MotionEvent.GotOn(t + 20, t + 19));
    pass(t + 28, 28, 10, 8);
    assertTrue(only(Cue.RangeGuard.class).isEmpty(), only(Cue.RangeGuard.class).toString());
  }

  /**
   * A pass announced at a stop went on beyond the edge after it (a pauser): said at the next pass,
   * the person shown rolling on, or once the detector could have seen the roller empty.
   */
  @Test
  void aCrossingInAPassThatWentOnAfterItsStopIsToldWhenThePersonIsShownOn() {
    double t = rollSlowly(4); // starting range 0..20 cm
    Pass stopped = new Pass(5, t, t + 4, 0, 18);
    engine.onEvent(new MotionEvent.PassCompleted(t + 4, stopped, 5, 2));
    for (double x = t + 5; x <= t + 7; x += 0.1) engine.onState(rolling(x, 18 + 5 * (x - t - 5), 2));
    engine.onEvent(new MotionEvent.PassRevised(t + 8, new Pass(5, t, t + 7, 0, 28)));
    assertTrue(only(Cue.RangeGuard.class).isEmpty(), "it may be a get-off carrying on the stroke");
    engine.onEvent(new MotionEvent.PassCompleted(t + 12, new Pass(6, t + 7, t + 12, 28, 10), 6, 3));
    List<Cue.RangeGuard> guards = only(Cue.RangeGuard.class);
    assertEquals(1, guards.size());
    assertEquals(t + 12, guards.get(0).atS());
  }

  /**
   * Lying still right at the edge of the allowed range (a hold at 26.05 cm beside an edge of 26.09 cm),
   * breathing carried the position across the edge and back every few seconds: each return re-armed
   * the guard, and "Stay between the shoulder blades" was said four times in 45 s of lying still.
   */
  @Test
  void breathingAcrossTheRangesEdgeDoesNotRepeatTheRangeGuard() {
    double t = rollSlowly(4); // starting range 0..20 cm: the guard fires beyond 25 cm
    engine.onState(rolling(t + 0.5, 24.9, 2));
    pass(t + 1, 0, 25.1, 5); // the stroke into the hold, announced at its stop
    for (double x = t + 1; x <= t + 60; x += 0.05) {
      double s = 25 + 0.15 * Math.sin(2 * Math.PI * (x - t) / 6); // a breath every 6 s
      engine.onState(still(x, t + 1, s, 2, 0));
    }
    assertEquals(1, only(Cue.RangeGuard.class).size(), only(Cue.RangeGuard.class).toString());
  }

  /**
   * s is the roller's rotation: after getting off and back on, the same spot of the back lies at
   * another s. The second time on sets its own starting range, so rolling the same back 40 cm further
   * along the roller's s is not "beyond the range" (two-sets: the guard said so 11 times).
   */
  @Test
  void gettingBackOnLearnsTheStartingRangeAgain() {
    double t = rollSlowly(4); // first time on: 0..20 cm
    engine.onEvent(new MotionEvent.GotOff(t + 5, t + 4));
    engine.onState(new LiveState(t + 6, 30, 0, Phase.OFF_ROLLER, false, 4, 2, Double.NaN, 0, Double.NaN));
    engine.onEvent(new MotionEvent.GotOn(t + 20, t + 19));
    for (int i = 0; i < 6; i++) {
      double end = t + 28 + 8 * i;
      pass(end, i % 2 == 0 ? 40 : 60, i % 2 == 0 ? 60 : 40, 8); // the same back, 40 cm along s
      engine.onState(rolling(end, i % 2 == 0 ? 60 : 40, 2 + i / 2));
    }
    assertTrue(only(Cue.RangeGuard.class).isEmpty(), only(Cue.RangeGuard.class).toString());
    assertArrayEquals(new double[] {40, 60}, engine.startingRangeCm());
    engine.onState(rolling(t + 80, 70, 5)); // beyond the second starting range: told
    pass(t + 81, 40, 70.5, 5);
    assertEquals(1, only(Cue.RangeGuard.class).size());
  }

  @Test
  void noRangeGuardBeforeTheRangeIsSetOrWhenOffTheRoller() {
    rollSlowly(2);
    engine.onState(rolling(20, 60, 1));
    engine.onState(new LiveState(40, 90, 0, Phase.OFF_ROLLER, false, 4, 2, Double.NaN, 0, Double.NaN));
    assertTrue(only(Cue.RangeGuard.class).isEmpty());
  }

  @Test
  void everyCueHasWords() {
    rollSlowly(20);
    cues.add(new Cue.HoldCountdown(1, 0, 9));
    cues.add(new Cue.DwellTimer(1, 120, 3, true));
    cues.add(new Cue.SlowDown(1, 9, 2.5));
    cues.add(new Cue.RangeGuard(1, 30, 0, 20));
    for (Cue c : cues) {
      assertTrue(CueText.of(c).length() > 3, c.toString());
    }
    assertEquals("2 minutes on this spot. Move on.", CueText.of(new Cue.DwellTimer(1, 120, 3, true)));
    assertEquals("1 roll", CueText.of(new Cue.RollTick(1, 1)));
  }

  @Test
  void theMetronomeTicksAtThePrescribedSecondsPerPassOnlyWhileRolling() {
    List<Cue> heard = new ArrayList<>();
    LiveCueEngine m = new LiveCueEngine(Prescription.protocolDefault(), 15, heard::add).withMetronome(true);
    m.onEvent(new MotionEvent.GotOn(10, 10));
    for (double x = 10; x <= 30; x += 0.01) m.onState(rolling(x, 5, 1));
    for (double x = 30.01; x <= 60; x += 0.01) m.onState(still(x, 30, 5, 1, 0)); // a still period: no ticks
    List<Double> ticks = heard.stream().filter(c -> c instanceof Cue.MetronomeTick).map(Cue::atS).toList();
    // 2–4 s a pass prescribed: a tick every 3 s from getting on, none while still.
    assertEquals(6, ticks.size(), ticks.toString());
    assertEquals(13, ticks.get(0), 0.02);
    assertEquals(28, ticks.get(5), 0.02);
    List<Cue> none = new ArrayList<>();
    LiveCueEngine off = new LiveCueEngine(Prescription.protocolDefault(), 15, none::add);
    off.onEvent(new MotionEvent.GotOn(10, 10));
    for (double x = 10; x <= 30; x += 0.01) off.onState(rolling(x, 5, 1));
    assertTrue(none.stream().noneMatch(c -> c instanceof Cue.MetronomeTick));
  }
}
