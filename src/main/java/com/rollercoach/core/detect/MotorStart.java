package com.rollercoach.core.detect;

/**
 * A vibrating roller's motor switched on while nobody is on it. The motor's shaking, and at a slow
 * sensor its aliased wobble in the gyro, fill the rocking window at once: an empty roller at 26–52 Hz
 * read "on" within 0.3 s of its motor starting, 3–6 s before anybody lay down (seeds 22000096,
 * 25000116, 26000138), and the get-on's jostle then became a pass. {@code MotorSwitch} cannot tell
 * such a switch when the motor is aliased below its high-pass, so the shaking's own level decides.
 *
 * <p>The shaking ({@link MotorLoad}'s level, every frequency) rising from under {@link
 * MotorLoad#MIN_MOTOR_G} to above it on an empty roller is a motor starting or a body getting on:
 * the jostle of lying back lifts it too, but only while it lasts. So the rise is undecided until the
 * level has stayed up {@value #CONFIRM_S} s on end (a motor) or falls back (a jostle: what the
 * rocking residual showed meanwhile is then judged as it would have been while the shaking lasted,
 * and the get-on is dated from the first transient in its window, so only the live event waits).
 * Getting-on jostles kept the level up for at most 3.3 s in 180 simulated sessions of every
 * non-vibrating setup. While undecided, the residual says "on" only above {@link
 * OnRollerDetector#ON_FLOOR_RATIO} times its own peak of {@value #LAG_S} s earlier, and only once the
 * rocking window holds nothing from before the rise: while the window fills with a slow sensor's
 * aliased residue, that grew 5-fold and more within a second, where lying back grows it 10–100-fold.
 *
 * <p>Once it is a motor, the empty shaking roller's rocking residue is known: the highest residual
 * seen while undecided (0.03–0.2° at 26–52 Hz in the sessions above, against 0.003° before the
 * motor). Somebody is on only when the residual exceeds {@link OnRollerDetector#ON_FLOOR_RATIO}
 * times that, as a sensor's floor is used, but the line is never above {@value #GET_ON_DEG}°: lying
 * back onto a roller turns it by degrees (residuals of 1–9° in the 6 s window), so a person who got
 * on while it was undecided cannot hide under a line of their own making. (An aliased residue above
 * the cap, 1.2° in 22000163, still reads "on", as it did before.) A load's damping of the shaking
 * ({@link MotorDamping}) says "on" as well, as before.
 *
 * <p>Only a rise seen from below counts: a recording that starts with the motor already running
 * (and perhaps somebody on it) has no empty level to rise from, and is judged as before.
 */
final class MotorStart {
  /** How long the shaking must stay up before it is a motor and not a jostle. */
  static final double CONFIRM_S = 5.0;
  /** While undecided, the residual is compared with its own peak up to this long ago. */
  static final double LAG_S = 1.0;
  /** Grid samples held for the lag (the 50 Hz grid needs 50). */
  private static final int LAG_CAPACITY = 256;
  /** The highest "on" line over a shaking roller's residue, degrees RMS (see the class comment). */
  static final double GET_ON_DEG = 0.5;

  enum Verdict {
    /** Nothing rose: the rocking residual decides. */
    NONE,
    /**
     * It fell back: a body's jostle, not a motor. The rocking residual decides again, and what it
     * showed while undecided ({@link #peakDeg()}) still counts: getting on may have lifted it over
     * the line only then.
     */
    FELL_BACK,
    /** Risen, not yet long enough to tell a motor from a jostle. */
    UNDECIDED,
    /**
     * Found now: a motor started at {@link #roseS()}; its switch's knock is no body's jolt. Judged
     * as {@link #SHAKING}.
     */
    STARTED,
    /** A motor shakes the empty roller: the residual counts only above {@link #lineDeg()}. */
    SHAKING,
    /** The motor shaking the empty roller stopped: its shaking still fills the rocking window. */
    STOPPED
  }

  private boolean lowSeen;
  private boolean shaking;
  /** When the level rose, and when the residual was known since then (the clock's start). */
  private double roseS = Double.NaN;
  private double risenS = Double.NaN;
  private double peakDeg;
  private double lineDeg = Double.NaN;
  /** The residual's samples of the last {@value #LAG_S} s, and the peak of those before them. */
  private final double[] lagT = new double[LAG_CAPACITY];
  private final double[] lagV = new double[LAG_CAPACITY];
  private int lagHead;
  private int lagCount;
  private double laggedPeakDeg;

  /** Forgets everything: somebody is on, so a later rise is not an empty roller's. */
  void reset() {
    lowSeen = false;
    shaking = false;
    risenS = Double.NaN;
    roseS = Double.NaN;
    lineDeg = Double.NaN;
  }

  /**
   * One grid sample while nobody is on.
   *
   * @param levelG the motor's shaking level (NaN: not known yet)
   * @param activityDeg the rocking residual judged for "on"
   */
  Verdict update(double tS, double levelG, double activityDeg) {
    if (Double.isNaN(levelG)) return Verdict.NONE;
    if (levelG < MotorLoad.MIN_MOTOR_G) {
      lowSeen = true;
      boolean undecided = !Double.isNaN(risenS);
      risenS = Double.NaN;
      roseS = Double.NaN;
      if (!shaking) return undecided ? Verdict.FELL_BACK : Verdict.NONE;
      shaking = false;
      return Verdict.STOPPED;
    }
    if (shaking) return Verdict.SHAKING;
    if (!lowSeen) return Verdict.NONE;
    if (Double.isNaN(roseS)) roseS = tS;
    if (Double.isNaN(risenS)) {
      // the residue is learned from the rocking residual: its clock starts once that is known
      if (Double.isNaN(activityDeg)) return Verdict.UNDECIDED;
      risenS = tS;
      peakDeg = 0;
      laggedPeakDeg = 0;
      lagHead = 0;
      lagCount = 0;
      lineDeg = Double.NaN;
    }
    if (activityDeg > peakDeg) peakDeg = activityDeg;
    // the line while undecided: over the residue as it was LAG_S ago, once the rocking window
    // holds nothing from before the rise (while it fills with a slow sensor's aliased residue,
    // that grew 5-fold and more within a second; lying back grows it 10–100-fold)
    while (lagCount > 0 && lagT[lagTail()] <= tS - LAG_S) {
      laggedPeakDeg = Math.max(laggedPeakDeg, lagV[lagTail()]);
      lagCount--;
    }
    if (lagCount < lagT.length) {
      lagT[lagHead] = tS;
      lagV[lagHead] = activityDeg;
      lagHead = lagHead + 1 == lagT.length ? 0 : lagHead + 1; // no division per grid sample
      lagCount++;
    }
    if (tS - risenS < CONFIRM_S) {
      boolean comparable = tS - roseS >= SessionDetector.ACTIVITY_WINDOW_S && tS - risenS >= LAG_S;
      lineDeg = comparable ? line(laggedPeakDeg) : Double.NaN;
      return Verdict.UNDECIDED;
    }
    shaking = true;
    lineDeg = line(peakDeg);
    return Verdict.STARTED;
  }

  private static double line(double residueDeg) {
    return Math.min(GET_ON_DEG, OnRollerDetector.ON_FLOOR_RATIO * residueDeg);
  }

  private int lagTail() {
    int tail = lagHead - lagCount;
    return tail < 0 ? tail + lagT.length : tail;
  }

  /** The highest rocking residual while undecided. */
  double peakDeg() {
    return peakDeg;
  }

  /** When the shaking rose over {@link MotorLoad#MIN_MOTOR_G} (NaN before a rise). */
  double roseS() {
    return roseS;
  }

  /**
   * The "on" line over the shaking roller's residue: over its peak up to {@value #LAG_S} s ago while
   * undecided (NaN until the rocking window holds only the shaking: nothing to compare with yet),
   * over its peak while undecided once it is a motor.
   */
  double lineDeg() {
    return lineDeg;
  }
}
