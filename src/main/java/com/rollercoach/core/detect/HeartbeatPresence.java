package com.rollercoach.core.detect;

import com.rollercoach.core.signal.Biquad;

/**
 * Evidence that somebody lies on the roller while it barely moves: the heartbeat's ripple in the roll
 * angle, judged against the sensor's own noise floor in the same band, measured online.
 *
 * <p>Why: between two breaths — and a relaxed breather can pause for several seconds after an
 * exhale, a shallow one rocks the roller by only a tenth of a degree — the angle of a loaded roller
 * over a few seconds is no larger than an empty roller's integrated gyro noise, so a level line on
 * the rocking residual cannot tell them apart in that time. The heart does not pause: each beat
 * kicks the body (the ballistocardiogram) and turns the roller by thousandths of a degree at the
 * heart rate (0.8–3 Hz with its harmonic), 0.03 °/s and more in rate. In that band an empty roller
 * shows only the gyro's white rate noise, RMS ≤ N·√(f₂ − f₁) for a rate noise density N (≤ 0.022
 * °/s for a 0.015 °/s/√Hz part such as the ICM-20948, before the pipeline's 2 Hz smoothing takes
 * about 40 % of it off), steady from second to second. So the band's RMS over the last seconds,
 * compared with the lowest level this device has shown in this session (its empty-roller floor, at
 * this sampling rate), is evidence of a body even in a breathing pause.
 *
 * <p>The floor is the lowest value of the band level averaged over all three gyro axes (before the
 * roll axis is known the band is measured on each axis; gyro noise is about the same on each), so it
 * is learned from the first seconds of an empty roller before anyone gets on. Until it is learned,
 * and when the lowest level seen is not clearly below the current one (a recording that starts with
 * somebody on, a vibrating roller's motor aliased into the band), there is no evidence either way:
 * {@link #bodyPresent()} is false and the caller decides as it would without this meter. A motor
 * switched on or off changes the band's floor, so the floor is learned again ({@link #relearn()}).
 */
final class HeartbeatPresence {
  /** The band of the heartbeat's ripple: resting heart rates and their second harmonic. */
  static final double LOW_HZ = 0.8;
  static final double HIGH_HZ = 3.0;
  /**
   * The band's mean square is taken over this long (a few beats), as a plain window: a stroke or
   * the hip drop fills the band hundreds of times over the floor, and an exponential average would
   * remember that for many seconds where a window forgets it as soon as it has passed (with the
   * band's ringing, about as soon as the rocking residual's 6 s window forgets it, so a get-off is
   * not seen later than without this evidence).
   */
  static final double WINDOW_S = 4.0;
  /** The filters ring down and the window fills this long after the start (or a relearn). */
  static final double SETTLE_S = WINDOW_S + 2;
  /**
   * A level this many times the floor is a body. The floor is the lowest of many 4 s windows of
   * noise (≈ 13 degrees of freedom in the band), about 0.75× their mean RMS, so noise alone reaches
   * 1.7× the floor (1.3× its mean RMS, 1.6× in power) in a few windows in a hundred — which only
   * delays a get-off to the next moment the band is quiet — while the weakest heartbeat (0.005°) on
   * the noisiest gyro (0.015 °/s/√Hz) reads about 2.4× the floor.
   */
  static final double ABOVE_FLOOR = 1.7;
  /**
   * The roll axis's band RMS must also be this many times the current RMS per perpendicular axis.
   * Against that concurrent estimate (two axes, same window) isotropic noise reaches it in about one
   * window in twenty, a motor shaking the shell's axes alike stays below it, and the weakest
   * heartbeat on the noisiest gyro reads about 2×.
   */
  static final double ABOVE_PERPENDICULAR = 1.5;

  private final double gridHz;
  private final Biquad[] high = new Biquad[4];
  private final Biquad[] low = new Biquad[4];
  private final double[][] squares;
  private final double[] sums = new double[4];
  private int head;
  private final double[] previous = new double[4];
  private boolean axesPrimed;
  private long samples;
  private long rollSamples;
  private double floorSquare = Double.POSITIVE_INFINITY;

  HeartbeatPresence(double gridHz) {
    this.gridHz = gridHz;
    this.squares = new double[4][(int) Math.round(WINDOW_S * gridHz)];
    for (int i = 0; i < 4; i++) {
      high[i] = Biquad.highPass(LOW_HZ, gridHz);
      low[i] = Biquad.lowPass(HIGH_HZ, gridHz);
    }
  }

  /**
   * One grid sample.
   *
   * @param rollDeg the integrated roll angle (bias included: the high-pass removes its ramp), NaN
   *     until the roll axis is known
   * @param axesDeg the integrated angle about each sensor axis
   */
  void add(double rollDeg, double[] axesDeg) {
    samples++;
    if (!axesPrimed) {
      axesPrimed = true;
      System.arraycopy(axesDeg, 0, previous, 0, 3);
    }
    for (int i = 0; i < 3; i++) push(i, band(i, axesDeg[i]));
    if (!Double.isNaN(rollDeg)) {
      if (rollSamples++ == 0) previous[3] = rollDeg;
      push(3, band(3, rollDeg));
    }
    if (++head == squares[0].length) {
      head = 0;
      // sums of a window are recomputed once per window, so rounding cannot accumulate for hours
      for (int i = 0; i < 4; i++) {
        double sum = 0;
        for (double v : squares[i]) sum += v;
        sums[i] = sum;
      }
    }
    if (samples >= SETTLE_S * gridHz) {
      floorSquare = Math.min(floorSquare, (sums[0] + sums[1] + sums[2]) / (3 * squares[0].length));
    }
  }

  /**
   * The channel's rate (the angle's step over one grid sample), band-passed. The rate, not the
   * angle: gyro noise is white in rate, so its power spreads evenly over the band and a window of it
   * averages many independent values, while the integrated angle's noise piles up at the band's low
   * edge; the heartbeat gains 2πf against it. A constant bias is a constant rate, which the
   * high-pass removes.
   */
  private double band(int channel, double angleDeg) {
    double rate = (angleDeg - previous[channel]) * gridHz;
    previous[channel] = angleDeg;
    return low[channel].apply(high[channel].apply(rate));
  }

  private void push(int channel, double y) {
    double[] ring = squares[channel];
    sums[channel] += y * y - ring[head];
    ring[head] = y * y;
  }

  /** The band's rate RMS along the roll axis (or the largest axis before it is known), °/s. */
  double level() {
    int n = squares[0].length;
    if (rollSamples >= SETTLE_S * gridHz) return Math.sqrt(Math.max(0, sums[3]) / n);
    return Math.sqrt(Math.max(0, Math.max(sums[0], Math.max(sums[1], sums[2]))) / n);
  }

  /** The lowest per-axis band RMS seen since the start or the last relearn, °/s; NaN before. */
  double floor() {
    return Double.isInfinite(floorSquare) ? Double.NaN : Math.sqrt(floorSquare);
  }

  /**
   * Whether the heartbeat's ripple stands above the floor — and, once the roll axis is known, above
   * the band's current level perpendicular to it: a body on a roller turns it about its own axis
   * only (the floor holds it against turning any other way), while a vibrating roller's motor and
   * anything else that shakes the sensor shakes every axis.
   */
  boolean bodyPresent() {
    if (samples < SETTLE_S * gridHz || Double.isInfinite(floorSquare)) return false;
    double level = level();
    if (level <= ABOVE_FLOOR * Math.sqrt(floorSquare)) return false;
    if (rollSamples < SETTLE_S * gridHz) return true;
    // |y|² = (a·y)² + |y⊥|² for the band-passed rate vector y and the unit roll axis a
    double perpendicular = (sums[0] + sums[1] + sums[2] - sums[3]) / (2.0 * squares[0].length);
    return level > ABOVE_PERPENDICULAR * Math.sqrt(Math.max(0, perpendicular));
  }

  /** The band's floor changed (a motor switched on or off): learn it again. */
  void relearn() {
    floorSquare = Double.POSITIVE_INFINITY;
    samples = 0;
  }
}
