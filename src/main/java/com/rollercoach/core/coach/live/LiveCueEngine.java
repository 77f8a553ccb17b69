package com.rollercoach.core.coach.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.coach.Verdict;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.detect.SessionDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the pipeline's events and live state into {@link Cue}s, as they become due, for the whole
 * protocol: getting on, pace, rolls, tender spots, the extension hold, the end. Pure and
 * single-threaded like the pipeline: call {@link #onEvent} for every event and {@link #onState} after
 * every sample, on the thread that feeds the pipeline, then {@link #end} once. The live session gives
 * the terminal and the window the same engine, so they say the same things.
 *
 * <p><b>Still periods are coached on evidence only.</b> Whether a still period is a tender spot or the
 * extension hold is known for sure only afterwards (a hold is one no pass follows). Live, a still
 * period starts neutral ("holding still 0:35": no countdown, no breaths) and becomes
 *
 * <ul>
 *   <li>a <i>tender spot</i> when fewer rolls than prescribed are done (the protocol rolls first), or
 *       when the patient rocks on the spot ({@link RollTrace#rockingSince});
 *   <li>the <i>extension hold</i> when the prescribed rolls are done <i>and</i> the roller shows the hip
 *       drop that starts it ({@link RollTrace#hipDropAround}).
 * </ul>
 *
 * Without that evidence it stays neutral: "Hold complete. Roll off gently." said on a tender spot
 * mid-session is worse than silence. Breaths are counted only in a hold.
 *
 * <p>Targets come from the patient's {@link Prescription}, never from constants. Event kinds this
 * engine does not know are ignored, so a new detector event (e.g. a correction that takes back a
 * stroke) is one more branch in {@link #onEvent}.
 */
public final class LiveCueEngine {
  /**
   * The first two rolls (four passes) set the "starting range" along the back: the patient starts on
   * the mid/upper back, and the range guard warns when later passes reach well beyond it.
   */
  static final int RANGE_SETTING_PASSES = 4;

  /** A repeated nag is no coaching: the same corrective cue at most once per this many seconds. */
  static final double REPEAT_GUARD_S = 10.0;

  /**
   * The range guard re-arms only once the roller is back inside the allowed range by this much (the
   * definitions' 2 cm stroke hysteresis): breathing at the edge carried the position across it and
   * back every breath, and the guard was said again every 10 s to someone lying still.
   */
  static final double RANGE_REARM_CM = 2.0;

  /**
   * The range guard speaks of a pass that went beyond the range (announced as it turns back or
   * stops), not of the roller crossing the edge: getting off shoves the roller a few centimetres and
   * lets it roll away, often past the edge, and "Stay between the shoulder blades" was said to
   * somebody sitting up in 39 of 58 cases on 100 simulated sessions. A stroke that goes that far is
   * a pass within about a second of its turning point; the roll-away of a get-off is one only
   * rarely, and then is taken back. A pass announced at a stop that then went on beyond the edge
   * ({@link MotionEvent.PassRevised}; getting off can carry on the last stroke's way) is told once
   * somebody is shown on: the next pass, or the detector's time to see the roller empty ({@link
   * LiveState#onShown}). This is its extreme beyond the edge, NaN when none is waiting.
   */
  private double rangeBeyondCm = Double.NaN;

  /** Seconds-left marks of the hold countdown (0 = target reached). */
  private static final int[] HOLD_MARKS_S = {30, 10, 0};

  /**
   * A countdown mark held back this long or more says the seconds actually left instead: "30 seconds
   * left" said with 27 s left is wrong. (Marks wait while the roller has just moved: see {@link
   * LiveState#onShown}.) With less than {@link #LATE_MARK_MIN_S} left it is left out, the target's
   * own cue being that close.
   */
  static final double LATE_MARK_S = 2;
  static final double LATE_MARK_MIN_S = 5;

  /** Marks of a neutral still period: it is worth knowing how long one has lain still. */
  private static final int[] STILL_MARKS_S = {60, 120};
  /**
   * A still period is coached — "Holding still.", a tender spot, the hold — only once it has lasted
   * this long from the stop with the person still on: the definitions make it a still-loaded segment
   * at 8 s, and the detector tells getting off from staying on only when its rocking window (6 s)
   * has let go of the last movement and the roller has then shown nobody for a moment. A set's
   * roll-away onto the floor also stops the roller in the band, and the detector starts a still
   * there 2–7 s before it knows the person is off (samples/two-sets.csv: "Holding still." at 2:38,
   * "off the roller since 2:35" at 2:43); on 28 simulated get-offs the off came at most 8.5 s after
   * such a still's start, so 10 s leaves a margin. The countdown still runs from the stop.
   *
   * <p>The margin is from the stop, and getting off can come later in the still: a roll-away that
   * stays inside the 3 cm band, or only a jolt, 2–6 s after the stop (simulate --seed 30000106:
   * "Holding still." and "Tender spot." 4 s after the person had got off). So the still is also
   * coached only once the detector has had the time to see the roller empty since it last moved
   * ({@link LiveState#onShown}), and its later cues wait for that too.
   */
  static final double STILL_CONFIRM_S = 10;

  private final Prescription prescription;
  private final CoachingTargets targets;
  private final Consumer<Cue> out;
  private final RollTrace trace;
  private final RollingPace pace = new RollingPace();
  private boolean metronome;

  private int rolls;
  /**
   * Passes since the person last got on: the starting range is learned again for each time on the
   * roller. s is the roller's own rotation, so after getting off and back on the same spot of the
   * back lies at another s (the roller rolled away, or was put back elsewhere); the first set's band
   * made the range guard fire 11 times through a second set (two-sets).
   */
  private int passesThisTimeOn;
  private double rangeLowCm = Double.POSITIVE_INFINITY;
  private double rangeHighCm = Double.NEGATIVE_INFINITY;
  private double lastSlowDownS = Double.NEGATIVE_INFINITY;
  private double lastRangeGuardS = Double.NEGATIVE_INFINITY;
  private boolean rangeGuardArmed = true;
  private double nextTickS = Double.NaN;
  private double lastS = Double.NaN;

  private double stillSinceS = Double.NaN;
  /**
   * Start of a still the detector reports that is not yet coached ({@link #STILL_CONFIRM_S}), NaN
   * when none: the person may be getting off.
   */
  private double unconfirmedSinceS = Double.NaN;
  private double stillPositionCm;
  private StillMode stillMode = StillMode.NONE;
  private int nextMark;
  private int breaths;
  private boolean holdDone;
  /** Rolls done and the hip drop seen: the still becomes the hold once it is confirmed. */
  private boolean holdPending;
  /** The longest hold the detector found (0 before any): what the summary reports. */
  private double holdsFound;

  private int tenderSpots;
  /**
   * The detector has already told what the running still was (a DwellFound, or the HoldFound of a
   * session stopped on it), so the end does not count it again as a tender spot.
   */
  private boolean runningStillTold;
  /** The tender spots the detector confirmed, judged in the spoken summary as in the written one. */
  private final List<Dwell> dwells = new ArrayList<>();
  private double holdS;

  /**
   * @param rollerDiameterCm the roller the pipeline runs with: the hip drop and rocking are angles of
   *     the roller, the position is what the pipeline gives
   */
  public LiveCueEngine(Prescription prescription, double rollerDiameterCm, Consumer<Cue> out) {
    this.prescription = prescription;
    this.targets = prescription.targets();
    this.out = out;
    this.trace = new RollTrace(rollerDiameterCm);
  }

  /** Also tick at the prescribed seconds per pass while rolling (the Settings option). */
  public LiveCueEngine withMetronome(boolean on) {
    this.metronome = on;
    return this;
  }

  /** Feeds one pipeline event. */
  public void onEvent(MotionEvent event) {
    pace.onEvent(event);
    if (event instanceof MotionEvent.GotOn g) {
      out.accept(new Cue.GotOn(g.atS()));
      passesThisTimeOn = 0;
      rangeLowCm = Double.POSITIVE_INFINITY;
      rangeHighCm = Double.NEGATIVE_INFINITY;
      rangeGuardArmed = true;
      nextTickS = g.atS() + secondsPerPass();
    } else if (event instanceof MotionEvent.PassCompleted p) {
      onPass(p);
    } else if (event instanceof MotionEvent.PassRevised r) {
      if (passesThisTimeOn > RANGE_SETTING_PASSES && beyondRange(r.pass())) {
        rangeBeyondCm = r.pass().toCm();
      }
    } else if (event instanceof MotionEvent.PassWithdrawn w) {
      // The stroke was the roll-away of getting off: the counter goes back, so the next real
      // roll ticks with the right number.
      rangeBeyondCm = Double.NaN;
      rolls = w.rollCount();
      passesThisTimeOn = Math.max(0, passesThisTimeOn - 1);
    } else if (event instanceof MotionEvent.DwellFound d) {
      // A pass followed the still period: whatever it was coached as, it was a tender spot.
      tenderSpots++;
      dwells.add(d.dwell());
      // the running still, if this is it (a pass ended it in this very sample), is counted now
      if (isRunningTenderSpot(d.dwell().startS())) runningStillTold = true;
    } else if (event instanceof MotionEvent.HoldFound h) {
      // The detector's hold, bounded by the stop and the start of getting off: the spoken summary
      // says what analyze and the report say, not the time until getting off was recognised.
      holdsFound = Math.max(holdsFound, h.hold().durationS());
      // coached as a tender spot (rolls still to do), but no pass followed: by the definitions the
      // hold, and not a tender spot as well
      if (isRunningTenderSpot(h.hold().startS())) runningStillTold = true;
    } else if (event instanceof MotionEvent.GotOff) {
      nextTickS = Double.NaN;
      rangeBeyondCm = Double.NaN;
    } else if (event instanceof MotionEvent.BreathDetected) {
      // the count the next state brings (the detector's breaths in the still), known now: a display
      // showing the breath as it is announced says "breath 1" for the first, not the count before it
      breaths++;
    }
  }

  /** Feeds the pipeline's state after a sample: drives the still coaching, timers and the range guard. */
  public void onState(LiveState state) {
    lastS = state.tS();
    if (state.onRoller()) {
      trace.add(state.tS(), state.positionCm(), state.speedCmS());
    } else {
      trace.clear();
      holdDone = false;
    }
    trackStill(state);
    // a still's cues speak to somebody lying there: after the roller moved or was jolted (a weight
    // shift, or getting off) they wait until the detector has had the time to see it empty
    if (stillMode != StillMode.NONE && !personShown(state)) {
      rangeGuard(state);
      return;
    }
    switch (stillMode) {
      case NEUTRAL -> neutral(state);
      case TENDER_SPOT -> tenderSpot(state);
      case HOLD -> hold(state);
      default -> metronome(state);
    }
    rangeGuard(state);
  }

  /**
   * Whether a still the detector reports, starting at {@code startS}, is the tender spot being
   * coached now. The same still start reaches both (the still detector's), so it is compared as
   * equal: "at or before" also took an earlier dwell, confirmed late while a new spot ran, for it.
   */
  private boolean isRunningTenderSpot(double startS) {
    return stillMode == StillMode.TENDER_SPOT && Math.abs(startS - stillSinceS) < 1e-6;
  }

  /** The session ended at {@code atS}: the spoken summary, judged on what this engine saw. */
  public void end(double atS) {
    end(atS, null);
  }

  /**
   * The session ended at {@code atS}: the spoken summary. Its closing words are judged on
   * {@code analysis}, what the session found (the same events {@code analyze} reads), by
   * {@link SessionCoach#judge} — the very verdicts {@code analyze} and the report print, pace and range
   * included: the spoken "Well done." came from a shorter list (rolls, tender spots, hold) and praised
   * a session that wandered onto the low back (samples/two-sets.csv) or rolled at 8 cm/s
   * (samples/fast-roller.csv) while analyze said "Next time: stay on the upper back" / "roll more
   * slowly". Without an analysis (null) the engine's own count is judged ({@link SessionCoach#judgeAtEnd}).
   */
  public void end(double atS, SessionAnalysis analysis) {
    // a tender spot still running is one more, unless the detector already told what it was (a
    // DwellFound, or the hold it is when the session stops on it): "2 tender spots" beside a summary of 1
    if (stillMode == StillMode.TENDER_SPOT && !runningStillTold) tenderSpots++;
    closeStill(atS);
    stillMode = StillMode.NONE;
    double hold = holdsFound > 0 ? holdsFound : holdS;
    SessionCoach coach = new SessionCoach(targets);
    List<Verdict> verdicts = analysis == null ? coach.judgeAtEnd(rolls, dwells, hold) : coach.judge(analysis);
    out.accept(new Cue.SessionDone(Double.isNaN(atS) ? lastS : atS, rolls, tenderSpots, hold,
        targets.holdTargetS(), verdicts));
  }

  /** How the running still period is being coached. */
  public StillMode stillMode() {
    return stillMode;
  }

  /** Start of the running still period as the coach tracks it; NaN when none. */
  public double stillSinceS() {
    return stillSinceS;
  }

  /** Breaths in the running hold; 0 unless the still period is coached as the hold. */
  public int breathsInHold() {
    return stillMode == StillMode.HOLD ? breaths : 0;
  }

  /** The hold reached its target and the patient has not got off yet: "roll off gently". */
  public boolean holdDone() {
    return holdDone;
  }

  public int rolls() {
    return rolls;
  }

  /** The latest pass's speed over rolling time ({@link RollingPace}), cm/s; NaN before the first. */
  public double lastPassSpeedCmS() {
    return pace.lastPassSpeedCmS();
  }

  /**
   * The starting range along the back since the person last got on, {low, high} in cm; empty until
   * the first passes set it.
   */
  public double[] startingRangeCm() {
    return passesThisTimeOn == 0 ? new double[0] : new double[] {rangeLowCm, rangeHighCm};
  }

  public CoachingTargets targets() {
    return targets;
  }

  public Prescription prescription() {
    return prescription;
  }

  private double secondsPerPass() {
    return (prescription.secondsPerPassMin() + prescription.secondsPerPassMax()) / 2;
  }

  private void onPass(MotionEvent.PassCompleted p) {
    Pass pass = p.pass();
    if (++passesThisTimeOn <= RANGE_SETTING_PASSES) {
      rangeLowCm = Math.min(rangeLowCm, pass.lowCm());
      rangeHighCm = Math.max(rangeHighCm, pass.highCm());
    }
    holdDone = false;
    if (p.rollCount() > rolls) {
      rolls = p.rollCount();
      out.accept(new Cue.RollTick(p.atS(), rolls));
      if (rolls == targets.rollsMin() || rolls == targets.rollsMax()) {
        out.accept(new Cue.RollMilestone(p.atS(), rolls, rolls == targets.rollsMax()));
      }
    }
    // Over rolling time only: a pass that contains a tender spot is not slow, nor one cut by it fast.
    double speed = pace.lastPassSpeedCmS();
    if (speed > targets.paceTooFastCmS() && p.atS() - lastSlowDownS >= REPEAT_GUARD_S) {
      lastSlowDownS = p.atS();
      out.accept(new Cue.SlowDown(p.atS(), speed, targets.paceCmS()));
    }
    if (passesThisTimeOn > RANGE_SETTING_PASSES) {
      if (beyondRange(pass)) rangeBeyondCm = pass.toCm();
      if (!Double.isNaN(rangeBeyondCm)) sayRangeGuard(p.atS());
    }
  }

  private void trackStill(LiveState state) {
    double since = state.stillSinceS();
    if (Double.isNaN(since) || !state.onRoller()) {
      if (stillMode != StillMode.NONE) closeStill(state.tS());
      stillSinceS = Double.NaN;
      unconfirmedSinceS = Double.NaN;
      stillMode = StillMode.NONE;
      return;
    }
    if (since == stillSinceS) return;
    if (since != unconfirmedSinceS) {
      // a new still: the one coached so far (if any) is over, this one is not coached yet
      if (stillMode != StillMode.NONE) closeStill(state.tS());
      stillMode = StillMode.NONE;
      stillSinceS = Double.NaN;
      unconfirmedSinceS = since;
      breaths = 0;
    }
    if (state.tS() - since < STILL_CONFIRM_S || !personShown(state)) return;
    unconfirmedSinceS = Double.NaN;
    stillSinceS = since;
    holdPending = false;
    stillPositionCm = state.positionCm();
    nextMark = 0;
    int done = Math.max(rolls, state.rolls());
    out.accept(new Cue.StillStarted(state.tS(), since, state.positionCm()));
    if (done < targets.rollsMin()) {
      tenderSpot(state.tS(), Cue.Evidence.ROLLS_TO_DO);
    } else {
      stillMode = StillMode.NEUTRAL;
      holdPending = trace.hipDropAround(since);
    }
  }

  /**
   * Whether the detector has had the time to see the roller empty since it last moved ({@link
   * LiveState#onShown}), or the roller has been rocked back and forth in that time: an empty roller
   * does not rock by itself, and getting off shoves it once and lets it roll away, whereas somebody
   * rocking on a tender spot moves it every few seconds and would keep the still's cues waiting.
   */
  private boolean personShown(LiveState state) {
    return state.onShown()
        || (state.onRoller() && trace.rockingSince(state.tS() - SessionDetector.EMPTY_SHOWN_S));
  }

  private void closeStill(double atS) {
    if (stillMode == StillMode.HOLD && !Double.isNaN(stillSinceS)) {
      double held = atS - stillSinceS;
      holdS = Math.max(holdS, held);
      holdDone = held >= targets.holdTargetS();
    }
  }

  private void tenderSpot(double atS, Cue.Evidence why) {
    stillMode = StillMode.TENDER_SPOT;
    runningStillTold = false;
    nextMark = 0;
    out.accept(new Cue.TenderSpot(atS, stillPositionCm, why));
  }

  private void neutral(LiveState state) {
    // Rocks start after the roller has settled; the hip drop (if any) is before the start.
    if (trace.rockingSince(stillSinceS + 2)) {
      tenderSpot(state.tS(), Cue.Evidence.ROCKING);
      tenderSpot(state);
      return;
    }
    double elapsed = state.tS() - stillSinceS;
    if (holdPending) {
      holdPending = false;
      stillMode = StillMode.HOLD;
      nextMark = firstHoldMark(targets.holdTargetS() - elapsed);
      out.accept(new Cue.HoldStarted(state.tS(), (int) Math.round(targets.holdTargetS())));
      hold(state);
      return;
    }
    if (nextMark < STILL_MARKS_S.length && elapsed >= STILL_MARKS_S[nextMark]) {
      out.accept(new Cue.StillTimer(state.tS(), STILL_MARKS_S[nextMark]));
      nextMark++;
    }
  }

  /**
   * Marks at or beyond the target itself (a 20 s target has no "30 s left") are skipped, and so are
   * marks already passed when the hold is announced ({@code remainingS} left, {@link #STILL_CONFIRM_S} after the stop):
   * a 35 s hold has 25 s left then, and "30 seconds left" said at once was 5 s wrong. The last mark
   * (target reached) is always said.
   */
  private int firstHoldMark(double remainingS) {
    int i = 0;
    while (i < HOLD_MARKS_S.length - 1
        && (HOLD_MARKS_S[i] >= targets.holdTargetS() || HOLD_MARKS_S[i] > remainingS + 0.5)) {
      i++;
    }
    return i;
  }

  private void hold(LiveState state) {
    breaths = state.breathsInStill();
    double remaining = targets.holdTargetS() - (state.tS() - stillSinceS);
    int due = -1;
    while (nextMark < HOLD_MARKS_S.length && remaining <= HOLD_MARKS_S[nextMark]) due = nextMark++;
    if (due < 0) return;
    int mark = HOLD_MARKS_S[due];
    if (mark == 0 || remaining > mark - LATE_MARK_S) {
      out.accept(new Cue.HoldCountdown(state.tS(), mark, breaths));
    } else if (remaining >= LATE_MARK_MIN_S) {
      // held back while the roller had just moved (a weight shift): the time actually left
      out.accept(new Cue.HoldCountdown(state.tS(), (int) Math.floor(remaining), breaths));
    }
  }

  private void tenderSpot(LiveState state) {
    double elapsed = state.tS() - stillSinceS;
    if (nextMark == 0 && elapsed >= targets.dwellMinS()) {
      nextMark = 1;
      out.accept(new Cue.DwellTimer(state.tS(), (int) Math.round(targets.dwellMinS()), stillPositionCm, false));
    }
    if (nextMark == 1 && elapsed >= targets.dwellMaxS()) {
      nextMark = 2;
      out.accept(new Cue.DwellTimer(state.tS(), (int) Math.round(targets.dwellMaxS()), stillPositionCm, true));
    }
  }

  /** The metronome ticks while rolling (on the roller, no still period running). */
  private void metronome(LiveState state) {
    if (!metronome || Double.isNaN(nextTickS) || !state.onRoller() || !Double.isNaN(state.stillSinceS())) return;
    if (state.tS() >= nextTickS) {
      out.accept(new Cue.MetronomeTick(state.tS()));
      nextTickS += secondsPerPass() * Math.ceil((state.tS() - nextTickS) / secondsPerPass() + 1e-9);
      if (nextTickS <= state.tS()) nextTickS = state.tS() + secondsPerPass();
    }
  }

  private void rangeGuard(LiveState state) {
    if (passesThisTimeOn < RANGE_SETTING_PASSES || !state.onRoller()) {
      return;
    }
    if (!Double.isNaN(rangeBeyondCm) && state.onShown()) sayRangeGuard(state.tS());
    double s = state.positionCm();
    double margin = targets.rangeGrowthCm();
    if (s >= rangeLowCm - margin + RANGE_REARM_CM && s <= rangeHighCm + margin - RANGE_REARM_CM) {
      rangeGuardArmed = true;
    }
  }

  /**
   * Whether {@code pass} went beyond the starting range and its growth allowance: where it went (its
   * end), not where it came from (the pass before's end, told with that pass; the way back from an
   * excursion is no second one).
   */
  private boolean beyondRange(Pass pass) {
    double margin = targets.rangeGrowthCm();
    return pass.toCm() < rangeLowCm - margin || pass.toCm() > rangeHighCm + margin;
  }

  /** Says the waiting range guard, unless said within {@link #REPEAT_GUARD_S} or not re-armed. */
  private void sayRangeGuard(double atS) {
    if (rangeGuardArmed && atS - lastRangeGuardS >= REPEAT_GUARD_S) {
      out.accept(new Cue.RangeGuard(atS, rangeBeyondCm, rangeLowCm, rangeHighCm));
      lastRangeGuardS = atS;
      rangeGuardArmed = false;
    }
    rangeBeyondCm = Double.NaN;
  }
}
