package com.rollercoach.core.detect;

/**
 * Decides whether a person is on the roller, from physics only:
 *
 * <ul>
 *   <li><b>On</b>: a person lying on a roller always moves it — breathing rocks it by fractions of a
 *       degree every few seconds, the heartbeat adds a ripple, and rolling moves it a lot — so the
 *       {@link ActivityMeter} residual rises above {@link #ON_DEG}. An empty roller shows only sensor
 *       noise, well below it.
 *   <li><b>Settled</b>: lying back onto a roller jostles it (shuffles of a few cm, a landing shock in
 *       the accelerometer). Strokes count from the first rest of the roller ({@link #SETTLE_REST_S}
 *       s) after getting on and after the last get-on shock, or {@link #SETTLE_MAX_S} s after them
 *       if the person starts rolling at once.
 *   <li><b>Off</b>: the angle goes quiet ({@link #QUIET_DEG}) after a get-off transient (an
 *       accelerometer shock or a movement of the roller within the last {@link #TRANSIENT_LOOKBACK_S}
 *       s). Requiring the transient keeps a very calm dwell, whose breathing may be hard to see, from
 *       ending the session: nobody leaves a roller without moving it.
 * </ul>
 *
 * The off time is placed where getting off began, found by looking back: from the get-off shock back
 * through the movement that led into it (sitting up shoves the roller), at most {@link
 * #GET_OFF_LEAD_S} s; or, with no shock, at the start of the last movement (the roller pushed aside).
 */
final class OnRollerDetector {
  /**
   * Residual rocking above which somebody is on the roller, degrees RMS, at least: the physical
   * minimum. A person's shallowest breathing rocks a roller by ~0.1° peak to peak (0.035° RMS) and
   * getting on turns it by degrees, so a line this low still sees everybody; it is raised for a
   * noisy sensor to {@link #ON_FLOOR_RATIO} × the floor it measured this session ({@link #floorDeg()}).
   */
  static final double ON_DEG = 0.025;
  /** Residual below which the roller is quiet (empty), degrees RMS, at least (see {@link #ON_DEG}). */
  static final double QUIET_DEG = 0.016;
  /**
   * The empty roller's residual is the gyro's angle random walk seen through the 6 s quadratic fit:
   * its median is ≈ 0.33 s^½ × the noise density, and its windows wander between ~0.5× and ~2.3× that
   * median (integrated white noise has few degrees of freedom in 6 s). The floor is the lowest 1 s
   * mean seen while nobody is on, so it reaches ~0.5× the median over a session: 5× the floor is
   * above every empty window (≥ 2.3× the median). The quiet line, 1.5× the floor (≈ 0.75× the
   * median), is reached by the empty roller's quieter windows within seconds, which is all the
   * get-off needs (one quiet moment after the last transient), while a person's ripple stays above it. For the parts of the simulator up to
   * 0.015 °/s/√Hz both stay under {@link #ON_DEG}/{@link #QUIET_DEG}; a 0.05 °/s/√Hz analog gyro
   * (an empty residual of up to 0.04°) lifts them.
   */
  static final double ON_FLOOR_RATIO = 5.0;
  static final double QUIET_FLOOR_RATIO = 1.5;
  /** The floor is learned from means over this long (the residual is smooth over 1 s). */
  static final double FLOOR_BLOCK_S = 1.0;
  /**
   * The highest floor believed: the empty residual's median for a 0.05 °/s/√Hz gyro (an old analog
   * part such as the ADXRS610; MEMS parts of today are 0.005–0.015). A person already on the roller
   * from the first sample teaches a floor of their own rocking; capped, the "on" line stays at 5 ×
   * 0.0165 = 0.083°, under the 0.1–0.35° residual of breathing 0.25–0.5° deep.
   */
  static final double FLOOR_MAX_DEG = 0.0165;
  /** Roller speed below which it is at rest, cm/s along the back. */
  static final double REST_CM_S = 0.5;
  /**
   * The heartbeat's evidence must have been absent this long before a quiet roller is empty: over a
   * noisy gyro its level flickers across its line from one grid sample to the next while a calm
   * person holds still, and one flicker with the residual dipping under the quiet line read as a
   * get-off in the hold (seed 29000092, 1000 Hz, 0.05 °/s/√Hz).
   */
  static final double BODY_GONE_S = 1.0;
  /** Roller speed above which it is being moved. */
  static final double MOVING_CM_S = 1.0;
  static final double SETTLE_REST_S = 0.5;
  static final double SETTLE_MAX_S = 3.0;
  static final double TRANSIENT_LOOKBACK_S = 15.0;
  static final double GET_OFF_LEAD_S = 3.0;
  /** The speed's lag behind the position: three time constants of its smoothing (0.1 s). */
  static final double DEPARTURE_LAG_S = 0.3;
  static final double SHOCK_BURST_GAP_S = 2.0;
  /** A knock's flags span its ringing: from a grid step before it to this long after it. */
  static final double FORGET_BEFORE_S = 0.05;
  static final double FORGET_AFTER_S = 1.0;
  /** A get-off jolt comes with the roller shoved within this long of it (either side). */
  static final double KNOCK_MOTION_S = 1.0;
  static final double ON_LATENCY_S = 0.3;
  /** At the end of the data, a shock this recent is taken as the start of getting off. */
  static final double END_SHOCK_S = 12.0;
  /**
   * How long after a movement the rocking residual still holds it: its window, and the second the
   * speed's smoothing takes to call the roller at rest before the angle stops (seen: 6.5 s).
   */
  static final double RESIDUAL_CLEAR_S = SessionDetector.ACTIVITY_WINDOW_S + 1;
  /** How long a rest must show nobody before the data's end for the last movement to be a get-off. */
  static final double END_EMPTY_MIN_S = 3.0;
  /**
   * A motor counts as present once its shaking has lasted this long without a break: a body's jolt
   * rings for under 1.5 s (and lifts the shaking level meanwhile); a motor runs for minutes.
   */
  static final double MOTOR_PRESENT_S = 2.0;
  /**
   * A running motor's shaking that showed the load this recently ({@link MotorLoad#loadSeenS}, a
   * clean sample at rest within its damped level) keeps a quiet angle from reading as an empty
   * shell. Short: after a get-off the shaking steps up at once, and where the motor's evidence is
   * never clean (an aliased wobble) the quiet angle decides again within this.
   */
  static final double LOAD_SHOWN_S = 2.0;

  enum Change {
    NONE,
    ON,
    SETTLED,
    /** A landing after the settling: still getting on; strokes count from the next settling. */
    UNSETTLED,
    OFF
  }

  private final GridHistory history;
  private final double windowS;
  private boolean on;
  private boolean settled;
  private double onS = Double.NaN;
  private double settledS = Double.NaN;
  private double offS = Double.NaN;
  private double lastBodyS = Double.NEGATIVE_INFINITY;
  private double lastShockS = Double.NEGATIVE_INFINITY;
  private double lastMovingS = Double.NEGATIVE_INFINITY;
  /** The first movement after the roller had not moved for a hold's length ({@link #leftAfterHold}). */
  private double moveAfterHoldS = Double.NEGATIVE_INFINITY;
  /** The latest sample the roller was not at rest ({@link #REST_CM_S}), however slowly it moved. */
  private double lastStirS = Double.NEGATIVE_INFINITY;
  /** The latest sample the roller moved faster than a body rolls it. */
  private double lastPushS = Double.NEGATIVE_INFINITY;
  private double restSinceS = Double.NaN;
  /** The highest rocking residual of the current rest, from {@value #RESIDUAL_CLEAR_S} s into it. */
  private double restActivityMaxDeg;
  private double floorDeg = Double.NaN;
  private final NoiseFloor noiseFloor = new NoiseFloor(FLOOR_MAX_DEG);
  private double motorFloorDeg = Double.NaN;
  private boolean blockMotor;
  private double blockSum;
  private int blockCount;
  private double blockStartS = Double.NaN;
  private boolean motorRunning;
  private boolean motorDamped;
  /** Since when the shaking has been damped (NaN: it is not). */
  private double dampedSinceS = Double.NaN;
  private double motorRunningSinceS = Double.NaN;
  /** The latest time a motor was present (running for {@value #MOTOR_PRESENT_S} s on end). */
  private double motorPresentS = Double.NEGATIVE_INFINITY;
  /**
   * The latest clean sample at which a running motor's shaking showed the roller loaded ({@link
   * #loadSeenAt}).
   */
  private double loadSeenS = Double.NEGATIVE_INFINITY;

  OnRollerDetector(GridHistory history, double windowS) {
    this.history = history;
    this.windowS = windowS;
  }

  /**
   * The data ended while somebody was on the roller. If a shock since they settled is recent, or the
   * roller was pushed faster than a body rolls it ({@link SessionDetector#PUSH_CM_S}: rolled away as
   * they got up, seed 24000127, whose get-off jolt no flag marked and whose recording stopped 3 s
   * later), or the rest since the last movement has shown nobody on the roller ({@link
   * #emptiedAfterLastMove}), or that movement was one short burst after a hold ({@link
   * #leftAfterHold}), they were most likely getting off: the off time is placed as for a detected
   * get-off; else it is now.
   */
  double offAtEnd() {
    double now = history.t(history.newest());
    on = false;
    settled = false;
    boolean leaving =
        sinceSettled(lastPushS, now, END_SHOCK_S) || sinceSettled(lastShockS, now, END_SHOCK_S)
            || emptiedAfterLastMove(now) || leftAfterHold(now);
    offS = leaving ? getOffStart(now, false) : now;
    return offS;
  }

  /**
   * Whether the last movement was one short burst after a hold: the roller, unmoved for a hold's
   * length ({@link SessionDetector#HOLD_MIN_S}), moved for at most {@value #GET_OFF_LEAD_S} s (the
   * get-off look-back's lead) within {@value #END_SHOCK_S} s of the data's end, and nothing after.
   * The exercise ends with the hold, and a recording is stopped once its wearer is up: a burst there
   * is getting off, even when it moved too gently for a shock or a push and the data stopped before
   * the rest could show the roller empty ({@link #emptiedAfterLastMove} needs {@value
   * #RESIDUAL_CLEAR_S} + {@value #END_EMPTY_MIN_S} s). Seed 31000150: a 2 cm roll-away 3.8 s before
   * the end joined the 4.6 cm hip drop into a pass. Whatever the burst's travel: sitting up from the
   * hold shoved the roller 7.6 cm, 3.7 s before the end (seed 38000150, every setup), and a person
   * who rolls on after the hold rolls on — a burst that goes on rolling is longer than the lead —
   * where one lone stroke, then lying still until the recording stops, has no place in the exercise.
   * (Round 16 kept bursts of a pass's travel out, as possibly one last stroke; no session has shown
   * one.) A weight shift this late in a hold, the data stopped with the person still lying there,
   * would only end the hold a few seconds early.
   */
  private boolean leftAfterHold(double now) {
    return sinceSettled(moveAfterHoldS, now, END_SHOCK_S)
        && lastMovingS - moveAfterHoldS <= GET_OFF_LEAD_S;
  }

  /**
   * Whether the roller, moved since the person settled and resting since, has shown nobody on it:
   * from {@value #RESIDUAL_CLEAR_S} s into the rest (the rocking residual's memory of the movement)
   * for at least {@value #END_EMPTY_MIN_S} s, the residual never above the "someone is on" line, no
   * body's ripple, no running motor's evidence of load. A noisy gyro's empty roller may not read
   * quiet for 15 s and more (its residual wanders with a 10–15 s correlation); a recording that stops
   * within that after the get-off (seeds 26000154, 28000124: 8 and 14 s) otherwise kept the
   * roll-away as a pass and the hold as a dwell.
   */
  private boolean emptiedAfterLastMove(double now) {
    if (Double.isNaN(restSinceS) || !sinceSettled(lastMovingS, now, TRANSIENT_LOOKBACK_S)) return false;
    if (now - (restSinceS + RESIDUAL_CLEAR_S) < END_EMPTY_MIN_S) return false;
    if (motorRunning && now - loadSeenS <= LOAD_SHOWN_S) return false;
    // no body's ripple from RESIDUAL_CLEAR_S s into the rest (the rest lasts until now)
    return restActivityMaxDeg < onLineDeg() && !(lastBodyS - restSinceS >= RESIDUAL_CLEAR_S);
  }

  /**
   * Judges the newest history sample.
   *
   * @param activityDeg rocking residual used to see somebody get on (drift-proof)
   * @param quietDeg rocking residual used to see the roller go quiet
   * @param bodySeen evidence of a body above the sensor's noise floor (the heartbeat's ripple, see
   *     {@link HeartbeatPresence}): a roller quiet only between two breaths is not empty
   * @param unloaded a running motor's shaking shows the load gone ({@link MotorLoad}): on a vibrating
   *     roller the empty shell never reads quiet, so this stands in for the quiet angle (the get-off
   *     transient is still required)
   */
  Change update(double activityDeg, double quietDeg, boolean bodySeen, boolean unloaded) {
    long i = history.newest();
    double t = history.t(i);
    if (bodySeen) lastBodyS = t;
    double speed = Math.abs(history.v(i));
    if (history.shock(i)) lastShockS = t;
    if (speed > MOVING_CM_S) {
      if (t - lastMovingS >= SessionDetector.HOLD_MIN_S) moveAfterHoldS = t;
      lastMovingS = t;
    }
    if (speed >= REST_CM_S) lastStirS = t;
    if (speed > SessionDetector.PUSH_CM_S) lastPushS = t;
    if (!motorRunning) motorRunningSinceS = Double.NaN;
    else if (Double.isNaN(motorRunningSinceS)) motorRunningSinceS = t;
    else if (t - motorRunningSinceS >= MOTOR_PRESENT_S) motorPresentS = t;
    if (speed < REST_CM_S) {
      if (Double.isNaN(restSinceS)) restSinceS = t;
      if (t - restSinceS >= RESIDUAL_CLEAR_S) {
        restActivityMaxDeg = Math.max(restActivityMaxDeg, activityDeg);
      }
    } else {
      restSinceS = Double.NaN;
      restActivityMaxDeg = 0;
    }

    learnFloor(t, activityDeg);
    if (!on) {
      // nobody is taken to be on before the sensor has shown its floor: a noisy gyro's first
      // residual alone would otherwise read as a person
      // (a running motor's residue is no sensor floor: there the motor's damping is the evidence)
      boolean floorKnown = !Double.isNaN(floorDeg) || !Double.isNaN(noiseFloor.deg()) || motorRunning;
      if ((floorKnown && activityDeg > onLineDeg()) || motorDamped) {
        on = true;
        settled = false;
        onS = firstTransientSince(t - windowS);
        // a body damps the shaking as it lies back: with no transient seen (a slow sensor's roller
        // turns little while its axis is unknown), that is when it got on, not just now — also when
        // the rocking decided first, before the damping had lasted its confirmation (seed 32000167:
        // a motor switched on 3 s before the get-on, its shaking damped 3-fold from 3045.2 s, "on"
        // at 3047.2 s by the rocking, dated at the first stroke's first sample the unknown axis let
        // show, and that stroke was lost)
        if (dampedSinceS < onS) onS = dampedSinceS;
        // nobody gets on before they got off: the window looked back into the last on period
        if (offS > onS) onS = offS;
        return Change.ON;
      }
      return Change.NONE;
    }
    if (!settled) {
      // Settled: the roller has rested a moment after the get-on jostle (after its last shock), or
      // the person went straight into rolling: SETTLE_MAX_S after the last shock (or after getting on).
      // Both are read from the history since the jostle, not only from now: getting on is
      // sometimes recognised seconds late (a slow sensor's motor starting at the same time, see
      // MotorStart), and the person may have rested and rolled meanwhile.
      double jostleEnd = Math.max(onS, lastShockS);
      double restS = firstRestSince(jostleEnd, onS);
      if (!Double.isNaN(restS) || t - jostleEnd >= SETTLE_MAX_S) {
        settled = true;
        settledS = Double.isNaN(restS) ? jostleEnd + SETTLE_MAX_S : restS;
        return Change.SETTLED;
      }
      return Change.NONE;
    }
    if (history.shock(i) && stillGettingOn(t)) {
      settled = false;
      return Change.UNSETTLED;
    }
    // The motor's own evidence of an empty shell decides alone; otherwise quiet needs no body's ripple,
    // and a running motor that showed the load a moment ago: a person who pauses breathing on a
    // vibrating roller (after a sigh) keeps it damped, whatever the angle does
    boolean loadShown = motorRunning && t - loadSeenS <= LOAD_SHOWN_S;
    boolean quiet =
        unloaded || (quietDeg < quietLineDeg() && !(t - lastBodyS < BODY_GONE_S) && !loadShown);
    double lastTransient = Math.max(lastShockS, lastMovingS);
    if (quiet && sinceSettled(lastTransient, t, TRANSIENT_LOOKBACK_S)) {
      on = false;
      settled = false;
      offS = getOffStart(t, unloaded);
      return Change.OFF;
    }
    return Change.NONE;
  }

  /**
   * The empty roller's rocking residual: the lowest {@value #FLOOR_BLOCK_S} s mean of the residual
   * seen while nobody was on (NaN until one was seen). Only an empty roller teaches it, so a calm
   * person lying still cannot raise the lines above their own breathing; samples forced to zero (a
   * motor known to shake an empty shell) teach nothing.
   */
  double floorDeg() {
    return floorDeg;
  }

  /** The "someone is on" line: the physical minimum, or {@link #ON_FLOOR_RATIO} × the floor. */
  double onLineDeg() {
    double floor = currentFloorDeg();
    return Double.isNaN(floor) ? ON_DEG : Math.max(ON_DEG, ON_FLOOR_RATIO * floor);
  }

  /** The "quiet" line: the physical minimum, or {@link #QUIET_FLOOR_RATIO} × the floor. */
  double quietLineDeg() {
    double floor = currentFloorDeg();
    return Double.isNaN(floor) ? QUIET_DEG : Math.max(QUIET_DEG, QUIET_FLOOR_RATIO * floor);
  }

  /**
   * Whether a vibrating roller's motor is running: its aliased residue in the rocking residual is not
   * the sensor's floor, so nothing is learned meanwhile.
   */
  void motorRunning(boolean running) {
    motorRunning = running;
  }

  /**
   * The latest time a running motor's shaking showed the roller loaded ({@link MotorLoad#loadSeenS}):
   * a shock before it was not the person getting off.
   */
  void loadSeenAt(double tS) {
    loadSeenS = tS;
  }

  /**
   * A running motor's shaking stepped down as a load damped it ({@link MotorDamping}): somebody got
   * on, whatever the rocking residual says.
   *
   * @param sinceS when the damping began (NaN: it has not)
   */
  void motorDamped(boolean damped, double sinceS) {
    motorDamped = damped;
    dampedSinceS = sinceS;
  }

  private void learnFloor(double t, double activityDeg) {
    if (on || !(activityDeg > 0) || (!Double.isNaN(blockStartS) && blockMotor != motorRunning)) {
      blockCount = 0;
      blockSum = 0;
      blockStartS = Double.NaN;
      if (on || !(activityDeg > 0)) return;
    }
    if (Double.isNaN(blockStartS)) {
      blockStartS = t;
      blockMotor = motorRunning;
    }
    blockSum += activityDeg;
    blockCount++;
    if (t - blockStartS >= FLOOR_BLOCK_S) {
      double mean = blockSum / blockCount;
      if (blockMotor) {
        motorFloorDeg =
            Math.min(FLOOR_MAX_DEG, Double.isNaN(motorFloorDeg) ? mean : Math.min(motorFloorDeg, mean));
      } else {
        floorDeg = Math.min(FLOOR_MAX_DEG, Double.isNaN(floorDeg) ? mean : Math.min(floorDeg, mean));
      }
      blockCount = 0;
      blockSum = 0;
      blockStartS = Double.NaN;
    }
  }

  /**
   * The floor for the roller as it is now: a running motor's aliased residue in the rocking residual
   * is a property of the roller, not a person (an empty vibrating roller at 52 Hz read 0.0251° against
   * the 0.025° line and became "on" 6 s before anybody got on), so it has its own floor, learned the
   * same way while the motor runs and nobody is on, and forgotten when the motor is switched.
   */
  private double currentFloorDeg() {
    if (motorRunning) return motorFloorDeg;
    // never below half the sensor's concurrent noise median (NoiseFloor): the lowest empty mean
    // falls the longer the roller is empty
    double noise = noiseFloor.deg();
    if (Double.isNaN(floorDeg)) return noise;
    return Double.isNaN(noise) ? floorDeg : Math.max(floorDeg, noise);
  }

  /**
   * Whether the roller rests (slower than {@value #REST_CM_S} cm/s) and no motor runs: only then can
   * the noise reference teach the floor ({@link NoiseFloor}; a stroke turns the roller about a
   * slightly wrong axis estimate, which leaks into the other axis, and a motor's wobble turns the
   * shell about every axis).
   */
  boolean noiseUsable() {
    return !Double.isNaN(restSinceS) && !motorRunning;
  }

  /**
   * Whether the noise floor wants a value of the reference's residual at {@code tS} ({@link
   * NoiseFloor#due}).
   */
  boolean noiseDue(double tS) {
    return noiseFloor.due(tS);
  }

  /**
   * The rocking residual of the gyro's angle about the axis a roller on a floor cannot turn about,
   * at {@code tS}, while {@link #noiseUsable()} (NaN: nothing learned).
   */
  void noiseResidual(double tS, double residualDeg) {
    noiseFloor.add(tS, residualDeg);
  }

  /** The motor was switched on or off, or to another speed: its residue is learned again. */
  void motorSwitched() {
    motorFloorDeg = Double.NaN;
  }

  /**
   * The shock at {@code shockS} was a motor switched on or off (see {@code MotorSwitch}): its flags
   * are cleared and the last shock is the one before it, so nothing takes it for a body's jolt.
   */
  void forgetShock(double shockS) {
    history.clearShocks(shockS - FORGET_BEFORE_S, shockS + FORGET_AFTER_S);
    if (Math.abs(lastShockS - shockS) > FORGET_AFTER_S) return;
    lastShockS = Double.NEGATIVE_INFINITY;
    for (long k = history.newest(); k >= history.oldest(); k--) {
      if (history.shock(k)) {
        lastShockS = history.t(k);
        break;
      }
    }
  }

  boolean on() {
    return on;
  }

  boolean settled() {
    return settled;
  }

  double onS() {
    return onS;
  }

  double settledS() {
    return settledS;
  }

  double offS() {
    return offS;
  }

  /**
   * Whether a get-off may be under way: a shock since the person settled, recently. Strokes after it
   * are held back until the roller is found either empty or still occupied.
   */
  double lastShockS() {
    return lastShockS;
  }

  /**
   * The earliest shock or movement in the history after {@code fromS}; without one, {@link
   * #ON_LATENCY_S} before now: lying back onto the roller turns it by degrees, which lifts the
   * residual over the threshold within a fraction of a second.
   */
  private double firstTransientSince(double fromS) {
    for (long i = Math.max(history.oldest(), history.indexAt(fromS)); i <= history.newest(); i++) {
      if (history.t(i) < fromS) continue;
      if (history.shock(i) || Math.abs(history.v(i)) > MOVING_CM_S) return history.t(i);
    }
    return Math.max(fromS, history.t(history.newest()) - ON_LATENCY_S);
  }

  /**
   * Whether the roller moved within {@value #KNOCK_MOTION_S} s of {@code shockS}: getting off
   * shoves the roller as the weight leaves it; a knock on the shell does not roll it.
   */
  private boolean movedNear(double shockS) {
    for (long i = Math.max(history.oldest(), history.indexAt(shockS - KNOCK_MOTION_S)); i <= history.newest(); i++) {
      if (history.t(i) > shockS + KNOCK_MOTION_S) break;
      if (Math.abs(history.v(i)) > MOVING_CM_S) return true;
    }
    return false;
  }

  /**
   * Going back from a shock, the first shock of its burst: shocks less than {@value
   * #SHOCK_BURST_GAP_S} s apart with the roller never resting {@value #SETTLE_REST_S} s between
   * them. A roller that came to rest in between was not being got off: on a vibrating roller a
   * lone flag in the middle of the last stroke (the motor's shaking beating with the rolling), 1.9 s
   * before the get-off's jolts with a 0.6 s rest between, made that stroke the start of getting off
   * (seed 22000101).
   */
  private long firstShockOfBurst(long i, long lo) {
    long first = i;
    double restEndS = Double.NaN; // going back: where the rest run being walked through ended
    for (long k = i - 1; k >= lo && history.t(first) - history.t(k) < SHOCK_BURST_GAP_S; k--) {
      if (history.shock(k)) {
        first = k;
        restEndS = Double.NaN;
      } else if (Math.abs(history.v(k)) < REST_CM_S) {
        if (Double.isNaN(restEndS)) restEndS = history.t(k);
        if (restEndS - history.t(k) >= SETTLE_REST_S) break;
      } else {
        restEndS = Double.NaN;
      }
    }
    return first;
  }

  /**
   * @param unloaded the running motor shakes freely now ({@link MotorLoad}): its shaking stepped up
   *     from the loaded level, so a shock before that was the load leaving, not a finger on the
   *     button (switching the motor off silences it; switching it on starts it from nothing, which
   *     MotorLoad's upper bound excludes)
   */
  private double getOffStart(double now, boolean unloaded) {
    // a shock after which the motor's shaking still showed the load at rest is not the get-off (a
    // lone flag mid-stroke 9 s before a get-off that no flag marked, seed 24000169)
    boolean shockRecent =
        sinceSettled(lastShockS, now, TRANSIENT_LOOKBACK_S) && !(unloaded && lastShockS < loadSeenS);
    boolean movingRecent = sinceSettled(lastMovingS, now, TRANSIENT_LOOKBACK_S);
    // A shock that moved nothing (a finger on a vibrating roller's button, switching the motor off
    // after getting off) is not where getting off began: the last motion burst is, when recent.
    // Only a roller with a motor has a button: on one whose motor never ran about then, a jolt that
    // barely moved the roller is somebody lifting off gently after resting a few seconds, and the
    // last stroke before that rest was theirs (seed 22000073: it was taken for the getting off).
    boolean buttonPossible = motorPresentS >= lastShockS - MOTOR_PRESENT_S;
    boolean knock =
        shockRecent && movingRecent && buttonPossible && !unloaded && !movedNear(lastShockS);
    // The motor's step up decides a get-off that no jolt marked. If its shaking still showed the load
    // after the last brisk motion, that motion was the person's last stroke: the weight eased off
    // later, the roller creeping under it at under MOVING_CM_S (seed 23000140: 1 cm/s at most), and
    // that creep — the last time the roller was not at rest — is where getting off ended. (Without
    // that evidence the brisk motion is the get-off, and a wobble after it is not: seed 24000156.)
    boolean creptOff = unloaded && !shockRecent && lastStirS > settledS && loadSeenS > lastMovingS;
    // And if the roller did not stir at all after the shaking last showed the load, the weight was
    // lifted straight off it: getting off began there, not at the last stroke before a rest (seed
    // 28000145: a 4 s rest after the last stroke, then the motor's step up; the look-back from the
    // stroke's end cut the stroke in half).
    boolean liftedOff = unloaded && !shockRecent && loadSeenS > settledS && loadSeenS > lastStirS;
    // A push faster than a body rolls the roller is getting off (or the empty roller sent away):
    // whatever moves after it is the empty roller settling — a bounce, a slow sensor's spike — and
    // walking back from that made the roll-away a pass (seed 22000099).
    boolean pushed = sinceSettled(lastPushS, now, TRANSIENT_LOOKBACK_S);
    double lastMotion =
        liftedOff ? loadSeenS : creptOff ? lastStirS : pushed ? lastPushS : lastMovingS;
    // Nothing after such a push is the person's, a shock neither: the empty roller bouncing, or the
    // motor switched off once they were up (seed 26000126: the roller sent off at 30 cm/s, the
    // button 6 s later; the freed motor's alias crept s meanwhile, and the roll-away became a pass)
    boolean shockAfterPush = pushed && lastShockS > lastPushS;
    double anchor = shockRecent && !knock && !shockAfterPush ? lastShockS : lastMotion;
    long i = history.indexAt(anchor);
    long lo = history.oldest();
    if (anchor == lastShockS && !knock) i = firstShockOfBurst(i, lo);
    anchor = history.t(i);
    // back through the movement that led into the anchor (shoves while sitting up, a push)
    double limit = anchor - GET_OFF_LEAD_S;
    Movement led = movementInto(i, limit);
    long moving = led.start();
    // set off from a rest: back to where the position left it (cut at the lead limit, mid-motion,
    // there is no such place); sitting up may have begun with shoves before that rest
    if (led.fromRest()) {
      for (long e = earlierShove(moving, limit); e >= 0; e = earlierShove(moving, limit)) moving = e;
      moving = departure(moving);
    }
    return Math.max(history.t(moving), settledS);
  }

  /**
   * A movement found going back: its first sample not at rest, and whether a rest of {@value
   * #SETTLE_REST_S} s came before it (else it was cut at the look-back's limit or the history's
   * start, mid-motion).
   */
  private record Movement(long start, boolean fromRest) {}

  /**
   * Back from sample {@code i} through the movement that led into it, across the instants between
   * shoves where the roller reverses (rests shorter than {@value #SETTLE_REST_S} s), to where it had
   * been resting, going no earlier than {@code limitS}.
   */
  private Movement movementInto(long i, double limitS) {
    long lo = history.oldest();
    long moving = i;
    double restStart = Double.NaN;
    for (long k = i; k > lo && history.t(k - 1) >= limitS; k--) {
      if (Math.abs(history.v(k - 1)) >= REST_CM_S) {
        moving = k - 1;
        restStart = Double.NaN;
      } else {
        if (Double.isNaN(restStart)) restStart = history.t(k - 1);
        if (restStart - history.t(k - 1) >= SETTLE_REST_S) return new Movement(moving, true);
      }
    }
    return new Movement(moving, false);
  }

  /**
   * The first moving sample of a shove of getting off before the rest that ends at {@code moving}
   * (the first moving sample after it), or -1 if there is none: a movement from one rest of {@value
   * #SETTLE_REST_S} s to this one, begun at or after {@code limit} (the get-off's lead), spanning
   * less than a pass's travel. Sitting up comes in shoves with pauses between, and the look-back
   * stopped at the first pause: seed 39000177 shoved the roller 2.2 cm out of its hold, paused
   * 0.8 s, then jolted it, and the shove joined the hip drop, 4.7 cm the same way, into a 6.9 cm
   * pass. A movement too short to be a pass is no stroke of its own; it only ever lengthened the
   * stroke before it across the pause (the segmenter turns only on a reversal), and one that ends
   * in a get-off's jolt seconds later is the person getting up.
   */
  private long earlierShove(long moving, double limit) {
    long end = moving - 1;
    while (end > history.oldest() && Math.abs(history.v(end)) < REST_CM_S) end--;
    if (end <= history.oldest() || history.t(end) < limit) return -1;
    Movement shove = movementInto(end, limit);
    if (!shove.fromRest()) return -1; // not begun within the lead
    return history.span(shove.start(), end) < PassSegmenter.MIN_TRAVEL_CM ? shove.start() : -1;
  }

  /**
   * The start of the first rest of the roller ({@value #SETTLE_REST_S} s below {@value #REST_CM_S}
   * cm/s after {@code fromS}) that began within {@value #SETTLE_MAX_S} s of {@code fromS}, or that was
   * under way at {@code fromS} when that is a jolt after {@code onS} (then dated {@code fromS}); NaN
   * if none yet.
   */
  private double firstRestSince(double fromS, double onS) {
    double restStart = Double.NaN;
    // from the sample before: whether a rest was already under way at fromS
    for (long k = Math.max(history.oldest(), history.indexAt(fromS) - 1); k <= history.newest(); k++) {
      double tk = history.t(k);
      if (Math.abs(history.v(k)) >= REST_CM_S) {
        restStart = Double.NaN;
        continue;
      }
      if (Double.isNaN(restStart)) {
        if (tk - fromS >= SETTLE_MAX_S) return Double.NaN;
        restStart = tk;
      }
      // A rest under way at the last jolt counts from the jolt on when the jolt came after the
      // get-on was first seen: the body landed on a roller that then stayed put (seed 35000189: the
      // speed fell below the line 30 ms before the landing's shock, the 2 s rest after it was
      // refused, and the first stroke fell inside the 3 s wait; 21000119: the roll axis not yet
      // known, nothing had moved). A rest under way when the get-on was first seen, with no jolt
      // since, is no settling: nothing has happened yet (21000087: lying back then rolled the
      // roller 5.3 cm, which would have been a pass). A rest's start is read from the sample before
      // fromS at the earliest, so it lies after onS when the jolt came more than one grid sample
      // after the get-on was first seen.
      double from = restStart >= fromS ? restStart : restStart > onS ? fromS : Double.NaN;
      if (tk - from >= SETTLE_REST_S) return from;
    }
    return Double.NaN;
  }

  /**
   * Whether a jolt at {@code t} is still the body landing: at most {@value #SETTLE_REST_S} s after
   * the rest that settled could first be confirmed (that rest was then barely the pause settling
   * waits for), and before any stroke began (the roller not yet moved the segmenter's hysteresis
   * since). Lying back comes in shuffles, and a shuffle that barely moves the roller is a rest as
   * long as the one settling waits for: seed 39000163 paused 0.7 s mid get-on, settled there, and
   * the next shuffle, 5.4 cm with the landing's jolt at its very start, became a pass. Somebody who
   * lay still longer had settled, and a jolt then is their rolling's own: grid foam's ridges under a
   * brisk first stroke 2.4 s after the settling (seed 39000173) and a slow stroke's flag as long after
   * it (36000167), taken for landings, each cost the first pass. Nothing counted is undone, and a
   * person lying still when the jolt came settles again at once, from the rest under way ({@link
   * #firstRestSince}).
   */
  private boolean stillGettingOn(double t) {
    return t - settledS <= 2 * SETTLE_REST_S
        && history.spanSince(settledS) < PassSegmenter.HYSTERESIS_CM;
  }

  /** Whether {@code eventS} came after the person settled and at most {@code windowS} before now. */
  private boolean sinceSettled(double eventS, double now, double windowS) {
    return eventS > settledS && now - eventS <= windowS;
  }

  /**
   * Where the roller, at rest before, began the movement whose smoothed speed first reached {@link
   * #REST_CM_S} at {@code moving}: the speed lags the position by the smoothing's time constant, so
   * by then the contact had already moved a few millimetres, which the last stroke then took for its
   * own travel (a 4.9 cm slide into the hold read 5.04 cm, seed 24000160). It set off at the latest
   * sample within {@value #DEPARTURE_LAG_S} s before that is still at the position's extreme against
   * the movement's direction, within the pass segmenter's tie.
   */
  private long departure(long moving) {
    double dir = Math.signum(history.v(moving));
    if (dir == 0) return moving;
    long extreme = moving;
    double limit = history.t(moving) - DEPARTURE_LAG_S;
    long first = moving;
    for (long k = moving - 1; k >= history.oldest() && history.t(k) >= limit; k--) {
      if ((history.s(k) - history.s(extreme)) * dir < 0) extreme = k;
      first = k;
    }
    // the latest sample still at that extreme, within the noise the pass segmenter ties at: breathing
    // in the rest before wanders by as much, and its own extreme may lie a few tenths earlier
    for (long k = moving; k >= first; k--) {
      if ((history.s(k) - history.s(extreme)) * dir <= SessionDetector.MEASURED_TIE_CM) return k;
    }
    return extreme;
  }
}
