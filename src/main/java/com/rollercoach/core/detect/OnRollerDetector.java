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
  /** Residual rocking above which somebody is on the roller, degrees RMS. */
  static final double ON_DEG = 0.025;
  /** Residual below which the roller is quiet (empty), degrees RMS. */
  static final double QUIET_DEG = 0.016;
  /** Roller speed below which it is at rest, cm/s along the back. */
  static final double REST_CM_S = 0.5;
  /** Roller speed above which it is being moved. */
  static final double MOVING_CM_S = 1.0;
  static final double SETTLE_REST_S = 0.5;
  static final double SETTLE_MAX_S = 3.0;
  static final double TRANSIENT_LOOKBACK_S = 15.0;
  static final double GET_OFF_LEAD_S = 3.0;
  static final double SHOCK_BURST_GAP_S = 2.0;
  /** A knock's flags span its ringing: from a grid step before it to this long after it. */
  static final double FORGET_BEFORE_S = 0.05;
  static final double FORGET_AFTER_S = 1.0;
  /** A get-off jolt comes with the roller shoved within this long of it (either side). */
  static final double KNOCK_MOTION_S = 1.0;
  static final double ON_LATENCY_S = 0.3;
  /** At the end of the data, a shock this recent is taken as the start of getting off. */
  static final double END_SHOCK_S = 12.0;

  enum Change {
    NONE,
    ON,
    SETTLED,
    OFF
  }

  private final GridHistory history;
  private final double windowS;
  private boolean on;
  private boolean settled;
  private double onS = Double.NaN;
  private double settledS = Double.NaN;
  private double offS = Double.NaN;
  private double lastShockS = Double.NEGATIVE_INFINITY;
  private double lastMovingS = Double.NEGATIVE_INFINITY;
  private double restSinceS = Double.NaN;

  OnRollerDetector(GridHistory history, double windowS) {
    this.history = history;
    this.windowS = windowS;
  }

  /**
   * The data ended while somebody was on the roller. If a shock since they settled is recent, they
   * were most likely getting off: the off time is placed as for a detected get-off; else it is now.
   */
  double offAtEnd() {
    double now = history.t(history.newest());
    on = false;
    settled = false;
    boolean leaving = lastShockS > settledS && now - lastShockS <= END_SHOCK_S;
    offS = leaving ? getOffStart(now) : now;
    return offS;
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
    double speed = Math.abs(history.v(i));
    if (history.shock(i)) lastShockS = t;
    if (speed > MOVING_CM_S) lastMovingS = t;
    if (speed < REST_CM_S) {
      if (Double.isNaN(restSinceS)) restSinceS = t;
    } else {
      restSinceS = Double.NaN;
    }

    if (!on) {
      if (activityDeg > ON_DEG) {
        on = true;
        settled = false;
        onS = firstTransientSince(t - windowS);
        return Change.ON;
      }
      return Change.NONE;
    }
    if (!settled) {
      // Settled: the roller has rested a moment after the get-on jostle (after its last shock), or
      // the person went straight into rolling: SETTLE_MAX_S after the last shock (or after getting on).
      double jostleEnd = Math.max(onS, lastShockS);
      boolean rested = !Double.isNaN(restSinceS) && t - restSinceS >= SETTLE_REST_S;
      boolean calm = rested && restSinceS >= jostleEnd;
      if (calm || t - jostleEnd >= SETTLE_MAX_S) {
        settled = true;
        settledS = calm ? restSinceS : t;
        return Change.SETTLED;
      }
      return Change.NONE;
    }
    // The motor's own evidence of an empty shell decides alone; otherwise quiet needs no body's ripple.
    boolean quiet = unloaded || (quietDeg < QUIET_DEG && !bodySeen);
    double lastTransient = Math.max(lastShockS, lastMovingS);
    if (quiet && t - lastTransient <= TRANSIENT_LOOKBACK_S && lastTransient > settledS) {
      on = false;
      settled = false;
      offS = getOffStart(t);
      return Change.OFF;
    }
    return Change.NONE;
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

  /** Going back from a shock, the first shock of its burst (shocks less than 2 s apart). */
  private long firstShockOfBurst(long i, long lo) {
    long first = i;
    for (long k = i - 1; k >= lo && history.t(first) - history.t(k) < SHOCK_BURST_GAP_S; k--) {
      if (history.shock(k)) first = k;
    }
    return first;
  }

  private double getOffStart(double now) {
    boolean shockRecent = lastShockS > settledS && now - lastShockS <= TRANSIENT_LOOKBACK_S;
    boolean movingRecent = lastMovingS > settledS && now - lastMovingS <= TRANSIENT_LOOKBACK_S;
    // A shock that moved nothing (a finger on a vibrating roller's button, switching the motor off
    // after getting off) is not where getting off began: the last motion burst is, when recent.
    boolean knock = shockRecent && movingRecent && !movedNear(lastShockS);
    double anchor = shockRecent && !knock ? lastShockS : lastMovingS;
    long i = history.indexAt(anchor);
    long lo = history.oldest();
    if (anchor == lastShockS && !knock) i = firstShockOfBurst(i, lo);
    anchor = history.t(i);
    // Back through the movement that led into the anchor (shoves while sitting up, a push), across
    // the instants between shoves where the roller reverses, to where it had been resting.
    double limit = anchor - GET_OFF_LEAD_S;
    long moving = i;
    double restStart = Double.NaN;
    for (long k = i; k > lo && history.t(k - 1) >= limit; k--) {
      if (Math.abs(history.v(k - 1)) >= REST_CM_S) {
        moving = k - 1;
        restStart = Double.NaN;
      } else {
        if (Double.isNaN(restStart)) restStart = history.t(k - 1);
        if (restStart - history.t(k - 1) >= SETTLE_REST_S) break;
      }
    }
    return Math.max(history.t(moving), settledS);
  }
}
