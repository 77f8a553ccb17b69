package com.rollercoach.core.detect;

/**
 * A vibrating roller's motor as evidence of load. An eccentric-mass motor shakes the empty shell
 * hardest: a person's weight pressing the roller into the floor damps the shaking to a fraction
 * (real massage rollers lose roughly half to three quarters of their amplitude under a back, and a
 * few per cent of their speed). So with the motor running, the shaking's amplitude stepping up while
 * the roller rests is the load leaving it — the get-off that a running motor otherwise hides, since
 * the empty roller never reads quiet.
 *
 * <p>Fed once per grid sample (only while somebody is taken to be on) with the motor's RMS level
 * (the specific force's residual about the gyro-turned gravity at every frequency, see {@code
 * RestShaking}: a motor aliased by a slow sensor moves its line as a load slows it, so a high-pass
 * could read the freed motor 10× above the loaded one, or below it), whether the roller
 * is at rest and whether a shock flag is set. Only clean samples count: at rest (rolling swings
 * gravity through the sensor and adds to the residual) and {@value #SETTLE_AFTER_SHOCK_S} s past any
 * shock (a jolt's ring). The loaded reference is the level {@value #REF_DELAY_S} s ago, so a step is
 * compared with what came before it, and only once that reference has been steady (within {@value
 * #STEADY}×) for {@value #REF_MIN_S} s: a motor ramping up after being switched on never serves as
 * one. The unloaded level must be {@value #UNLOAD_RATIO}–{@value #SWITCH_RATIO}× the loaded one: the
 * lower bound lies below the smallest damping a body causes and far above a running motor's
 * second-to-second steadiness (a few per cent); above the upper bound it is the motor switched on,
 * not a load leaving.
 *
 * <p>The shaking can also <i>fall</i> as the load leaves: a slow sensor's alias of the freed, faster
 * motor can sit near 0 Hz, where the level (taken about the gyro-turned gravity) hardly sees it
 * (seed 28000100: 0.2 g loaded, 0.02–0.09 g freed, at 50 Hz). Nothing on the roller damps it more
 * than the body that lay back onto it did, so a fall to under 1/{@value #STEADY} of a steady loaded
 * level, lasting {@value #FALL_CONFIRM_S} s with the motor still running, is the load leaving too;
 * from then on the level shows nothing about a load ({@link #fell()}).
 *
 * <p>The load is <i>shown</i> ({@link #loadSeenS()}) only by a level within {@value #UNLOAD_RATIO}×
 * of the loaded one either way, and a step up must also clear the loaded level's recent peak by
 * {@value #PEAK_MARGIN}× (see there).
 */
final class MotorLoad {
  static final double UNLOAD_RATIO = 1.5;
  static final double SWITCH_RATIO = 10.0;
  /** Below this RMS the motor is off (a MEMS accelerometer's noise is ~0.005 g RMS at 50 Hz). */
  static final double MIN_MOTOR_G = com.rollercoach.core.signal.RestShaking.MOTOR_MIN_G;
  static final double SETTLE_AFTER_SHOCK_S = 1.5;
  static final double FAST_TAU_S = 0.3;
  static final double CLEAN_MIN_S = 1.0;
  static final double REF_DELAY_S = 4.0;
  static final double REF_MIN_S = 4.0;
  static final double REF_TAU_S = 4.0;
  static final double STEADY = 2.0;
  /**
   * How long a fall must last, the motor still running: a small eccentric-mass motor switched off
   * spins down within a second, passing through every level on the way.
   */
  static final double FALL_CONFIRM_S = 2.0;
  /**
   * A freed motor shakes harder than the loaded one did at any moment: a step must clear the loaded
   * level's recent peak by this much too. A slow sensor's alias of a loaded motor can beat with its
   * harmonics, the level swinging 2.5-fold every few seconds within the reference's steadiness
   * (seeds 27000161 and 28000154 at 25-26 Hz: 0.12-0.30 g), and its highs read as the load leaving.
   */
  static final double PEAK_MARGIN = 1.2;
  /**
   * How fast the loaded peak is forgotten (s), by time, rolling included: a settling body's or a
   * jolt's high level does not bar a get-off for long.
   */
  static final double PEAK_TAU_S = 20.0;

  private final double gridDt;
  private final double[] delayedLevel;
  private final boolean[] delayedClean;
  private long n;
  private int ring;
  private double lastShockS = Double.NEGATIVE_INFINITY;
  private double cleanSinceS = Double.NaN;
  private double prevT = Double.NaN;
  private double fast = Double.NaN;
  /** The highest level of this clean stretch since it last fell back (see {@link #recededPeak}). */
  private double stretchHigh = Double.NaN;
  /**
   * The highest level this clean stretch rose to and then fell back from by {@value #UNLOAD_RATIO}×:
   * a beat, not the load leaving (a freed motor stays freed). NaN while there was none.
   */
  private double recededPeak = Double.NaN;
  private double ref = Double.NaN;
  /** The highest delayed clean level since the reference started, decaying towards it. */
  private double refPeak = Double.NaN;
  /** When {@link #refPeak} was last updated (s): it decays with time, rolling included. */
  private double refPeakS = Double.NaN;
  private double refSteadyS;
  private double loadSeenS = Double.NEGATIVE_INFINITY;
  /** The shaking fell from a steady loaded level to under half of it: its level shows no load now. */
  private boolean fell;
  private double fallSinceS = Double.NaN;
  /** {@link #loadSeenS} when the current clean stretch began. */
  private double loadSeenBeforeCleanS = Double.NEGATIVE_INFINITY;
  /** The latest reference that had proved steady ({@value #REF_MIN_S} s), g (NaN: none yet). */
  private double steadyRef = Double.NaN;

  MotorLoad(double gridHz) {
    gridDt = 1 / gridHz;
    int delay = (int) Math.round(REF_DELAY_S * gridHz);
    delayedLevel = new double[delay];
    delayedClean = new boolean[delay];
  }

  /** Forgets everything (somebody got on, or the motor was switched). */
  void reset() {
    n = 0;
    ring = 0;
    cleanSinceS = Double.NaN;
    fast = Double.NaN;
    stretchHigh = Double.NaN;
    recededPeak = Double.NaN;
    ref = Double.NaN;
    refPeak = Double.NaN;
    refPeakS = Double.NaN;
    refSteadyS = 0;
    prevT = Double.NaN;
    loadSeenS = Double.NEGATIVE_INFINITY;
    fell = false;
    fallSinceS = Double.NaN;
    loadSeenBeforeCleanS = Double.NEGATIVE_INFINITY;
    steadyRef = Double.NaN;
  }

  /**
   * Whether the shaking fell, at rest, to under 1/{@value #STEADY} of a steady loaded level while the
   * motor kept running: the load changed, and since nobody lies on a roller harder than when they
   * lay back, it left. A freed motor speeds up; a slow sensor's alias of it then moves, and can move
   * to where this level (every frequency above the gyro-turned gravity) reads less, not more.
   */
  boolean fell() {
    return fell;
  }

  /**
   * The latest clean sample at which the shaking still showed the load (within {@value
   * #UNLOAD_RATIO}× of a steady reference either way; none from a rest that ended in a fall): a
   * person was on then, whatever jolted the roller before.
   */
  double loadSeenS() {
    return loadSeenS;
  }

  /**
   * One grid sample.
   *
   * @return whether the shaking now shows the roller unloaded (a step up from a steady loaded level,
   *     or a fall from it, see {@link #fell()})
   */
  boolean update(double tS, double levelG, boolean atRest, boolean shock) {
    if (Double.isNaN(levelG)) return false;
    double dt = Double.isNaN(prevT) ? gridDt : tS - prevT;
    prevT = tS;
    if (shock) lastShockS = tS;
    boolean clean = atRest && tS - lastShockS >= SETTLE_AFTER_SHOCK_S;
    if (!clean) {
      cleanSinceS = Double.NaN;
      fast = Double.NaN;
      fallSinceS = Double.NaN;
      stretchHigh = Double.NaN;
      recededPeak = Double.NaN;
    } else {
      if (Double.isNaN(cleanSinceS)) {
        cleanSinceS = tS;
        loadSeenBeforeCleanS = loadSeenS;
      }
      fast = Double.isNaN(fast) ? levelG : fast + Math.min(1, dt / FAST_TAU_S) * (levelG - fast);
      trackBeat();
    }
    // the reference follows the level REF_DELAY_S late, from clean samples only
    int k = ring; // == n % length, without a long division per grid sample
    ring = ring + 1 == delayedLevel.length ? 0 : ring + 1;
    if (n >= delayedLevel.length && delayedClean[k]) updateReference(delayedLevel[k], tS);
    delayedLevel[k] = levelG;
    delayedClean[k] = clean;
    n++;
    if (!clean || tS - cleanSinceS < CLEAN_MIN_S) return false;
    if (fell) return true;
    if (fast * STEADY < steadyRef && fast >= MIN_MOTOR_G) {
      // a motor switched off spins down through this band within a second; a freed one stays
      if (Double.isNaN(fallSinceS)) fallSinceS = tS;
      if (tS - fallSinceS >= FALL_CONFIRM_S) {
        fell = true;
        // what this rest showed before the fall was the freed motor still speeding up, not a load
        loadSeenS = loadSeenBeforeCleanS;
        return true;
      }
      return false;
    }
    fallSinceS = Double.NaN;
    if (Double.isNaN(ref) || ref < MIN_MOTOR_G || refSteadyS < REF_MIN_S) return false;
    double ratio = fast / ref;
    // the load shown: the loaded level, within the band a step must leave (a level sinking towards
    // a fall is no evidence of the load, seed 22000135)
    if (ratio < UNLOAD_RATIO && ratio * UNLOAD_RATIO > 1) loadSeenS = tS;
    return ratio >= UNLOAD_RATIO
        && ratio <= SWITCH_RATIO
        && fast >= PEAK_MARGIN * refPeak
        && !(fast < PEAK_MARGIN * recededPeak);
  }

  /**
   * A level that rose and fell back within one rest is the motor's beat: a slow sensor's alias of a
   * loaded motor swings with its harmonics (seed 31000165 at 50 Hz: 0.044–0.089 g every 3.2 s
   * through the hold), and the load does not come back without a body moving the roller. So a step
   * up must also clear, by {@value #PEAK_MARGIN}×, every high of this clean stretch that the level
   * fell back from — as it must clear the loaded level's recent peak — while a freed motor, which
   * shakes harder and stays so, still does; and so does a freed motor switched off once the person
   * is up, whose level falls from its high through every level (31000163). ({@link #refPeak} sees
   * those highs only {@value #REF_DELAY_S} s late, and a hold's second beat came before it did.)
   */
  private void trackBeat() {
    if (!(fast <= stretchHigh)) stretchHigh = fast;
    // back at the loaded level, from a high it fell from by as much as a step must rise: the beat's
    // high. A level still on its way down (a freed motor being switched off) proves nothing yet.
    if (fast < UNLOAD_RATIO * ref && fast * UNLOAD_RATIO <= stretchHigh) {
      if (!(stretchHigh <= recededPeak)) recededPeak = stretchHigh;
      stretchHigh = fast;
    }
  }

  private void updateReference(double level, double tS) {
    if (Double.isNaN(ref) || level > STEADY * ref || level * STEADY < ref) {
      ref = level; // a different level: start over, it has to prove steady
      refPeak = level;
      refPeakS = tS;
      refSteadyS = 0;
      return;
    }
    ref += Math.min(1, gridDt / REF_TAU_S) * (level - ref);
    // the loaded level's peak, decaying with the time since the last clean sample (a settling
    // body's level seen before a minute of rolling, when nothing is clean, is long gone: seed
    // 27000142); a level a step up from the reference is no loaded one (a freed motor seen at rest
    // during the get-off, seed 23000149)
    double decayed = ref + (refPeak - ref) * Math.exp(-(tS - refPeakS) / PEAK_TAU_S);
    refPeakS = tS;
    refPeak = level < UNLOAD_RATIO * ref ? Math.max(level, decayed) : decayed;
    refSteadyS += gridDt;
    if (refSteadyS >= REF_MIN_S) steadyRef = ref;
  }
}
