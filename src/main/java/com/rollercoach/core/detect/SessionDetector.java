package com.rollercoach.core.detect;

import com.rollercoach.core.signal.RollSignal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The detection stage: turns the uniform grid of roller motion ({@link RollSignal}) into {@link
 * MotionEvent}s — on/off the roller, passes and rolls, still-loaded segments, dwells, the extension
 * hold and its breaths — as soon as each is known, with the true times of what it reports.
 *
 * <p>Strokes reach the {@link PassSegmenter} {@value #PASS_DELAY_S} s late, and are held back further
 * after an accelerometer shock until it is clear whether the person is getting off: sitting up shoves
 * the roller several centimetres and must not count as a pass, yet whether a shock was the start of
 * getting off (rather than the hip drop) is only clear once the roller goes quiet or the person is
 * seen still on it. Everything lives in fixed rings ({@value #HISTORY_S} s of grid), so memory does not
 * grow with the session.
 */
public final class SessionDetector {
  static final double GRID_HZ = RollSignal.GRID_HZ;
  static final double HISTORY_S = 40;
  static final double PASS_DELAY_S = 2.0;
  /** After a shock, how long to wait for the roller to go quiet before deciding nobody got off. */
  static final double SHOCK_RESOLVE_S = 12.0;
  static final double ACTIVITY_WINDOW_S = 6.0;
  /** A still segment at least this long that no pass follows is the extension hold. */
  static final double HOLD_MIN_S = 20.0;
  /** Turning points this close to a hold's start belong to the stroke that stopped there. */
  static final double BREATH_START_MARGIN_S = 1.0;
  static final double BREATH_END_MARGIN_S = 0.3;
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
  private final ActivityMeter rollActivity = new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ));
  private final ActivityMeter[] axisActivity = {
    new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ)),
    new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ)),
    new ActivityMeter((int) (ACTIVITY_WINDOW_S * GRID_HZ))
  };
  private final OnRollerDetector onRoller =
      new OnRollerDetector(history, ACTIVITY_WINDOW_S);
  private final StillDetector still =
      new StillDetector(history, (int) ((StillDetector.MIN_DURATION_S + 1) * GRID_HZ));
  private final BreathDetector breaths = new BreathDetector(GRID_HZ);
  private final PassSegmenter segmenter =
      new PassSegmenter(this::strokeIsPass).withTieTolerance(MEASURED_TIE_CM);
  private final RollCounter rolls = new RollCounter();
  private final Deque<StillSegment> pending = new ArrayDeque<>();

  private long fedIndex = -1;
  /** Segmenter states at intervals of fed time, newest last, to rewind to where getting off began. */
  private final PassSegmenter.Snapshot[] snapshots = new PassSegmenter.Snapshot[SNAPSHOTS];
  private final double[] snapshotT = new double[SNAPSHOTS];
  private final long[] snapshotIndex = new long[SNAPSHOTS];
  private int snapshotCount;
  private double lastSnapshotT = Double.NEGATIVE_INFINITY;
  private int emittedPasses;
  private double now = Double.NaN;
  private double prevS;
  private double speed;
  private double sNow;
  private int passCount;
  private boolean anyHold;
  private int breathsInStill;
  private boolean segmenterOpen;

  public SessionDetector(MotionListener listener) {
    this.listener = listener;
  }

  /** One grid sample from {@link RollSignal}. */
  public void accept(
      double tS, double sCm, double thetaDeg, double rollPhiDeg, double[] phiDeg, boolean shock) {
    if (!Double.isNaN(now)) {
      double dt = tS - now;
      double k = Math.min(1, dt / SPEED_TAU_S);
      double v = dt > 0 && dt < 0.5 ? (sCm - prevS) / dt : 0;
      speed += k * (v - speed);
    }
    now = tS;
    prevS = sCm;
    sNow = sCm;
    history.add(tS, sCm, speed, shock);

    for (int i = 0; i < 3; i++) axisActivity[i].add(phiDeg[i]);
    double activity;
    if (!Double.isNaN(rollPhiDeg)) {
      rollActivity.add(rollPhiDeg);
      activity = rollActivity.residualRms();
    } else {
      activity = Double.NaN;
    }
    if (Double.isNaN(activity)) {
      activity = 0;
      for (ActivityMeter m : axisActivity) activity = Math.max(activity, m.residualRms());
    }

    switch (onRoller.update(activity)) {
      case ON -> listener.onEvent(new MotionEvent.GotOn(tS, onRoller.onS()));
      case SETTLED -> {
        fedIndex = history.indexAt(onRoller.settledS());
        segmenterOpen = true;
        snapshotCount = 0;
        lastSnapshotT = Double.NEGATIVE_INFINITY;
        still.arm();
      }
      case OFF -> gotOff(onRoller.offS());
      case NONE -> {}
    }

    double turn = breaths.update(tS, thetaDeg);
    if (onRoller.settled()) {
      feedSegmenter();
      trackStill();
      if (!Double.isNaN(turn) && still.running()) countBreathLive(turn);
    }
  }

  /** No more samples: whoever is on the roller is taken to leave at the last sample. */
  public void end() {
    if (Double.isNaN(now)) return;
    if (onRoller.on()) gotOff(onRoller.offAtEnd());
  }

  private void feedSegmenter() {
    if (!segmenterOpen) return;
    double feedTo = now - PASS_DELAY_S;
    double shock = onRoller.lastShockS();
    if (shock > onRoller.settledS() && now - shock < SHOCK_RESOLVE_S) {
      feedTo = Math.min(feedTo, shock - OnRollerDetector.GET_OFF_LEAD_S);
    }
    feedUpTo(feedTo, false);
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
      listener.onEvent(new MotionEvent.StillStarted(now, changed, still.positionCm()));
      boolean trough = breaths.inhaleStartsAtTrough(changed, now);
      for (double onset : breaths.onsets(changed + BREATH_START_MARGIN_S, now, trough)) {
        breathsInStill++;
        listener.onEvent(new MotionEvent.BreathDetected(now, onset));
      }
    } else {
      stillEnded(new StillSegment(still.startS(), changed, still.positionCm()));
    }
  }

  private void countBreathLive(double turn) {
    double start = still.startS();
    if (turn <= start + BREATH_START_MARGIN_S) return;
    boolean trough = breaths.inhaleStartsAtTrough(start, now);
    if (breaths.lastWasPeak() == trough) return;
    breathsInStill++;
    listener.onEvent(new MotionEvent.BreathDetected(now, turn));
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
    if (still.running()) {
      double end = still.end(offS);
      stillEnded(new StillSegment(still.startS(), end, still.positionCm()));
    }
    still.disarm();
    while (!pending.isEmpty()) {
      StillSegment seg = pending.removeFirst();
      if (seg.durationS() >= HOLD_MIN_S) {
        int n = breaths.countOnsets(seg.startS() + BREATH_START_MARGIN_S, seg.endS() - BREATH_END_MARGIN_S);
        double rate = breathingRate(seg);
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

  private double breathingRate(StillSegment seg) {
    double from = seg.startS() + BREATH_START_MARGIN_S;
    double to = seg.endS() - BREATH_END_MARGIN_S;
    double[] on = breaths.onsets(from, to, breaths.inhaleStartsAtTrough(from, to));
    if (on.length < 2) return Double.NaN;
    return 60.0 * (on.length - 1) / (on[on.length - 1] - on[0]);
  }

  /** Called by the segmenter for every pass: settles the still segments before it, emits it. */
  private void strokeIsPass(Pass raw) {
    if (raw.index() <= emittedPasses) return; // fed again after a rewind: already reported
    emittedPasses = raw.index();
    while (!pending.isEmpty() && pending.peekFirst().startS() <= raw.startS()) {
      StillSegment seg = pending.removeFirst();
      listener.onEvent(
          new MotionEvent.DwellFound(now, new Dwell(seg.startS(), seg.endS(), seg.positionCm())));
    }
    Pass pass = new Pass(++passCount, raw.startS(), raw.endS(), raw.fromCm(), raw.toCm());
    int rollCount = rolls.add(pass.direction());
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
        still.running() ? breathsInStill : 0);
  }
}
