package com.rollercoach.core.signal;

/**
 * Takes a vibrating roller's motor line out of the rates and the specific force where a sensor
 * without an anti-alias filter has folded it below ≈ 1 Hz, into breathing's own band, where no
 * filter can tell the two apart (docs/pipeline.md, "a motor line aliased into the breathing band").
 *
 * <p>The physics it rests on: turning the roller only turns gravity in the sensor frame, so the
 * specific force's length stays at 1 g, whereas a motor's shaking adds a vector v to gravity, and
 * the length swings by v's share along gravity. The motor's wobble of the shell swings the rates in
 * step with it. Sampled at a few hertz from a multiple of the sample rate, both fold down to the
 * same slow line, still in a fixed relation to each other. So the slow swing of the specific
 * force's length is a reference that carries the motor and nothing of the roller's turning
 * (breathing rocks it by a degree: 0.15 mg through a 2 % scale error, against lines of 20 mg and
 * more), and each channel's part that follows the reference and its delayed copies, fitted by least
 * squares (a short FIR filter: each folded line, the fundamental's and its harmonics', gets a gain
 * and phase of its own), is the line.
 *
 * <p>The fit spans one rest of the roller: it starts when the roller comes to rest (the rates, less
 * their fitted level, trend and line, below {@value #REST_DPS} °/s) and holds only for the angle it
 * was learned at, because the reference's phase is the motor's phase plus the angle of gravity in
 * the roller: after a turn of more than {@value #MAX_TURN_DEG}° it is learned again. Accumulated
 * over the whole rest, breathing near the line's frequency drifts through every phase against it
 * and averages out of the fit. The line is taken out only while the reference swings by {@value
 * #MIN_LINE_G} g RMS and the fitted line explains {@value #CARRIED_SHARE} of the rates' swing
 * about the roll axis; otherwise (a roller without a motor, a motor whose lines stay above the
 * band, a harmonic in the reference that the shell's wobble does not carry) everything passes
 * through untouched.
 */
final class AliasedLineCanceller {
  /**
   * Low-pass of the reference: {@value #BAND_STAGES} first-order stages of {@value #BAND_TAU_S} s
   * (0.88 at 0.4 Hz, 0.5 at 1 Hz, 0.01 at 5 Hz), so a strong line folded to a few hertz, which
   * {@link RollAngleTracker} handles, cannot pass for one in the breathing band.
   */
  static final double BAND_TAU_S = 0.1;
  static final int BAND_STAGES = 4;
  /**
   * The reference's swing (RMS over the rest) from which it is a line: 7× a consumer accelerometer's
   * 3 mg noise, and a hundred times what breathing's rocking makes of a 2 % scale error; aliased
   * motors measure 0.04–0.7 g.
   */
  static final double MIN_LINE_G = 0.02;
  /**
   * The slowest line taken out (Hz): breathing's slowest (4 a minute is 0.07 Hz) is slower, but a
   * fold that slow drifts rather than swings within one rest, and a drift is what a change of the
   * motor's load also makes of the reference.
   */
  static final double MIN_LINE_HZ = 0.1;
  /** The roller at most rocks below this (°/s, as {@link RollAngleTracker#ROCKING_REST_DPS}). */
  static final double REST_DPS = RollAngleTracker.ROCKING_REST_DPS;
  /** The fit is dropped after the roller turned this far (degrees) since it was learned. */
  static final double MAX_TURN_DEG = 15.0;
  /**
   * Averaging of the specific force for the roller's turn and for gravity's direction: a turn of the
   * roller turns gravity in the sensor frame, whatever the gyro's bias (unknown while a motor
   * shakes) or θ's gravity reference (taken again after a gap) do.
   */
  static final double GRAVITY_TAU_S = 2.0;
  /** Gravity's average settles within this after a turn (s): 2 time constants, 86 %. */
  static final double SETTLE_S = 2 * GRAVITY_TAU_S;
  /**
   * Learning time before the fit is used (s): a few line periods' worth at rest, and 2 s after the
   * turn test is armed ({@link #SETTLE_S}), in which a stroke turns the roller past {@value
   * #MAX_TURN_DEG}°: until then the anchor follows gravity, and a slow stroke whose ramp the fit's
   * trend took passed for a rest (63000243: a fit learned over a stroke was used in the pause after
   * it, and the hold began 3.5 s late).
   */
  static final double MIN_FIT_S = SETTLE_S + 2.0;
  /**
   * The share of the rates' swing about the roll axis over the rest (after their level and trend)
   * that the line must explain: 0.9, the line three times the rest in RMS. A motor's wobble folded
   * into the band swings the rates by 2–3 °/s against breathing's tenths, and real folds explain
   * 0.93–0.99. At 0.8, a slow fold (0.11 Hz) fitted at 0.81 took enough of a typical breather's
   * breathing with it that the hold read as an empty roller and was cut in two (23000123).
   */
  static final double CARRIED_SHARE = 0.9;
  /**
   * The fastest breathing (30 a minute), Hz. A fit of the reference can take out of the rates only
   * what the reference carries, and the reference carries the motor, not the roller's turning: the
   * danger {@link #CARRIED_SHARE} guards against is a fold inside breathing's band, fitted to the
   * breathing by chance over a rest.
   */
  static final double BREATHING_MAX_HZ = 0.5;
  /**
   * A line this far above breathing ({@link #BREATHING_MAX_HZ} plus a fifth for the frequency
   * estimate's spread) cannot be fitted to breaths, so it need only be most of the rates' swing
   * ({@link #CLEAR_CARRIED_SHARE}): a deep breather in the hold rocks the rates by a third of their
   * swing, and a 0.8 Hz fold explaining 0.78–0.87 of it stayed in, its every swing counted as a
   * breath (seed 29000098, `vibration-after-off` at 52 Hz: 61 breaths at 48 a minute, 10 true;
   * 29000175 at 26 Hz, 0.68 Hz: 53 for 16). Up to {@link #CLEAR_LINE_MAX_HZ} only: this canceller
   * is for folds below about 1 Hz, which pass the breath counter's filters; a line of a few hertz
   * is {@link RollAngleTracker}'s, and a 2 Hz fold taken out at 0.86 and dropped at a weight shift
   * split a tender spot in two (28000125).
   */
  static final double CLEAR_LINE_HZ = 1.2 * BREATHING_MAX_HZ;
  /** The top of that range: 1 Hz plus the same fifth. */
  static final double CLEAR_LINE_MAX_HZ = 1.2;
  static final double CLEAR_CARRIED_SHARE = 0.5;
  /**
   * The fit is dropped once the rates have stayed this long away from what it explains (s): longer
   * than a weight shift or a breath's fastest part, shorter than getting on.
   */
  static final double MAX_MOVING_S = 1.0;
  private double movingS;
  private double movingPower;
  private final DtGain movingGain = new DtGain(dt -> -Math.expm1(-dt / 0.25));

  /** A line has shown both its peak and its trough since the fit began: two reversals. */
  static final int MIN_REVERSALS = 2;
  private int reversals;
  private int swingDir;
  private double swingExtreme;
  private double swingLow;
  private double swingHigh;

  /** Leak of the line's angle about the roll axis, which picks the moment to switch on (s). */
  static final double LINE_ANGLE_TAU_S = 2.0;
  /** The fit is solved again this often (s): the line's relation holds through a rest. */
  static final double SOLVE_EVERY_S = 0.1;
  /**
   * The reference's delayed copies: {@value #TAPS} taps {@value #TAP_S} s apart span a quarter
   * period of a 0.25 Hz line, so any phase at 0.1–2 Hz is within their reach, and a harmonic that
   * the rates do not carry can be given no gain.
   */
  static final int TAPS = 5;
  static final double TAP_S = 0.25;
  /** The delay line's own clock: the reference is kept every this many seconds and interpolated. */
  static final double TICK_S = 0.05;
  /** The reference's variance (over 2 s) from which the fit is worth accumulating at all. */
  private static final double PREGATE_G2 = (MIN_LINE_G / 2) * (MIN_LINE_G / 2);

  private static final int CHANNELS = 6; // gx, gy, gz (°/s), ax, ay, az (g)
  private static final int K = 2 + TAPS; // regressors: 1, t, r(t), r(t − TAP_S), …
  private static final int RING = (int) Math.ceil((TAPS - 1) * TAP_S / TICK_S) + 3;

  private final DtGain bandGain = new DtGain(dt -> -Math.expm1(-dt / BAND_TAU_S));
  private final DtGain gravityGain = new DtGain(dt -> -Math.expm1(-dt / GRAVITY_TAU_S));

  private boolean primed;
  private final double[] band = new double[BAND_STAGES];
  /** The reference's short mean and variance: the pre-gate. */
  private double refMean;
  private double refVar;
  /** The specific force averaged over {@value #GRAVITY_TAU_S} s: where gravity lies, for the turn. */
  private final double[] down = new double[3];
  private final double[] fitDown = new double[3];
  private final double[] out = new double[CHANNELS];
  // the delay line: the reference at ticks of TICK_S, the latest at ring[head]
  private final double[] ring = new double[RING];
  private int head;
  private int ticks;
  private double clockS; // time since the first sample, s
  private double nextTickS;
  private final double[] taps = new double[TAPS];
  /** The taps less their means over the rest (scratch for the line's sum). */
  private final double[] centred = new double[TAPS];

  // the fit over the current rest: Gram matrix of (1, t, taps) and each channel's products
  private final double[] gram = new double[K * K];
  private final double[][] rhs = new double[CHANNELS][K];
  private final double[][] coef = new double[CHANNELS][K];
  private final double[] x = new double[K];
  /** w·x, the weighted regressors of the latest sample (scratch for accumulate). */
  private final double[] wx = new double[K];
  private final double[] chol = new double[K * K];
  private final double[] y = new double[K];
  private double restS; // time since the rest's fit began (the trend's t), s
  private double fittedS; // time learned, s
  private double sinceSolveS;
  private boolean solved;
  private boolean active;
  private double lineAngle;
  private double prevLineAngle;
  /** Σ w·cᵢ·cⱼ over the rest for the three rates (i ≤ j: xx, xy, xz, yy, yz, zz). */
  private final double[] rateSquares = new double[6];
  /** The roll axis at the latest sample (null while unknown), for the share at each solve. */
  private double[] latestAxis;
  /** The share of the rates' swing about the axis the line explains, as of the latest solve. */
  private double lineShare;
  private final double[] lines = new double[CHANNELS];
  /** Whether {@link #lines} hold a proven fit's line (for gravity's direction). */
  private boolean linesValid;
  private double fitR0;
  private double prevTap = Double.NaN;
  private double slopeSum;
  private double slopeSquares;

  /**
   * One sample. Read the cleaned values with {@link #gx()} … {@link #az()}.
   *
   * @param gx rate about x, °/s, as measured (likewise gy, gz)
   * @param ax specific force along x, g, as measured (likewise ay, az)
   * @param dtS time since the previous sample (an ordinary period across a gap)
   * @param axis the roll axis (unit vector, sensor frame), or null while unknown
   */
  void update(
      double gx, double gy, double gz, double ax, double ay, double az, double dtS,
      double[] axis) {
    latestAxis = axis;
    out[0] = gx;
    out[1] = gy;
    out[2] = gz;
    out[3] = ax;
    out[4] = ay;
    out[5] = az;
    if (!primed || !(dtS > 0) || dtS > 1.0) {
      if (!primed) {
        down[0] = ax;
        down[1] = ay;
        down[2] = az;
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        java.util.Arrays.fill(band, n);
        refMean = n;
      }
      primed = true;
      active = false;
      linesValid = false;
      fittedS = 0;
      return;
    }
    double kd = gravityGain.of(dtS);
    // gravity's direction less the fitted line (as of the sample before): a freed motor's fold
    // swings the specific force by up to 0.7 g, which turned its 2 s average by more than the
    // turn that drops the fit, so the fit restarted every few seconds and each restart left the
    // line's angle of the moment in θ: an empty roller drifted 40° between two sets (22000163)
    double lx = linesValid ? lines[3] : 0;
    double ly = linesValid ? lines[4] : 0;
    double lz = linesValid ? lines[5] : 0;
    down[0] += kd * (ax - lx - down[0]);
    down[1] += kd * (ay - ly - down[1]);
    down[2] += kd * (az - lz - down[2]);
    double dn = Math.sqrt(down[0] * down[0] + down[1] * down[1] + down[2] * down[2]);
    if (!(dn > 0)) return;
    // the specific force's length: a turn of the roller leaves it at 1 g exactly, whatever lags
    // (read along an averaged gravity instead, the average's lag behind a stroke's last turn made
    // a slow swing of its own, 1 − cos 13° = 0.026 g, at every still's start)
    double along = Math.sqrt(ax * ax + ay * ay + az * az);
    double kb = bandGain.of(dtS);
    double v = along;
    for (int i = 0; i < BAND_STAGES; i++) v = band[i] += kb * (v - band[i]);
    double r = v;
    refMean += kd * (r - refMean); // the pre-gate's averaging: as gravity's
    refVar += kd * ((r - refMean) * (r - refMean) - refVar);
    clockS += dtS;
    while (clockS >= nextTickS) { // the delay line's clock; a sample spans at most a few ticks
      head = (head + 1) % RING;
      ring[head] = r;
      ticks++;
      nextTickS += TICK_S;
      if (nextTickS + 1.0 < clockS) nextTickS = clockS; // after a long step: no backlog
    }
    // the fit is worth keeping only where the reference swings at all: elsewhere (every roller
    // without a motor, and most with one) nothing below is done but the filters above
    boolean worth = ticks >= RING && (fittedS > 0 || solved || refVar > PREGATE_G2);
    if (!worth) {
      active = false;
      linesValid = false;
      fittedS = 0;
      solved = false;
      return;
    }
    fillTaps(r);
    // the anchor follows gravity's average while that still settles from the stroke before the
    // rest (it lags by GRAVITY_TAU_S): fixed at once, the settling alone read as a turn
    if (fittedS > 0 && fittedS < SETTLE_S) {
      fitDown[0] = down[0] / dn;
      fitDown[1] = down[1] / dn;
      fitDown[2] = down[2] / dn;
    }
    boolean turned = fittedS > 0 && turnedSinceFit(dn);
    // the line must be in the reference now, not only earlier in the rest (a hip drop's jolt, once)
    boolean fitted =
        solved && fittedS >= MIN_FIT_S && !turned && lineInFit() && refVar > MIN_LINE_G * MIN_LINE_G;
    // the rates less what the fit explains (level, trend, line): the roller at most rocks? Before
    // the first solve nothing is known, and the first solves, over the stretch since the restart,
    // show a stroke's ramp that does not go on as a trend: the fit restarts until it holds
    double moving = 0;
    if (solved && !turned) {
      for (int i = 0; i < 3; i++) {
        double e = out[i] - predict(coef[i], restS + dtS);
        moving += e * e;
      }
    }
    // the time the rates have been away from the fit, by their mean square over a quarter second:
    // a jostle's rates cross zero, and the moments between must not restart the count
    movingPower += movingGain.of(dtS) * (moving - movingPower);
    movingS = movingPower < REST_DPS * REST_DPS ? 0 : movingS + dtS;
    if (moving < REST_DPS * REST_DPS) {
      if (turned || fittedS == 0) restart(dn, r);
      restS += dtS;
      accumulate(restS, dtS);
      fittedS += dtS;
      sinceSolveS += dtS;
      if (sinceSolveS >= SOLVE_EVERY_S) {
        sinceSolveS = 0;
        solved = solve();
      }
    } else if (!fitted || movingS > MAX_MOVING_S) {
      // the fit no longer explains the rates for longer than a weight shift lasts: the roller
      // rolls, where the line is small against the stroke, or somebody got on or off and the
      // motor's load, and with it the line, changed (25000135: a fit learned on the empty roller
      // and kept through the get-on took ±10 °/s out of the first stroke and split it)
      fittedS = 0;
      solved = false;
      fitted = false; // and nothing is taken out at this sample either, nor from gravity's average
      active = false;
    }
    // The line as fitted, for every channel, and its angle about the roll axis (leaky: the fit's
    // taps have their means taken off, so it swings about zero)
    if (solved && !turned) {
      // the taps less their means over the rest, once for all six channels: the same quotients and
      // differences the per-channel sums took (bit for bit), 5 divisions a sample instead of 30
      for (int k = 0; k < TAPS; k++) centred[k] = taps[k] - gram[2 + k] / gram[0];
      for (int i = 0; i < CHANNELS; i++) {
        double[] c = coef[i];
        double line = 0;
        for (int k = 0; k < TAPS; k++) line += c[2 + k] * centred[k];
        lines[i] = line;
      }
      prevLineAngle = lineAngle;
      double aboutAxis = axis == null ? 0 : axis[0] * lines[0] + axis[1] * lines[1] + axis[2] * lines[2];
      lineAngle += aboutAxis * dtS - lineAngle * Math.min(1, dtS / LINE_ANGLE_TAU_S);
    } else {
      lineAngle = prevLineAngle = 0;
    }
    // the rates about the axis must carry the line, well above what is left: a line in the
    // reference alone (a harmonic the shell's wobble has not) near breathing's frequency is fitted
    // to the breathing by chance over a rest, and taking it out took breaths with it. Without a
    // roll axis (no stroke yet) that cannot be checked, and nothing is taken out: on an empty
    // roller the cleaned rates read as somebody lying still, a dwell before anyone got on
    // (26000125)
    fitted =
        fitted
            && axis != null
            && (lineShare >= CARRIED_SHARE
                || (lineShare >= CLEAR_CARRIED_SHARE
                    && lineAtLeast(CLEAR_LINE_HZ)
                    && !lineAtLeast(CLEAR_LINE_MAX_HZ)));
    // gravity's average leaves the line out only once the fit has proved itself: a young fit's line,
    // taken off, turned the average more than the line itself had (23000123)
    linesValid = fitted;
    // Switched on where the line's angle crosses its middle: taken out from any other moment, the
    // line's swing so far would stay in θ as a step of up to its amplitude, which reads as the
    // roller moving (a still that began seconds before would end there). Once on, it stays on
    // while the fit holds.
    boolean crossing = (prevLineAngle <= 0) != (lineAngle <= 0);
    active = fitted && (active || crossing);
    if (active) {
      for (int i = 0; i < CHANNELS; i++) out[i] -= lines[i];
    }
  }

  /** The taps at this sample: r now, then the delay line interpolated at each delay. */
  private void fillTaps(double r) {
    taps[0] = r - fitR0;
    // ring[head] was taken at tick time (nextTickS − TICK_S)
    double headT = nextTickS - TICK_S;
    for (int k = 1; k < TAPS; k++) {
      double back = (headT - (clockS - k * TAP_S)) / TICK_S; // ticks back from head, ≥ 0
      int n = (int) back;
      double f = back - n;
      int i0 = ringIndex(head - n);
      int i1 = ringIndex(head - n - 1);
      taps[k] = ring[i0] + f * (ring[i1] - ring[i0]) - fitR0;
    }
  }


  /**
   * {@code Math.floorMod(i, RING)} without its integer division in the usual case, one ring back at
   * most (eight per sample while a fit is kept).
   */
  private static int ringIndex(int i) {
    if (i >= 0 && i < RING) return i;
    if (i < 0 && i >= -RING) return i + RING;
    return Math.floorMod(i, RING);
  }

  private void restart(double dn, double r) {
    fitDown[0] = down[0] / dn;
    fitDown[1] = down[1] / dn;
    fitDown[2] = down[2] / dn;
    fitR0 = r;
    java.util.Arrays.fill(gram, 0);
    slopeSum = slopeSquares = 0;
    reversals = 0;
    swingDir = 0;
    swingLow = swingHigh = 0;
    prevTap = Double.NaN;
    java.util.Arrays.fill(rateSquares, 0);
    lineShare = 0;
    for (double[] b : rhs) java.util.Arrays.fill(b, 0);
    restS = 0;
    fittedS = 0;
    sinceSolveS = 0;
    solved = false;
    fillTaps(r);
  }

  private void accumulate(double t, double w) {
    if (!Double.isNaN(prevTap)) {
      double slope = (taps[0] - prevTap) / w;
      slopeSum += w * slope;
      slopeSquares += w * slope * slope;
    }
    prevTap = taps[0];
    countReversal(taps[0]);
    x[0] = 1;
    x[1] = t;
    System.arraycopy(taps, 0, x, 2, TAPS);
    for (int a = 0; a < K; a++) {
      double wa = w * x[a];
      wx[a] = wa;
      for (int b = a; b < K; b++) gram[a * K + b] += wa * x[b];
    }
    // channel by channel, each row's products in a run: every sum gets the same one term as before
    for (int i = 0; i < CHANNELS; i++) {
      double[] r = rhs[i];
      double o = out[i];
      for (int a = 0; a < K; a++) r[a] += wx[a] * o;
    }
    rateSquares[0] += w * out[0] * out[0];
    rateSquares[1] += w * out[0] * out[1];
    rateSquares[2] += w * out[0] * out[2];
    rateSquares[3] += w * out[1] * out[1];
    rateSquares[4] += w * out[1] * out[2];
    rateSquares[5] += w * out[2] * out[2];
  }

  /** The reference's variance over the rest (g²). */
  private double lineVar() {
    if (!(gram[0] > 0)) return 0;
    double m = gram[2] / gram[0];
    return gram[2 * K + 2] / gram[0] - m * m;
  }

  /**
   * Counts the reference's reversals by at least {@value #MIN_LINE_G} g: a line swings back and
   * forth, whereas a motor spinning up or down as its load changes moves the reference one way
   * once, and that transient, fitted over a rest, took an empty roller's roll-away for a line
   * (23000092: 30 °/s "taken out" after the get-off, and a 6.2 cm pass that never was).
   */
  private void countReversal(double ref) {
    if (swingDir == 0) { // no direction yet: the range so far
      swingLow = Math.min(swingLow, ref);
      swingHigh = Math.max(swingHigh, ref);
      if (ref - swingLow >= MIN_LINE_G) swingDir = 1;
      else if (swingHigh - ref >= MIN_LINE_G) swingDir = -1;
      swingExtreme = ref;
    } else if (swingDir * (ref - swingExtreme) > 0) {
      swingExtreme = ref;
    } else if (Math.abs(ref - swingExtreme) >= MIN_LINE_G) {
      reversals++;
      swingDir = -swingDir;
      swingExtreme = ref;
    }
  }

  private boolean lineInFit() {
    if (reversals < MIN_REVERSALS) return false;
    if (!(lineVar() > MIN_LINE_G * MIN_LINE_G)) return false;
    // a line swings; a drift of the reference after the load changed (a freed motor's fold near
    // 0 Hz, decaying) has f of a few hundredths of a hertz
    return lineAtLeast(MIN_LINE_HZ);
  }

  /**
   * Whether the reference's frequency over the rest is above {@code hz}: its slope's spread over its
   * own is (2πf)² (for several lines, their power-weighted mean square frequency).
   */
  private boolean lineAtLeast(double hz) {
    double v = lineVar();
    if (!(v > 0)) return false;
    double n = gram[0];
    double m = slopeSum / n;
    double slopeVar = slopeSquares / n - m * m;
    return slopeVar > Math.pow(2 * Math.PI * hz, 2) * v;
  }

  private double predict(double[] c, double t) {
    double v = c[0] + c[1] * t;
    for (int k = 0; k < TAPS; k++) v += c[2 + k] * taps[k];
    return v;
  }

  /**
   * Solves the normal equations for every channel (Cholesky of the Gram matrix). The taps of a slow
   * line are nearly alike, so they get a small ridge (10⁻³ of their mean power): the fit then
   * spreads a gain over them rather than balancing large opposite ones.
   */
  private boolean solve() {
    double ridge = 0;
    for (int k = 0; k < TAPS; k++) ridge += gram[(2 + k) * K + 2 + k];
    ridge *= 1e-3 / TAPS;
    for (int a = 0; a < K; a++) {
      for (int b = 0; b <= a; b++) {
        double s = gram[b * K + a] + (a == b && a >= 2 ? ridge : 0);
        for (int k = 0; k < b; k++) s -= chol[a * K + k] * chol[b * K + k];
        if (a == b) {
          if (!(s > 1e-12 * Math.max(1e-300, gram[a * K + a]))) return false;
          chol[a * K + a] = Math.sqrt(s);
        } else {
          chol[a * K + b] = s / chol[b * K + b];
        }
      }
    }
    for (int i = 0; i < CHANNELS; i++) {
      for (int a = 0; a < K; a++) {
        double s = rhs[i][a];
        for (int k = 0; k < a; k++) s -= chol[a * K + k] * y[k];
        y[a] = s / chol[a * K + a];
      }
      for (int a = K - 1; a >= 0; a--) {
        double s = y[a];
        for (int k = a + 1; k < K; k++) s -= chol[k * K + a] * coef[i][k];
        coef[i][a] = s / chol[a * K + a];
      }
    }
    lineShare = latestAxis == null ? 0 : lineShare(latestAxis);
    return true;
  }

  /**
   * The share of the rates' swing about {@code a} over the rest, less their level and trend, that
   * the taps explain: (SS of the full fit − SS of level and trend alone) / (total SS − SS of level
   * and trend), from the normal equations (the rates about a are a linear mix of the three fitted).
   */
  private double lineShare(double[] a) {
    double[] q = rateSquares;
    double total =
        a[0] * a[0] * q[0] + a[1] * a[1] * q[3] + a[2] * a[2] * q[5]
            + 2 * (a[0] * a[1] * q[1] + a[0] * a[2] * q[2] + a[1] * a[2] * q[4]);
    double full = 0;
    for (int k = 0; k < K; k++) {
      double beta = a[0] * coef[0][k] + a[1] * coef[1][k] + a[2] * coef[2][k];
      double b = a[0] * rhs[0][k] + a[1] * rhs[1][k] + a[2] * rhs[2][k];
      full += beta * b;
    }
    // level and trend alone: the 2×2 normal equations
    double b0 = a[0] * rhs[0][0] + a[1] * rhs[1][0] + a[2] * rhs[2][0];
    double b1 = a[0] * rhs[0][1] + a[1] * rhs[1][1] + a[2] * rhs[2][1];
    double g00 = gram[0];
    double g01 = gram[1];
    double g11 = gram[K + 1];
    double det = g00 * g11 - g01 * g01;
    if (!(det > 0)) return 0;
    double levelTrend = (g11 * b0 * b0 - 2 * g01 * b0 * b1 + g00 * b1 * b1) / det;
    double swing = total - levelTrend;
    return swing > 0 ? (full - levelTrend) / swing : 0;
  }

  /**
   * Whether gravity now lies more than {@value #MAX_TURN_DEG}° from where it lay when the fit began:
   * the cosine against the limit's, since the arc cosine (StrictMath's, no intrinsic) on every sample
   * took a tenth of the whole pipeline's time (JMH stack profile, round 26).
   */
  private boolean turnedSinceFit(double dn) {
    double c = (down[0] * fitDown[0] + down[1] * fitDown[1] + down[2] * fitDown[2]) / dn;
    return c < COS_MAX_TURN;
  }

  private static final double COS_MAX_TURN = Math.cos(Math.toRadians(MAX_TURN_DEG));

  /**
   * A jolt (somebody getting on or off, a knock): the motor's load, and with it its line's size and
   * frequency, may have changed, so the fit is dropped and learned again.
   */
  void jolted() {
    active = false;
    fittedS = 0;
    solved = false;
  }

  /** Gravity's 2 s average as the turn test sees it (g, sensor frame; for tests). */
  double[] gravityAverage() {
    return down.clone();
  }

  /** Whether a fitted line is being taken out now. */
  boolean active() {
    return active;
  }

  double gx() {
    return out[0];
  }

  double gy() {
    return out[1];
  }

  double gz() {
    return out[2];
  }

  double ax() {
    return out[3];
  }

  double ay() {
    return out[4];
  }

  double az() {
    return out[5];
  }
}
