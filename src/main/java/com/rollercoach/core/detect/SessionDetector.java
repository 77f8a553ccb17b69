package com.rollercoach.core.detect;

import com.rollercoach.core.signal.Biquad;
import com.rollercoach.core.signal.RollSignal;
import com.rollercoach.core.signal.SlidingExtremes;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The detection stage: turns the uniform grid of roller motion ({@link RollSignal}) into {@link
 * MotionEvent}s — on/off the roller, passes and rolls, still-loaded segments, dwells, the extension
 * hold and its breaths — as soon as each is known, with the true times of what it reports.
 *
 * <p>Live promptness: the {@link PassSegmenter} sees every grid sample at once, so a pass is
 * announced on the sample that confirms its ending turning point (the 2 cm reversal), or — for the
 * last stroke before a stop — once the roller has rested {@value #REST_CONFIRM_S} s. A pass that may be
 * part of getting off (a shock shortly before or during it, or the speed of a push rather than of a
 * body rolling) is held back until the person is seen to stay on ({@value #SHOCK_RESOLVE_S} s) or to
 * leave; a pass announced and then found to lie inside the get-off is taken back with a {@link
 * MotionEvent.PassWithdrawn}. At get-off the segmenter rewinds to where getting off began, so the
 * batch result is exactly the definitions' count. Everything lives in fixed rings ({@value
 * #HISTORY_S} s of grid), so memory does not grow with the session.
 */
public final class SessionDetector {
  static final double GRID_HZ = RollSignal.GRID_HZ;
  static final double HISTORY_S = 40;
  /** After a shock, how long to wait for the roller to go quiet before deciding nobody got off. */
  static final double SHOCK_RESOLVE_S = 12.0;
  /**
   * The roller has come to rest once its speed has stayed under {@link OnRollerDetector#REST_CM_S}
   * this long: long enough to be past the slow end of a minimum-jerk stop, short enough for the 0.5 s
   * live budget.
   */
  static final double REST_CONFIRM_S = 0.3;
  /** After this long past a jolt, a roller that moves again is being rolled by somebody on it. */
  static final double STILL_ROLLING_S = 4.0;
  /**
   * A contact point moving faster than this is a push (the empty roller sent away, a shove while
   * sitting up), not a body rolling: the body moves at twice the contact speed, and nobody rolls their
   * back over a roller at half a metre per second.
   */
  static final double PUSH_CM_S = 25.0;
  /**
   * A stroke that set out from a rest this long may be a get-off's roll-away, whenever its jolt
   * came: getting off sets out from the hold or a tender spot, a still-loaded segment, which the
   * definitions make at least this long. A pause at a turning point (a breath, a look at the screen,
   * a slow roller's 1–2 s) is not where somebody gets off from; held back as one, the last pass before
   * a hip drop was announced 12 s late (21000155). Should somebody get off after such a pause and
   * land only after the roll-away, that pass is announced and then withdrawn.
   */
  static final double SET_OFF_REST_S = StillDetector.MIN_DURATION_S;
  /**
   * A stroke has been rolled once its speed falls to this share of its peak: a minimum-jerk stroke
   * (Flash &amp; Hogan) spends the last seventh of its time under it; the 2 cm reversal or the rest
   * that ends it comes later.
   */
  static final double STROKE_DONE_SHARE = 0.25;
  private static final int MAX_ANNOUNCED = 64;
  static final double ACTIVITY_WINDOW_S = 6.0;
  /**
   * How long after the roller last moved or was jolted the detector has surely had the chance to see
   * it empty: the rocking residual lets go of the movement {@link OnRollerDetector#RESIDUAL_CLEAR_S}
   * after it, and the quiet line must then hold for a moment. Measured on 183 simulated get-offs:
   * "off" 6.5–7.5 s after the roller came to rest, two at 9–10 s (noisy gyros).
   */
  public static final double EMPTY_SHOWN_S = OnRollerDetector.RESIDUAL_CLEAR_S + 1;
  /** A still segment at least this long that no pass follows is the extension hold. */
  static final double HOLD_MIN_S = 20.0;
  private static final double SPEED_TAU_S = 0.1;
  private static final int MAX_PENDING = 64;
  /**
   * The measured s wobbles by a few hundredths of a cm at rest (gyro noise, the accelerometer's
   * correction, breathing): a pause at a turning point ends when s leaves that wobble.
   */
  static final double MEASURED_TIE_CM = 0.05;
  private static final double SNAPSHOT_EVERY_S = 0.25;
  private static final int SNAPSHOTS = (int) (30 / SNAPSHOT_EVERY_S);

  private final MotionListener listener;
  private final GridHistory history = new GridHistory((int) (HISTORY_S * GRID_HZ));
  /**
   * The roll angle's rocking, as is and in the breathing band ({@link RockingResidual}): a calm
   * person's breathing, or an empty roller's gyro noise.
   */
  private final RockingResidual roll = new RockingResidual(GRID_HZ);
  /**
   * The same measure of the gyro's angle about the axis across the roll axis and gravity, about
   * which a roller on a floor cannot turn: the sensor's own noise, measured alongside
   * ({@link OnRollerDetector#noiseResidual}).
   */
  private final RockingResidual pitch = new RockingResidual(GRID_HZ);
  private double pitchPhiDeg = Double.NaN;
  private boolean pitchFed;
  /**
   * The roll angle's wander about a parabola over {@value #DRIFT_WINDOW_S} s, a second "quiet"
   * measure. A cheap gyro warming up drifts its bias by a degree per second within minutes
   * (`--seed 22000135 --setup warmup-bias`: 0.018 °/s²), which bends the raw angle by a parabola;
   * its residual about the 6 s line is 1.34 × that rate (0.024°), over the 0.016° quiet line, so an
   * empty roller between two sets never read quiet and the sets merged. A parabola removes the
   * drift; over 12 s it cannot follow breathing (two to six breaths), so a calm person's rocking
   * stays in this residual and the measure does not call them gone. The quiet rocking is the
   * smaller of the two; it needs 12 s of stillness after a get-off, within the 15 s the get-off's
   * transient is looked back for.
   */
  private final ActivityMeter driftActivity = new ActivityMeter((int) (DRIFT_WINDOW_S * GRID_HZ));
  static final double DRIFT_WINDOW_S = 12.0;
  private final ActivityMeter[] axisActivity = {
    new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ)),
    new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ)),
    new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ))
  };
  private final HeartbeatPresence heartbeat = new HeartbeatPresence(GRID_HZ);
  private final OnRollerDetector onRoller =
      new OnRollerDetector(history, ACTIVITY_WINDOW_S);
  private final StillDetector still =
      new StillDetector(history, (int) ((StillDetector.MIN_DURATION_S + 1) * GRID_HZ));
  private final BreathDetector breaths = new BreathDetector(GRID_HZ);
  private final PassSegmenter segmenter =
      new PassSegmenter(this::strokeIsPass).withTieTolerance(MEASURED_TIE_CM);
  private final RollCounter rolls = new RollCounter();
  private final MotorLoad motorLoad = new MotorLoad(GRID_HZ);
  /**
   * The shell is at rest for the motor's shaking level ({@link MotorLoad}'s clean samples) when its
   * speed is under {@link OnRollerDetector#REST_CM_S}, or when its position stayed within {@value
   * #SHELL_STILL_SPAN_CM} cm over the last {@value #SHELL_STILL_WINDOW_S} s: a slow sensor's alias of
   * a motor's wobble jitters an empty roller's angle at about 1 Hz, a millimetre either way at up to
   * 1 cm/s (seed 30000150), so by speed it was never at rest for the second the level needs, and a
   * freed motor's step up went unseen. What moves it that little at 1 Hz accelerates it by A·ω² ≈
   * 0.006 g, against a running motor's ≥ {@value MotorLoad#MIN_MOTOR_G} g; a stroke moves centimetres.
   */
  static final double SHELL_STILL_SPAN_CM = 0.3;
  static final double SHELL_STILL_WINDOW_S = 1.0;
  private final SlidingExtremes shellSpan =
      new SlidingExtremes(SHELL_STILL_WINDOW_S, (int) (SHELL_STILL_WINDOW_S * GRID_HZ) + 8);
  private double motorLevelG = Double.NaN;
  /** Getting on a running roller: its free shaking damped by the body. */
  private final MotorDamping motorDamping = new MotorDamping();
  /**
   * The empty roller's shaking, when the motor showed the get-off (NaN otherwise): the roller stays
   * empty until a load damps it again (its rocking is the motor's, not a breather's).
   */
  private double emptyMotorG = Double.NaN;
  /** A motor switched on while the roller was empty (see {@link MotorStart}). */
  private final MotorStart motorStart = new MotorStart();
  /** Where a motor's switch knock lies about the rise of its shaking (see forgetSwitchKnock). */
  static final double KNOCK_BEFORE_RISE_S = 1.0;
  static final double KNOCK_AFTER_RISE_S = 0.5;
  private double emptyUntilS = Double.NEGATIVE_INFINITY;
  /**
   * The last get-off was the motor's shaking falling as the load left ({@link MotorLoad#fell()}): a
   * slow sensor's alias of the freed motor, whose swing of the empty shell is no body.
   */
  private boolean freedAliased;
  private double dampedSinceS = Double.NaN;
  /**
   * How long the shaking must stay damped before it is read: a motor switched off decays through
   * the damped range (the level's 0.25 s energy mean falls e-fold in 0.5 s in amplitude, so a 1.2 g
   * motor is under 0.05 g after 2 s) to the sensor's noise, far below a loaded motor.
   */
  static final double DAMPED_CONFIRM_S = 2.0;
  private final Deque<StillSegment> pending = new ArrayDeque<>();

  private long fedIndex = -1;
  /** Segmenter states at intervals of fed time, newest last, to rewind to where getting off began. */
  private final PassSegmenter.Snapshot[] snapshots = new PassSegmenter.Snapshot[SNAPSHOTS];
  private final double[] snapshotT = new double[SNAPSHOTS];
  private final long[] snapshotIndex = new long[SNAPSHOTS];
  private int snapshotCount;
  private double lastSnapshotT = Double.NEGATIVE_INFINITY;
  /** Highest segmenter pass number announced or held back so far. */
  private int emittedRaw;
  /** Recently announced passes: segmenter number → the announced pass (public number). */
  private final Deque<int[]> announcedRaw = new ArrayDeque<>();
  private final Deque<Pass> announced = new ArrayDeque<>();
  /** Passes held back while it is unclear whether they were part of getting off. */
  private final Deque<Pass> deferred = new ArrayDeque<>();
  private double deferredShockS = Double.NaN;
  private double restSinceS = Double.NaN;
  /** The latest grid sample the roller moved or was jolted (see {@link LiveState#lastMovedS}). */
  private double lastMovedS = Double.NaN;
  private boolean stopAnnounced;
  private final Deque<DwellDue> dwellsDue = new ArrayDeque<>();
  private double now = Double.NaN;
  private double prevS;
  private double speed;
  private double sNow;
  private int passCount;
  private boolean anyHold;
  private int breathsInStill;
  /** Onsets of the running still's breaths announced so far (the first {@link #breathsInStill}). */
  private double[] announcedOnsets = new double[16];
  private boolean segmenterOpen;
  /** The segmenter as it was when the person settled, for a settling taken back (UNSETTLED). */
  private PassSegmenter.Snapshot settledSegmenter;

  public SessionDetector(MotionListener listener) {
    this.listener = listener;
  }

  /** One grid sample whose rocking angle is θ itself (no bias estimate moved: tests, replays of θ). */
  public void accept(
      double tS, double sCm, double thetaDeg, double rollPhiDeg, double[] phiDeg, boolean shock) {
    accept(tS, sCm, thetaDeg, thetaDeg, rollPhiDeg, phiDeg, shock);
  }

  /**
   * One grid sample from {@link RollSignal}: breaths are read from {@code rockingDeg}, θ with the
   * gyro bias estimate held (see {@link RollSignal.Listener#grid}).
   */
  public void accept(
      double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg, double[] phiDeg,
      boolean shock) {
    if (!Double.isNaN(now)) {
      double dt = tS - now;
      double k = Math.min(1, dt / SPEED_TAU_S);
      double v = dt > 0 && dt < 0.5 ? (sCm - prevS) / dt : 0;
      speed += k * (v - speed);
    }
    now = tS;
    // s = r·θ: the radius, in cm per degree, from any sample turned well away from zero
    if (Math.abs(thetaDeg) > 2) still.cmPerDegree(sCm / thetaDeg);
    prevS = sCm;
    sNow = sCm;
    history.add(tS, sCm, speed, shock);
    if (shock || Math.abs(speed) > OnRollerDetector.MOVING_CM_S) {
      lastMovedS = tS;
    }

    // the per-axis meters stand in only until the roll meter's window is full (the axis, once
    // known, stays known): after that nobody reads them, so they are not fed
    if (!roll.whole().full()) for (int i = 0; i < 3; i++) axisActivity[i].add(phiDeg[i]);
    // "on" is judged on the quadratic residual (a warming gyro's drifting bias bends an empty
    // roller's angle like breathing); "quiet" on the linear one, which keeps more of a shallow
    // breather's rocking, so a calm person is not taken for an empty roller — or on the residual
    // about the 12 s parabola where that is smaller (the drift again; see driftActivity)
    double activity;
    double quietActivity;
    if (!Double.isNaN(rollPhiDeg)) {
      roll.add(rollPhiDeg);
      driftActivity.add(rollPhiDeg);
      activity = roll.residualDeg();
      quietActivity = roll.whole().linearResidualRms();
      double drift = driftActivity.residualRms();
      if (drift < quietActivity) quietActivity = drift; // NaN until its window is full: not taken
      if (!Double.isNaN(roll.band().residualRms())) {
        quietActivity = Math.min(quietActivity, roll.band().linearResidualRms());
      }
    } else {
      activity = Double.NaN;
      quietActivity = Double.NaN;
    }
    if (Double.isNaN(activity)) {
      activity = 0;
      quietActivity = 0;
      for (ActivityMeter m : axisActivity) {
        activity = Math.max(activity, m.residualRms());
        quietActivity = Math.max(quietActivity, m.linearResidualRms());
      }
    }

    shellSpan.add(tS, sCm);
    boolean shellAtRest =
        Math.abs(speed) < OnRollerDetector.REST_CM_S
            || shellSpan.max() - shellSpan.min() < SHELL_STILL_SPAN_CM;
    boolean unloaded =
        onRoller.settled()
            && motorLoad.update(tS, motorLevelG, shellAtRest, shock);
    onRoller.loadSeenAt(motorLoad.loadSeenS());
    boolean shakingFellBack = false;
    if (onRoller.on()) {
      motorStart.reset();
    } else {
      MotorStart.Verdict verdict = motorStart.update(tS, motorLevelG, activity);
      switch (verdict) {
        // a motor starting or a body's jostle, or a motor shaking the empty roller: only a residual
        // well above what the shaking showed is somebody
        case UNDECIDED, STARTED, SHAKING -> {
          if (verdict == MotorStart.Verdict.STARTED) forgetSwitchKnock(motorStart.roseS());
          if (!(activity > motorStart.lineDeg())) activity = 0;
        }
        case STOPPED -> emptyUntilS = tS + ACTIVITY_WINDOW_S; // its shaking still fills the window
        case FELL_BACK -> {
          if (!(activity >= motorStart.peakDeg())) activity = motorStart.peakDeg();
          shakingFellBack = true;
        }
        case NONE -> {}
      }
    }
    if (!onRoller.on() && !Double.isNaN(emptyMotorG)) {
      boolean free = motorLevelG * MotorLoad.UNLOAD_RATIO > emptyMotorG;
      if (free) dampedSinceS = Double.NaN;
      else if (Double.isNaN(dampedSinceS)) dampedSinceS = tS;
      if (free || tS - dampedSinceS < DAMPED_CONFIRM_S) {
        activity = 0; // still shaking freely (or not yet clear why not): empty
      } else {
        // damped by a load: somebody on at once; stopped (switched off): the rocking window still
        // holds the freely shaking roller and the roll-away, so judge only what comes after
        if (motorLevelG < MotorLoad.MIN_MOTOR_G) emptyUntilS = tS + ACTIVITY_WINDOW_S;
        emptyMotorG = Double.NaN;
      }
    }
    if (!onRoller.on() && tS < emptyUntilS) activity = 0;
    // a freed motor whose alias reads low swings the empty shell by hundredths of a degree: only
    // lying back onto it (degrees) is somebody
    if (!onRoller.on() && freedAliased && !(activity > MotorStart.GET_ON_DEG)) activity = 0;
    heartbeat.add(rollPhiDeg, phiDeg);
    // measured only over rests, from the start of each (its windows fill before it serves)
    boolean usable = onRoller.noiseUsable() && !Double.isNaN(pitchPhiDeg);
    if (usable && !pitchFed) pitch.reset();
    if (usable) pitch.add(pitchPhiDeg);
    pitchFed = usable;
    if (usable && onRoller.noiseDue(tS)) onRoller.noiseResidual(tS, pitch.settledResidualDeg());
    // the shaking that just fell back is judged as it would have been while it lasted
    onRoller.motorRunning(motorLevelG >= MotorLoad.MIN_MOTOR_G || shakingFellBack);
    if (onRoller.on()) {
      motorDamping.reset();
    } else if (freedAliased) {
      // a level that fell as the load left is an aliased line's (see OFF), and it beats as the
      // motor's speed drifts against the sampling: its falls are no load either (seed 37000111,
      // 25 Hz: the freed level swung 0.04-0.18 g with a 20 s beat, each fall read as somebody lying
      // down, and the real get-on inside one such period as the load leaving; the second set was
      // lost). Lying back onto it turns the roller by degrees, which the rocking still sees.
      motorDamping.reset();
      onRoller.motorDamped(false, Double.NaN);
    } else {
      onRoller.motorDamped(motorDamping.update(tS, motorLevelG), motorDamping.dampedSinceS());
    }
    switch (onRoller.update(activity, quietActivity, heartbeat.bodyPresent(), unloaded)) {
      case ON -> {
        freedAliased = false;
        listener.onEvent(new MotionEvent.GotOn(tS, onRoller.onS()));
      }
      case SETTLED -> {
        motorLoad.reset();
        settledSegmenter = segmenter.snapshot();
        fedIndex = history.indexAt(onRoller.settledS());
        segmenterOpen = true;
        snapshotCount = 0;
        lastSnapshotT = Double.NEGATIVE_INFINITY;
        still.arm();
      }
      case UNSETTLED -> {
        // no stroke began since the settling: start again as it was
        segmenter.restore(settledSegmenter);
        segmenterOpen = false;
        still.disarm();
      }
      case OFF -> {
        // a level that fell as the load left is an aliased line's, not the free shaking's size
        if (unloaded && !motorLoad.fell()) {
          emptyMotorG = motorLevelG;
          dampedSinceS = Double.NaN;
        } else if (unloaded) {
          emptyUntilS = tS + ACTIVITY_WINDOW_S; // the rocking window still holds the roll-away
          freedAliased = true;
        }
        gotOff(onRoller.offS());
      }
      case NONE -> {}
    }

    double turn = breaths.update(tS, rockingDeg);
    if (onRoller.settled()) {
      trackRest();
      feedSegmenter();
      trackStill();
      if (!Double.isNaN(turn) && still.running()) countBreathsLive();
    }
  }

  /**
   * The shock at {@code shockS} was a vibrating roller's motor switched on or off: it is forgotten,
   * and passes held back only because of it are announced now.
   */
  public void motorSwitched(double shockS) {
    onRoller.forgetShock(shockS);
    onRoller.motorSwitched();
    heartbeat.relearn(); // the motor's line changes the heartbeat band's floor
    motorDamping.reset(); // a new speed (or none) is a new free level, not a load
    freedAliased = false;
    motorLoad.reset();
    if (!deferred.isEmpty()) {
      boolean stillSuspect = false;
      for (Pass d : deferred) stillSuspect |= mayBeGettingOff(d);
      if (!stillSuspect) releaseDeferred();
    }
  }

  /**
   * A motor found to have started on the empty roller at {@code roseS} ({@link MotorStart}): the
   * knock of its switch, the latest shock from {@value #KNOCK_BEFORE_RISE_S} s before the shaking
   * rose (the level's quarter-second mean lags the knock) to {@value #KNOCK_AFTER_RISE_S} s after,
   * is forgotten as {@code MotorSwitch}'s switches are, so getting on is not dated from it.
   */
  private void forgetSwitchKnock(double roseS) {
    for (long k = history.newest(); k >= history.oldest(); k--) {
      double t = history.t(k);
      if (t < roseS - KNOCK_BEFORE_RISE_S) return;
      if (t <= roseS + KNOCK_AFTER_RISE_S && history.shock(k)) {
        motorSwitched(t);
        return;
      }
    }
  }

  /** The gyro's angle about the axis it cannot turn about, for the next grid sample (see {@link #pitch}). */
  public void noiseReference(double pitchDeg) {
    pitchPhiDeg = pitchDeg;
  }

  /** The motor's steady shaking level for the next grid sample (see {@link MotorLoad}). */
  public void motorLevel(double levelG) {
    motorLevelG = levelG;
  }

  /** No more samples: whoever is on the roller is taken to leave at the last sample. */
  public void end() {
    if (Double.isNaN(now)) return;
    if (onRoller.on()) gotOff(onRoller.offAtEnd());
  }

  /** Announces at once that the roller stopped ("still"), for live displays. */
  private void trackRest() {
    double v = Math.abs(speed);
    if (v < OnRollerDetector.REST_CM_S) {
      if (Double.isNaN(restSinceS)) restSinceS = now;
      if (!stopAnnounced && now - restSinceS >= REST_CONFIRM_S) {
        stopAnnounced = true;
        listener.onEvent(new MotionEvent.RollerStopped(now, restSinceS, sNow));
      }
    } else if (v > OnRollerDetector.MOVING_CM_S) {
      restSinceS = Double.NaN;
      stopAnnounced = false;
    }
  }

  private boolean atRest() {
    return !Double.isNaN(restSinceS) && now - restSinceS >= REST_CONFIRM_S;
  }

  private void feedSegmenter() {
    if (!segmenterOpen) return;
    feedUpTo(now, true);
    // the open stroke as a Pass only when it is to be announced: one per grid sample was most of
    // the pipeline's allocation
    if (segmenter.openTravelCm() >= PassSegmenter.MIN_TRAVEL_CM
        && atRest()
        && segmenter.passCount() + 1 > emittedRaw) {
      handleRaw(segmenter.openStroke());
    }
    while (!dwellsDue.isEmpty()) {
      DwellDue d = dwellsDue.peekFirst();
      // confirmed once the roller is rolled again well after that pass (an empty roller does not
      // move by itself), or once the on/off detector has surely had time to see a get-off
      boolean rolling = now - d.passS() >= STILL_ROLLING_S && Math.abs(speed) > OnRollerDetector.MOVING_CM_S;
      if (!rolling && now - d.passS() < SHOCK_RESOLVE_S) break;
      confirmDwell(dwellsDue.removeFirst());
    }
    if (!deferred.isEmpty()) {
      double since = now - deferredShockS;
      // Getting off is over within a few seconds of its jolt (shoves, then the roller rolls away and
      // stops); a roller still being moved after that has somebody on it.
      boolean stillRolling = since >= STILL_ROLLING_S && Math.abs(speed) > OnRollerDetector.MOVING_CM_S;
      if (since >= SHOCK_RESOLVE_S || stillRolling) releaseDeferred();
    }
  }

  /**
   * A still segment that a pass followed, awaiting confirmation that the pass was the person rolling
   * on, not the first shove of getting off (which would make it the hold).
   */
  private record DwellDue(StillSegment segment, int passRaw, double passS) {}

  private void confirmDwell(DwellDue d) {
    StillSegment seg = d.segment();
    listener.onEvent(new MotionEvent.StillClassified(now, seg.startS(), MotionEvent.StillKind.DWELL));
    listener.onEvent(
        new MotionEvent.DwellFound(now, new Dwell(seg.startS(), seg.endS(), seg.positionCm())));
  }

  private void feedUpTo(double toS, boolean inclusive) {
    if (fedIndex < history.oldest()) fedIndex = history.oldest();
    while (fedIndex <= history.newest()) {
      double t = history.t(fedIndex);
      if (inclusive ? t > toS : t >= toS) break;
      if (t - lastSnapshotT >= SNAPSHOT_EVERY_S) {
        int k = snapshotCount++ % SNAPSHOTS;
        snapshots[k] = segmenter.snapshot();
        snapshotT[k] = t;
        snapshotIndex[k] = fedIndex;
        lastSnapshotT = t;
      }
      segmenter.accept(t, history.s(fedIndex));
      fedIndex++;
    }
  }

  private void trackStill() {
    double changed = still.update();
    if (Double.isNaN(changed)) return;
    if (still.running()) {
      breathsInStill = 0;
      breaths.stillStarted(changed);
      listener.onEvent(new MotionEvent.StillStarted(now, changed, still.positionCm()));
      countBreathsLive();
    } else {
      stillEnded(new StillSegment(still.startS(), changed, still.positionCm()));
    }
  }

  /**
   * Announces the breaths of the running still segment counted so far, with the same count the hold
   * will report (the hysteresis follows the segment's own breathing, so an early onset may still be
   * merged; a breath once announced is not taken back).
   */
  private void countBreathsLive() {
    double[] on = breaths.onsetsInStill(still.startS(), now, false);
    if (on.length <= breathsInStill) return;
    // a breath hidden under sway is found once its edge ends, before onsets already announced:
    // the new ones are those farthest from any announced, not the last in time
    double[] fresh =
        BreathDetector.unannounced(on, announcedOnsets, breathsInStill, on.length - breathsInStill);
    for (double onset : fresh) {
      if (breathsInStill == announcedOnsets.length) {
        announcedOnsets = Arrays.copyOf(announcedOnsets, 2 * breathsInStill);
      }
      announcedOnsets[breathsInStill++] = onset;
      listener.onEvent(new MotionEvent.BreathDetected(now, onset));
    }
  }

  private void stillEnded(StillSegment seg) {
    listener.onEvent(new MotionEvent.StillEnded(now, seg));
    if (pending.size() == MAX_PENDING) pending.removeFirst();
    pending.addLast(seg);
    breathsInStill = 0;
  }

  private void gotOff(double offS) {
    if (segmenterOpen) {
      rewindTo(offS);
      feedUpTo(offS, true);
      segmenter.finish();
      segmenterOpen = false;
    }
    int kept = segmenter.passCount();
    for (Pass d : deferred) if (d.index() <= kept) announce(d);
    deferred.clear();
    while (!announcedRaw.isEmpty() && announcedRaw.peekLast()[0] > kept) {
      announcedRaw.pollLast();
      Pass taken = announced.pollLast();
      passCount--;
      int rollCount = rolls.undoLast();
      listener.onEvent(
          new MotionEvent.PassWithdrawn(now, taken, passCount, rollCount, "part of getting off"));
    }
    emittedRaw = kept;
    // still segments whose following pass was taken back were not dwells: back to pending (holds)
    while (!dwellsDue.isEmpty()) {
      DwellDue d = dwellsDue.pollLast();
      if (d.passRaw() <= kept) {
        dwellsDue.addLast(d);
        break;
      }
      pending.addFirst(d.segment());
    }
    while (!dwellsDue.isEmpty()) confirmDwell(dwellsDue.removeFirst());
    restSinceS = Double.NaN;
    stopAnnounced = false;
    if (still.running()) {
      double end = still.end(offS);
      stillEnded(new StillSegment(still.startS(), end, still.positionCm()));
    }
    still.disarm();
    while (!pending.isEmpty()) {
      StillSegment seg = pending.removeFirst();
      // a still ends at the latest where getting off began (the band may be left only later)
      if (seg.endS() > offS) seg = new StillSegment(seg.startS(), Math.max(seg.startS(), offS), seg.positionCm());
      listener.onEvent(
          new MotionEvent.StillClassified(
              now,
              seg.startS(),
              seg.durationS() >= HOLD_MIN_S
                  ? MotionEvent.StillKind.HOLD
                  : MotionEvent.StillKind.NEITHER));
      if (seg.durationS() >= HOLD_MIN_S) {
        // with the end known, turning points that getting off put before it are left out
        double[] on = breaths.onsetsInStill(seg.startS(), seg.endS(), true);
        int n = on.length;
        double rate = n < 2 ? Double.NaN : 60.0 * (n - 1) / (on[n - 1] - on[0]);
        anyHold = true;
        listener.onEvent(
            new MotionEvent.HoldFound(
                now, new ExtensionHold(seg.startS(), seg.endS(), seg.positionCm(), n, rate)));
      }
    }
    listener.onEvent(new MotionEvent.GotOff(now, offS));
  }

  /**
   * If the segmenter has already seen samples after {@code offS} (getting off, the roller rolling
   * away), goes back to its newest state from before then; passes already reported are not reported
   * again when the samples are fed anew.
   */
  private void rewindTo(double offS) {
    for (int n = 0; n < Math.min(snapshotCount, SNAPSHOTS); n++) {
      int k = (snapshotCount - 1 - n) % SNAPSHOTS;
      if (snapshotT[k] <= offS && history.holds(snapshotIndex[k])) {
        if (fedIndex > snapshotIndex[k] + 1) {
          segmenter.restore(snapshots[k]);
          fedIndex = snapshotIndex[k];
        }
        return;
      }
    }
  }

  /** Called by the segmenter for every pass (segmenter numbering). */
  private void strokeIsPass(Pass raw) {
    handleRaw(raw);
  }

  /**
   * A pass is known (confirmed by the 2 cm reversal, or the roller at rest with the stroke at 5 cm):
   * announce it, hold it back if it may be part of getting off, or — already announced — revise it.
   */
  private void handleRaw(Pass raw) {
    if (raw.index() <= emittedRaw) {
      revise(raw);
      return;
    }
    emittedRaw = raw.index();
    if (mayBeGettingOff(raw)) {
      if (deferred.isEmpty()) deferredShockS = Math.max(onRoller.lastShockS(), raw.endS());
      deferred.addLast(raw);
      return;
    }
    releaseDeferred();
    announce(raw);
  }

  /**
   * A shock shortly before or during the stroke (sitting up lands the body's weight off the roller
   * with a jolt), or the speed of a push: such a stroke is announced only once it is clear that the
   * person stayed on.
   */
  private boolean mayBeGettingOff(Pass raw) {
    double settled = onRoller.settledS();
    double lead = raw.startS() - OnRollerDetector.GET_OFF_LEAD_S;
    double shock = onRoller.lastShockS();
    if (shock > settled && shock >= lead) {
      // A stroke rolled without a rest, whose jolt came only after the roller had stopped, ended in
      // the hips dropping into the hold or the body settling onto a tender spot: held back as a
      // get-off, the last pass before the hold was announced 12 s late (27000114). The stop is the
      // turning point, or the first moment at rest once the stroke has rolled a pass's travel: a
      // hip drop that rolls on the same way 1–2 cm, jolt and all, lengthens the stroke past it
      // (28000178, 28000140). Getting off sets out from a rest (the hold, a tender spot), and its
      // jolt may come after the roll-away's turning point (27000146), so a stroke with a rest in it
      // is judged by every shock since.
      if (setOffFromRest(raw)) return true;
      double stopS = rolledBy(raw);
      if (shock <= stopS) return true;
      for (long i = history.indexAt(lead); i <= history.newest(); i++) {
        double t = history.t(i);
        if (t > stopS) break;
        if (t > settled && t >= lead && history.shock(i)) return true;
      }
    }
    for (long i = history.indexAt(raw.startS()); i <= history.newest(); i++) {
      if (history.t(i) > raw.endS()) break;
      if (Math.abs(history.v(i)) > PUSH_CM_S) return true;
    }
    return false;
  }

  /**
   * When the stroke's rolling was over: once it had rolled {@link PassSegmenter#MIN_TRAVEL_CM} from
   * its start, the first grid sample where its speed had fallen to {@value #STROKE_DONE_SHARE} of
   * its peak so far (or to rest, {@link OnRollerDetector#REST_CM_S}); else its end. A hip drop
   * follows the stroke's slowing at a few cm/s without stopping it dead: at 0.3 cm/s for 0.2 s,
   * the smoothed speed never reached rest (28000140).
   */
  private double rolledBy(Pass raw) {
    long from = history.indexAt(raw.startS());
    double s0 = history.s(from);
    boolean rolled = false;
    double peak = 0;
    for (long i = from; i <= history.newest(); i++) {
      double t = history.t(i);
      if (t >= raw.endS()) break;
      double speed = Math.abs(history.v(i));
      peak = Math.max(peak, speed);
      rolled |= Math.abs(history.s(i) - s0) >= PassSegmenter.MIN_TRAVEL_CM;
      if (rolled && speed < Math.max(OnRollerDetector.REST_CM_S, STROKE_DONE_SHARE * peak)) return t;
    }
    return raw.endS();
  }

  /**
   * Whether the stroke set out from a rest of at least {@value #SET_OFF_REST_S} s: the roller at
   * rest for that long up to its start (a turning point is placed where the rest ends), or later
   * but before the stroke first rolled faster than {@link OnRollerDetector#MOVING_CM_S} (a hold
   * whose drift went the roll-away's way puts the turning point at the hold's start), or its start
   * older than the history. A pause after the stroke had got going is not where it set out from: a
   * slow roller who stops for a second on the way down and then drops the hips into the hold had
   * the last pass held back 12 s as a get-off (28000148).
   */
  private boolean setOffFromRest(Pass raw) {
    double from = raw.startS() - SET_OFF_REST_S;
    if (history.t(history.oldest()) > from) return true;
    double restFrom = Double.NaN;
    for (long i = history.indexAt(from); i <= history.newest(); i++) {
      double t = history.t(i);
      if (t > raw.endS()) break;
      double speed = Math.abs(history.v(i));
      if (speed < OnRollerDetector.REST_CM_S) {
        if (Double.isNaN(restFrom)) restFrom = t;
        if (t - restFrom >= SET_OFF_REST_S) return true;
      } else {
        restFrom = Double.NaN;
        if (t > raw.startS() && speed > OnRollerDetector.MOVING_CM_S) return false;
      }
    }
    return false;
  }

  private void releaseDeferred() {
    while (!deferred.isEmpty()) announce(deferred.removeFirst());
  }

  /** The stroke went on after it was announced at a stop: same number, final extent. */
  private void revise(Pass raw) {
    for (Pass d : deferred) {
      if (d.index() == raw.index()) {
        deferred.remove(d);
        deferred.addFirst(raw); // only ever the newest is revised; order is kept by index below
        sortDeferred();
        return;
      }
    }
    java.util.Iterator<int[]> r = announcedRaw.descendingIterator();
    java.util.Iterator<Pass> a = announced.descendingIterator();
    while (r.hasNext()) {
      int[] key = r.next();
      Pass pub = a.next();
      if (key[0] != raw.index()) continue;
      if (pub.endS() != raw.endS() || pub.toCm() != raw.toCm() || pub.startS() != raw.startS()) {
        Pass revised = new Pass(pub.index(), raw.startS(), raw.endS(), raw.fromCm(), raw.toCm());
        replaceAnnounced(raw.index(), revised);
        listener.onEvent(new MotionEvent.PassRevised(now, revised));
      }
      return;
    }
  }

  private void sortDeferred() {
    java.util.List<Pass> list = new java.util.ArrayList<>(deferred);
    list.sort(java.util.Comparator.comparingInt(Pass::index));
    deferred.clear();
    deferred.addAll(list);
  }

  private void replaceAnnounced(int rawIndex, Pass revised) {
    java.util.List<int[]> keys = new java.util.ArrayList<>(announcedRaw);
    java.util.List<Pass> passes = new java.util.ArrayList<>(announced);
    for (int i = 0; i < keys.size(); i++) if (keys.get(i)[0] == rawIndex) passes.set(i, revised);
    announced.clear();
    announced.addAll(passes);
  }

  /** Settles the still segments before the pass (they were dwells) and emits it. */
  private void announce(Pass raw) {
    // a later pass confirms the dwells an earlier one left due: the person is rolling on — if it
    // came well after that pass. Getting off can roll the roller one way and back within a second
    // or two, no jolt flagged (a 25 Hz sensor, seed 32000109): two "passes" that confirmed the hold
    // before them as a tender spot before the get-off was seen, and withdrawing them could not
    // take that back
    while (!dwellsDue.isEmpty()
        && dwellsDue.peekFirst().passRaw() < raw.index()
        && now - dwellsDue.peekFirst().passS() >= STILL_ROLLING_S) {
      confirmDwell(dwellsDue.removeFirst());
    }
    while (!pending.isEmpty() && pending.peekFirst().startS() <= raw.startS()) {
      dwellsDue.addLast(new DwellDue(pending.removeFirst(), raw.index(), now));
    }
    Pass pass = new Pass(++passCount, raw.startS(), raw.endS(), raw.fromCm(), raw.toCm());
    int rollCount = rolls.add(pass.direction());
    if (announcedRaw.size() == MAX_ANNOUNCED) {
      announcedRaw.removeFirst();
      announced.removeFirst();
    }
    announcedRaw.addLast(new int[] {raw.index()});
    announced.addLast(pass);
    listener.onEvent(new MotionEvent.PassCompleted(now, pass, passCount, rollCount));
  }

  /** A snapshot for live displays; allocates one small record. */
  public LiveState state() {
    boolean on = onRoller.on();
    Phase phase;
    if (!on) {
      phase = passCount > 0 || anyHold ? Phase.DONE : Phase.OFF_ROLLER;
    } else if (!onRoller.settled()) {
      phase = Phase.GETTING_ON;
    } else if (still.running()) {
      phase = now - still.startS() >= HOLD_MIN_S && passCount > 0 ? Phase.HOLD : Phase.STILL;
    } else {
      phase = Phase.ROLLING;
    }
    return new LiveState(
        now,
        sNow,
        speed,
        phase,
        on,
        passCount,
        rolls.rolls(),
        still.running() ? still.startS() : Double.NaN,
        still.running() ? breathsInStill : 0,
        lastMovedS);
  }
}
