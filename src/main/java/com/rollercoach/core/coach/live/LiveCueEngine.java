package com.rollercoach.core.coach.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import java.util.function.Consumer;

/**
 * Turns the pipeline's events and live state into {@link Cue}s, as they become due. Pure and
 * single-threaded like the pipeline itself: call {@link #onEvent} for every event and {@link
 * #onState} after every sample (or as often as the display needs; cues are never due between two
 * samples), on the thread that feeds the pipeline. The GUI and the terminal share it.
 *
 * <p>Whether a still segment is a dwell or the extension hold is only known afterwards (a hold is one
 * that no pass follows). Live, the coach has to pick one at once, and follows the order the protocol
 * prescribes: rolling first, the hold last. A still segment that starts once the patient has done the
 * minimum number of rolls is coached as the hold (countdown), an earlier one as a tender-spot dwell
 * (timers). The pipeline's final classification corrects the session summary afterwards.
 */
public final class LiveCueEngine {
  /**
   * The first two rolls (four passes) set the "starting range" along the back: the patient starts on
   * the mid/upper back, and the range guard warns when later passes reach well beyond it.
   */
  static final int RANGE_SETTING_PASSES = 4;

  /** A repeated nag is no coaching: the same corrective cue at most once per this many seconds. */
  static final double REPEAT_GUARD_S = 10.0;

  /** Seconds-left marks of the hold countdown (0 = target reached). */
  private static final int[] HOLD_MARKS_S = {30, 10, 0};

  private final CoachingTargets targets;
  private final Consumer<Cue> out;

  private int rolls;
  private int passesSeen;
  private double rangeLowCm = Double.POSITIVE_INFINITY;
  private double rangeHighCm = Double.NEGATIVE_INFINITY;
  private double lastSlowDownS = Double.NEGATIVE_INFINITY;
  private double lastRangeGuardS = Double.NEGATIVE_INFINITY;
  private boolean rangeGuardArmed = true;

  private double stillSinceS = Double.NaN;
  private StillMode stillMode = StillMode.NONE;
  private int nextHoldMark;
  private int dwellCuesFired;

  public LiveCueEngine(CoachingTargets targets, Consumer<Cue> out) {
    this.targets = targets;
    this.out = out;
  }

  /** Feeds one pipeline event. */
  public void onEvent(MotionEvent event) {
    if (event instanceof MotionEvent.PassCompleted p) {
      onPass(p);
    }
  }

  /** Feeds the pipeline's state after a sample: drives the timers and the range guard. */
  public void onState(LiveState state) {
    trackStill(state);
    if (stillMode == StillMode.HOLD) {
      holdCountdown(state);
    } else if (stillMode == StillMode.DWELL) {
      dwellTimers(state);
    }
    rangeGuard(state);
  }

  /** How the running still segment is being coached. */
  public StillMode stillMode() {
    return stillMode;
  }

  /** Start of the running still segment as the coach tracks it; NaN when none. */
  public double stillSinceS() {
    return stillSinceS;
  }

  /** The starting range along the back, {low, high} in cm; empty until the first passes set it. */
  public double[] startingRangeCm() {
    return passesSeen == 0 ? new double[0] : new double[] {rangeLowCm, rangeHighCm};
  }

  public CoachingTargets targets() {
    return targets;
  }

  private void onPass(MotionEvent.PassCompleted p) {
    Pass pass = p.pass();
    passesSeen++;
    if (passesSeen <= RANGE_SETTING_PASSES) {
      rangeLowCm = Math.min(rangeLowCm, Math.min(pass.fromCm(), pass.toCm()));
      rangeHighCm = Math.max(rangeHighCm, Math.max(pass.fromCm(), pass.toCm()));
    }
    if (p.rollCount() > rolls) {
      rolls = p.rollCount();
      out.accept(new Cue.RollTick(p.atS(), rolls));
      if (rolls == targets.rollsMin() || rolls == targets.rollsMax()) {
        out.accept(new Cue.RollMilestone(p.atS(), rolls, rolls == targets.rollsMax()));
      }
    }
    double speed = pass.meanSpeedCmS();
    if (speed > targets.paceTooFastCmS() && p.atS() - lastSlowDownS >= REPEAT_GUARD_S) {
      lastSlowDownS = p.atS();
      out.accept(new Cue.SlowDown(p.atS(), speed, targets.paceCmS()));
    }
  }

  private void trackStill(LiveState state) {
    double since = state.stillSinceS();
    if (Double.isNaN(since) || !state.onRoller()) {
      stillSinceS = Double.NaN;
      stillMode = StillMode.NONE;
      return;
    }
    if (since != stillSinceS) {
      stillSinceS = since;
      stillMode = Math.max(rolls, state.rolls()) >= targets.rollsMin() ? StillMode.HOLD : StillMode.DWELL;
      nextHoldMark = firstHoldMark();
      dwellCuesFired = 0;
    }
  }

  /** Marks at or beyond the target itself (a 20 s target has no "30 s left") are skipped. */
  private int firstHoldMark() {
    int i = 0;
    while (i < HOLD_MARKS_S.length - 1 && HOLD_MARKS_S[i] >= targets.holdTargetS()) {
      i++;
    }
    return i;
  }

  private void holdCountdown(LiveState state) {
    double remaining = targets.holdTargetS() - (state.tS() - stillSinceS);
    while (nextHoldMark < HOLD_MARKS_S.length && remaining <= HOLD_MARKS_S[nextHoldMark]) {
      out.accept(
          new Cue.HoldCountdown(state.tS(), HOLD_MARKS_S[nextHoldMark], state.breathsInStill()));
      nextHoldMark++;
    }
  }

  private void dwellTimers(LiveState state) {
    double elapsed = state.tS() - stillSinceS;
    if (dwellCuesFired == 0 && elapsed >= targets.dwellMinS()) {
      dwellCuesFired = 1;
      out.accept(
          new Cue.DwellTimer(state.tS(), (int) targets.dwellMinS(), state.positionCm(), false));
    }
    if (dwellCuesFired == 1 && elapsed >= targets.dwellMaxS()) {
      dwellCuesFired = 2;
      out.accept(
          new Cue.DwellTimer(state.tS(), (int) targets.dwellMaxS(), state.positionCm(), true));
    }
  }

  private void rangeGuard(LiveState state) {
    if (passesSeen < RANGE_SETTING_PASSES || !state.onRoller()) {
      return;
    }
    double s = state.positionCm();
    double margin = targets.rangeGrowthCm();
    boolean outside = s < rangeLowCm - margin || s > rangeHighCm + margin;
    if (!outside) {
      rangeGuardArmed = true;
      return;
    }
    if (rangeGuardArmed && state.tS() - lastRangeGuardS >= REPEAT_GUARD_S) {
      rangeGuardArmed = false;
      lastRangeGuardS = state.tS();
      out.accept(new Cue.RangeGuard(state.tS(), s, rangeLowCm, rangeHighCm));
    }
  }
}
