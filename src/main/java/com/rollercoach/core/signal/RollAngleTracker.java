package com.rollercoach.core.signal;

/**
 * The roller's rotation θ about its own axis, from the gyroscope, held drift-free by the
 * accelerometer.
 *
 * <h2>Gyro part, axis-agnostic</h2>
 *
 * The axis is fixed in the sensor frame, so θ(t) = a·Φ(t) with Φ(t) = ∫ω dt the integral of the
 * bias-corrected rate vector. Φ is integrated from the first sample (trapezoidal rule over the actual
 * dt, so jitter, drops and gaps need no resampling) before the axis a is known; once {@link
 * RollAxisEstimator} has an estimate, θ = a·(Φ − Φ₀) counts from that moment (Φ₀: Φ then), so the
 * bias integrated before the bias was known never shows up as a jump of s; the rotation between the
 * last rest before that moment and that moment is then taken from gravity (the low-passed specific
 * force at rest, against the current one, in the plane ⟂ a), so the first stroke keeps its full
 * travel without any buffering and without gyro drift. Later refinements of a
 * change θ only by |Δa|·|Φ⊥|, small because the roller barely turns about any other axis.
 *
 * <h2>Accelerometer part</h2>
 *
 * A roller lies with its axis horizontal, so gravity, seen from the sensor, turns about the axis by −θ
 * as the roller turns by θ. Its direction in the plane ⟂ a (angle ψ in a basis e₁, e₂ of that plane)
 * therefore gives θ modulo 2π with no drift at all. It is blended in with a complementary filter
 * (Mahony, Hamel &amp; Pflimlin, "Nonlinear complementary filters on the special orthogonal group",
 * IEEE TAC 53(5), 2008 — here in one dimension: θ̂ += ω·dt + (dt/τ)·wrap(θ_acc − θ̂)), trusting the gyro
 * over seconds and gravity over τ = {@value #TAU_S} s. The wrap keeps it free of 2π ambiguity.
 *
 * <p>When gravity is not a good reference the accelerometer term is skipped: when the specific force
 * is more than {@value #MAX_ACCEL_ERROR_G} g away from gravity's length (jostles when getting on and
 * off), or when less than {@value #MIN_PLANE_G} g of it lies in the plane ⟂ a (the axis is far from
 * horizontal). Gravity's length is the one this accelerometer reads at rest, not 1 g: a MEMS part's
 * zero-g offsets (an ADXL335's ±150 mg) hold its resting norm up to a few tenths of a g off, and a
 * gate about 1 g shut gravity out at every angle where they do (seed 42000202: 1.12 g at rest, θ on
 * the gyro alone for 6 s). The offset in the plane makes the raw length change with the angle, so
 * the length is compared with the fitted offset in the plane taken off ({@link #gravityNorm}); before
 * the fit, the rest's raw length holds near the rest's angle, where the fit's points come from. Two
 * disturbances stay in: centripetal ω²d and tangential α·d acceleration of a sensor mounted d from the
 * axis, and the roller's own translation r·α as it rolls along the floor. At foam-rolling speeds (≤
 * 1 rad/s) these are below 0.01 g for d ≤ 5 cm, i.e. under 0.6° of ψ error, averaged further by τ.
 *
 * <p>The pull is proportional–integral (the same paper's integral term): the bias tracker learns
 * only in stills, so after a set with a warming gyro its estimate is stale, and θ, held τ·e off
 * gravity's angle by a bias error e, crept as the estimate converged in the hold. The integral
 * ({@link #BIAS_GAIN}) learns e from gravity while the roller rolls, and takes in the estimate's
 * moves towards it ({@link #biasNow}). The rocking angle keeps the proportional-only pull: the
 * breath counter's own treatment of the estimate's convergence is {@link BiasEstimateEcho}.
 *
 * <p>An accelerometer's zero-g offset (MEMS parts: ±40–80 mg) is a vector fixed in the sensor, which
 * turns gravity's angle by up to a few degrees, differently at each angle: the offset in the plane
 * ⟂ a is fitted from gravity's circle as the roller turns ({@link GravityCircle}) and taken off
 * before ψ is read; each new fit moves the reference by what it changes at the current angle, so θ
 * does not jump.
 *
 * <p>The accelerometer is a gravity reference only after a low-pass ({@link Smoother}, τ = {@value
 * #ACCEL_LP_TAU_S} s per stage): a vibrating roller's motor shakes it by up to a g at 25–70 Hz, grid
 * foam and jolts add more. The gyro's θ goes through the same filter before the two are compared, so
 * the filter's delay (≈ 0.1 s) cancels instead of pulling θ back by ω·0.1 s during every stroke.
 *
 * <p>A vibrating roller sampled slower than twice its motor's speed (a 25–52 Hz sensor under a
 * 25–70 Hz motor) sees the motor <i>aliased</i>: a steady line anywhere between 0 and half the
 * sample rate, often 1–3 Hz, where no low-pass that keeps rolling can remove it. Gated per sample,
 * such a line is worse than noise: the norm of the filtered specific force swings by the line's
 * amplitude (tenths of a g), so the {@value #MAX_ACCEL_ERROR_G} g gate opens only at the phases where
 * the norm passes 1 g, the gravity angle is sampled at those phases only, and θ gets a biased,
 * switching pull — kinks of a tenth of a degree that the breath counter takes for breaths. A steady
 * oscillation of the filtered norm is therefore measured online (its RMS about 1 g over {@value
 * #OSCILLATION_TAU_S} s); while it exceeds half the gate (the level from which per-sample gating
 * selects phases rather than rejecting jolts), gravity is taken through a slower low-pass ({@value
 * #VIBRATION_LP_TAU_S} s per stage: a line above 2 Hz cut ≥ 7-fold, its norm swing well inside the
 * gate, so the gate stays open over whole periods and what remains of the line averages out
 * through τ), with θ through the same filter so the delays still cancel. The slower filter's delay
 * (≈ {@code 2·}{@value #VIBRATION_LP_TAU_S} s) stays a fifth of τ. On a roller without a motor the
 * norm stays within a few hundredths of 1 g except during jolts, so nothing changes there.
 *
 * <p>Across a gap in the data longer than {@value #SNAP_GAP_S} s the gyro's trapezoid is a guess; for
 * the next {@value #RECOVER_S} s θ is pulled to the low-passed gravity angle nearest to the guess with
 * a fast time constant ({@value #RECOVER_TAU_S} s) instead of τ, never snapped onto one raw sample
 * (a jolt or the motor's shaking at that instant would become a jump of s). Rotations up to half a
 * turn per gap are recovered.
 */
public final class RollAngleTracker {
  static final double TAU_S = 2.0;
  static final double MAX_ACCEL_ERROR_G = 0.1;
  static final double MIN_PLANE_G = 0.5;
  /**
   * The furthest a resting accelerometer's norm is taken to lie off 1 g: an ADXL335's ±150 mg on z
   * with its x and y offsets, an MPU-6050's ±50/50/80 mg with ±3 % sensitivity (≈ 0.14 g).
   */
  static final double MAX_REST_NORM_OFF_G = 0.25;
  /** Averaging of gravity's length through a rest: the filtered norm's noise and a heartbeat's recoil. */
  static final double REST_NORM_TAU_S = 1.0;
  static final double SNAP_GAP_S = 0.1;
  static final double ACCEL_LP_TAU_S = 0.05;
  /** Low-pass of the gravity reference while the accelerometer carries a steady oscillation. */
  static final double VIBRATION_LP_TAU_S = 0.2;
  /** Averaging time of the filtered norm's oscillation: many periods of any line above 1 Hz. */
  static final double OSCILLATION_TAU_S = 1.0;
  static final double RECOVER_S = 0.6;
  /**
   * A rest this long (the bias tracker's stillness, unbroken) while the first snap still waits for
   * clean gravity ends the wait: the rest is the zero from then on. The snap carries the turn
   * between the rest before the axis was known and that moment into θ, so that a first stroke
   * keeps the travel it made before its axis was solved; once the roller has rested again, that
   * turn belongs to no stroke, and applied later it is a step of θ inside whatever stroke first
   * gives clean gravity. An accelerometer whose offsets hold its norm more than the gate off 1 g
   * at the rest's angle (an ADXL335's ±150 mg; 1.12 g in seed 42000202) gave clean gravity 6 s
   * after the axis, 2.5 s into the first stroke, and the 20° step back there (the get-on's own turn)
   * reversed it into a 5.09 cm "pass". Half a second: the rest that settling waits for.
   */
  static final double SNAP_EXPIRY_REST_S = 0.5;
  static final double RECOVER_TAU_S = 0.15;
  /** Low-pass of the specific force kept as the resting gravity reference. */
  static final double GRAVITY_TAU_S = 0.3;
  /** Below this rate the roller rests (or only rocks): the norm's swing there is not a stroke's. */
  static final double ROCKING_REST_DPS = 10.0;
  /**
   * A swing of the filtered norm about its mean this large (RMS, g), kept up while the roller has
   * rested for {@value #REST_MIN_S} s, is a motor's line. At rest nothing else swings the norm: a
   * MEMS accelerometer's noise through this filter is under 1 mg (0.3 mg/√Hz for the noisiest
   * part simulated), breathing turns gravity without changing its size, and the heartbeat's recoil
   * is milli-g. 0.02 g of line swings gravity's angle by ~1.6° RMS, of which θ's 2 s pull passes
   * ~0.3° at 0.5 Hz: a shallow breath's size. (Half the gate, 0.05 g, the level {@link #vibrating()}
   * uses, missed a damped 0.03 g line that still added 2–5 breaths; round 7.)
   */
  static final double REST_LINE_G = 0.02;
  /**
   * How long the roller must have turned slower than {@value #ROCKING_REST_DPS} °/s before the
   * norm's swing counts: a stroke's slow turnarounds (under a second) with a miscalibrated part
   * swing it too, and counting them read lines in sessions without a motor.
   */
  static final double REST_MIN_S = 2.0;
  /** Averaging of θ's correction the rocking angle starts from: a 0.66 Hz line's swing cut 6-fold. */
  static final double CORRECTION_AVG_S = 1.5;
  /** The rocking angle's pull to gravity while a motor's line is in the accelerometer. */
  static final double ROCKING_VIBRATION_TAU_S = 20.0;
  /**
   * How long the line must be there (or gone) before the rocking angle changes its pull: a motor
   * runs for minutes, a jolt's ringing lasts under 1.5 s.
   */
  static final double ROCKING_SWITCH_S = 3.0;
  /** How often the accelerometer's offset in the plane ({@link GravityCircle}) is fitted again. */
  static final double CIRCLE_EVERY_S = 1.0;
  /**
   * The integral gain of θ's pull to gravity (1/s²): 1/(10τ²). The loop s² + s/τ + k then has its
   * poles at 0.11/τ and 0.89/τ: the integral learns a bias over ≈ 9τ = 18 s (ten strokes), and a
   * gravity error (a jostle, the accelerometer's sensitivity ellipse) passes into it ten times
   * less than into the proportional pull. The critically damped 1/(4τ²) learned in 4τ but took
   * the error of the first gravity reading into the bias: a test roller's angle moved by 2° at a
   * gap 6 s later (RollAngleTrackerTest, a loss under a running motor), and the accuracy
   * benchmark was no better for it.
   */
  static final double BIAS_GAIN = 1 / (10 * TAU_S * TAU_S);

  private final double[] phi = new double[3]; // ∫ω dt, rad
  private final double[] phiOrigin = new double[3]; // Φ when the axis became known: θ = 0 there
  private final double[] lastRate = new double[3]; // rad/s
  private boolean primed;
  private double correction; // rad, added to a·Φ (the proportional-only pull: the rocking angle's)
  /** θ's own correction (rad, added to a·Φ): the pull with an integral term. */
  private double positionCorrection;
  /** The rate θ adds about the axis (rad/s): the integral term, the bias the tracker has not seen. */
  private double axisRate;
  /** θ's gravity reference; {@link #accelOffset} is the rocking angle's (see {@link #biasStepped}). */
  private double positionOffset;
  private final double[] lastBias = new double[3];
  private double[] axis;
  private final double[] e1 = new double[3];
  private final double[] e2 = new double[3];
  private boolean haveReference;
  private double accelOffset; // θ_acc − θ̂ when the reference was set
  private double theta = Double.NaN;
  private final double[] lowAccel = new double[3];
  /** Gravity's length as this accelerometer reads it (g): see {@link #learnRestNorm}. */
  private double restNorm = 1;
  /** How long the bias tracker has found the roller still, without a break (s). */
  private double stillRunS;
  /** The filtered specific force at the latest sample {@link #restNorm} learned from (g). */
  private final double[] restAccel = new double[3];
  private boolean haveRestAccel;
  /** The accelerometer's offset in the plane ⟂ a, taken off gravity before its angle is read. */
  private final GravityCircle circle = new GravityCircle();
  /** Time until the circle is fitted again (s): once a second is plenty for a constant offset. */
  private double circleDueS;
  private final double[] stillGravity = new double[3];
  private boolean haveStillGravity;
  private boolean snapNext;
  /** How long the roller has rested, without a break, while the snap waited for clean gravity (s). */
  private double snapRestS;
  private boolean accelUsed;
  private double rockingTheta = Double.NaN;
  private double rockingCorrection;
  /** The rocking angle has its own pull (a motor's line has been seen); θ's otherwise. */
  private boolean rockingOwn;
  private boolean rockingVibrating;
  private double rockingDisagreeS;
  private boolean rockingGravityUsed;
  private boolean rockingRestarted;
  private boolean biasEstimated;
  /** Mean and variance of the short-filtered norm, taken only while the roller turns slowly. */
  private double restNormMean = Double.NaN;
  private double restNormVar;
  private double restS;
  /** θ's gravity correction averaged over {@value #CORRECTION_AVG_S} s (rad). */
  private double correctionAvg;
  private final Smoother accelLp = new Smoother(ACCEL_LP_TAU_S);
  private final DtGain oscillationGain = new DtGain(dt -> -Math.expm1(-dt / OSCILLATION_TAU_S));
  /** Φ through the accelerometer's low-pass: a·(Φ − Φ_lp) is how far the filtered θ lags θ. */
  private final Smoother phiLp = new Smoother(ACCEL_LP_TAU_S);
  /** The same pair through the slower low-pass, used while a steady oscillation is present. */
  private final Smoother accelSlow = new Smoother(VIBRATION_LP_TAU_S);
  private final Smoother phiSlow = new Smoother(VIBRATION_LP_TAU_S);
  /** Mean square of the filtered norm's deviation from gravity's as this part reads it (g²). */
  private double oscillationMs;
  /**
   * Mean square of the filtered norm's deviation from 1 g itself (g²): {@link #motorSeen}'s, which
   * must see an alias near 0 Hz hold the norm off for seconds, which a rest would learn as the
   * part's own gravity.
   */
  private double offOneMs;
  /**
   * Whether a rest ({@value #REST_MIN_S} s slower than {@value #ROCKING_REST_DPS} °/s) has shown a
   * running motor: it shook ({@link RestShaking#MOTOR_MIN_G}), or the filtered specific force
   * stayed off 1 g by more than the gate — most resting accelerometers read 1 g within it, and an
   * alias near 0 Hz, which the shaking's gravity estimate follows, holds it further off. So does
   * an unscreened part's offset (1.12 g), which is then taken for a motor: that costs only the
   * integral's learning, θ still held by the proportional pull, while a motor missed put −1.6 °/s
   * into the integral (below). Never cleared: a motor runs
   * through the strokes between rests, and a beating alias hides from both measures for seconds
   * (seed 35000142: a rest 8 s long with 0.042 g of shaking and the norm 0.96 g, the motor on).
   */
  private boolean motorSeen;
  private double shakingG = Double.NaN;
  private double elapsedS;
  private double recoverUntilS = Double.NEGATIVE_INFINITY;
  /**
   * How much of the fast pull's {@value #RECOVER_S} s is left after the gyro's rail left θ short of
   * the turn: counted only on samples where gravity is a good reference, so it is not spent while a
   * get-off shakes the roller past the gate. (A gap keeps a window of wall time: the sample after
   * one is an ordinary sample, and under a vibrating roller's aliased line a pull spread over the
   * gate's openings picked the line's phases — a dwell split in two, seed 22000157.)
   */
  private double recoverLeftS;
  /** The latest ordinary sample interval: the filters' step across a gap. */
  private double periodS;

  /**
   * Advances by one sample.
   *
   * @param wx bias-corrected rate about x, °/s (likewise wy, wz)
   * @param ax specific force along x, g (likewise ay, az)
   * @param dtS time since the previous sample
   * @param currentAxis the roll axis estimate (unit vector), or null while unknown
   * @param still whether the roller is at rest (or only breathing) now: gravity is then a clean
   *     reference for where θ = 0 is
   * @return θ in radians, NaN while the axis is unknown
   */
  public double update(
      double wx, double wy, double wz, double ax, double ay, double az, double dtS,
      double[] currentAxis, boolean still) {
    trackGravity(ax, ay, az, dtS, still && currentAxis == null);
    elapsedS += dtS;
    boolean gap = dtS > SNAP_GAP_S;
    // Across a gap the filters go on from their state as if one ordinary period had passed: the
    // stretch nobody measured adds nothing, so the first sample after it weighs as any other, and
    // a motor's shaking in that one raw sample cannot become the gravity reference (reset onto it,
    // a 0.24 g shake is up to 14° of gravity angle, pulled in at RECOVER_TAU_S: cm of s per loss).
    double filterDt = gap ? periodS : dtS;
    if (gap) recoverUntilS = elapsedS + RECOVER_S;
    else if (dtS > 0) periodS = dtS;
    accelLp.update(ax, ay, az, filterDt);
    accelSlow.update(ax, ay, az, filterDt);
    double rx = Math.toRadians(wx);
    double ry = Math.toRadians(wy);
    double rz = Math.toRadians(wz);
    if (primed) {
      phi[0] += 0.5 * (lastRate[0] + rx) * dtS;
      phi[1] += 0.5 * (lastRate[1] + ry) * dtS;
      phi[2] += 0.5 * (lastRate[2] + rz) * dtS;
    }
    primed = true;
    // through the same filters on the same clock, so the gyro's guess over the gap and gravity's
    // actual turn reach the comparison at the same pace and the delays still cancel
    phiLp.update(phi[0], phi[1], phi[2], filterDt);
    phiSlow.update(phi[0], phi[1], phi[2], filterDt);
    double rateRadS = Math.sqrt(rx * rx + ry * ry + rz * rz);
    trackOscillation(dtS, gap, rateRadS, still);
    lastRate[0] = rx;
    lastRate[1] = ry;
    lastRate[2] = rz;
    if (currentAxis == null) return theta = rockingTheta = Double.NaN;
    if (currentAxis != axis) setAxis(currentAxis);
    if (snapNext) {
      snapRestS = still ? snapRestS + dtS : 0;
      if (snapRestS >= SNAP_EXPIRY_REST_S) {
        // the next clean gravity sets the reference where θ is then: no step
        snapNext = false;
        haveReference = false;
      }
    }

    double base =
        axis[0] * (phi[0] - phiOrigin[0])
            + axis[1] * (phi[1] - phiOrigin[1])
            + axis[2] * (phi[2] - phiOrigin[2]);
    double gyroTheta = base + correction;
    double position = base + positionCorrection;
    accelUsed = false;
    boolean vibrating = vibrating();
    if (restS >= REST_MIN_S
        && (shakingG >= RestShaking.MOTOR_MIN_G
            || offOneMs > MAX_ACCEL_ERROR_G * MAX_ACCEL_ERROR_G)) {
      motorSeen = true;
    }
    Smoother accelRef = vibrating ? accelSlow : accelLp;
    Smoother phiRef = vibrating ? phiSlow : phiLp;
    double lx = accelRef.x();
    double ly = accelRef.y();
    double lz = accelRef.z();
    double c1 = lx * e1[0] + ly * e1[1] + lz * e1[2];
    double c2 = lx * e2[0] + ly * e2[1] + lz * e2[2];
    boolean inPlane = c1 * c1 + c2 * c2 >= MIN_PLANE_G * MIN_PLANE_G;
    boolean gravityClean =
        Math.abs(gravityNorm(lx, ly, lz) - restNorm) <= MAX_ACCEL_ERROR_G && inPlane;
    if (gravityClean && !vibrating) {
      circle.add(c1, c2, Math.toDegrees(rateRadS), dtS);
    }
    circleDueS -= dtS;
    if (circleDueS <= 0) {
      circleDueS = CIRCLE_EVERY_S;
      double before = inPlane ? gravityAngle(c1, c2) : Double.NaN;
      double restBefore = restLength();
      boolean refitted = circle.solve();
      // gravity's length as read with the new offset: the latest rest's, read again
      if (refitted) rereadRestNorm(restBefore);
      // a new offset turns gravity's angle here too: the reference moves with it, so θ does not
      // jump now (positions are relative) and only the angles elsewhere along the arc change
      if (refitted && haveReference && inPlane) {
        double moved = wrap(gravityAngle(c1, c2) - before);
        accelOffset += moved;
        positionOffset += moved;
      }
    }
    double accelTheta = inPlane ? gravityAngle(c1, c2) : Double.NaN;
    // how far θ through the accelerometer's low-pass lags θ, per axis: the filters' delays cancel
    double lag0 = axis[0] * (phi[0] - phiRef.x());
    double lag1 = axis[1] * (phi[1] - phiRef.y());
    double lag2 = axis[2] * (phi[2] - phiRef.z());
    if (gravityClean) {
      double lagged = gyroTheta - lag0 - lag1 - lag2;
      // θ turns by the integral term's rate too, and its filtered copy lags that as well: by the
      // filter's delay for a ramp, two stages of τ (the rate changes over tens of seconds)
      double positionLag =
          lag0 + lag1 + lag2
              + axisRate * 2 * (vibrating ? VIBRATION_LP_TAU_S : ACCEL_LP_TAU_S);
      if (!haveReference) {
        accelOffset = accelTheta - lagged;
        positionOffset = accelTheta - (position - positionLag);
        haveReference = true;
      }
      double error = wrap(accelTheta - accelOffset - lagged);
      // after the rail, counted while gravity can correct θ: a get-off that clips the gyro shakes
      // the roller past the gate for a second, and a window of wall time had run out by then, so
      // the travel lost at the rail came back through τ = 2 s: centimetres per second of "motion"
      // for seconds on an empty roller (seed 22000127, `noisy-gyro`), hiding the get-off
      boolean recovering = elapsedS < recoverUntilS || recoverLeftS > 0;
      if (recoverLeftS > 0) recoverLeftS -= dtS;
      double tau = recovering ? RECOVER_TAU_S : TAU_S;
      double gain = snapNext ? 1.0 : Math.min(1.0, dtS / tau);
      double positionError =
          wrap(accelTheta - positionOffset - (position - positionLag));
      // the integral learns the bias only from errors a bias makes: not from the rail's or a gap's
      // shortfall, nor from gravity shaken now, nor once a rest has shown a motor, which may still
      // run: a slow sensor's alias near 0 Hz leaves a swing in the filtered gravity for tens of
      // seconds and drops under vibrating()'s level for seconds at a time, and learning there put
      // −1.6 °/s into the integral while a 50 Hz sensor rolled under a motor (seed 35000142)
      if (!recovering && !snapNext && !vibrating && !motorSeen) {
        axisRate += BIAS_GAIN * positionError * dtS;
      }
      snapNext = false;
      correction += gain * error;
      gyroTheta += gain * error;
      positionCorrection += gain * positionError;
      position += gain * positionError;
      accelUsed = true;
    }
    positionCorrection += axisRate * dtS;
    position += axisRate * dtS;
    theta = position;
    updateRocking(base, accelTheta, lag0 + lag1 + lag2, dtS, biasEstimated && lineAtRest());
    return theta;
  }

  /**
   * The rocking angle: θ itself, until the accelerometer has carried a running motor's line ({@link
   * #lineAtRest}, with a bias estimate) for {@value #ROCKING_SWITCH_S} s; from then on it has its
   * own pull to gravity, with τ = {@value #ROCKING_VIBRATION_TAU_S} s and no per-sample gate while
   * the line lasts (the gate would sample the line's phases), the ordinary τ and gate after it.
   *
   * @param lineNow whether a line is there now (before the {@value #ROCKING_SWITCH_S} s wait)
   */
  private void updateRocking(
      double base, double accelTheta, double lag, double dtS, boolean lineNow) {
    rockingRestarted = false;
    correctionAvg += Math.min(1.0, dtS / CORRECTION_AVG_S) * (correction - correctionAvg);
    if (lineNow != rockingVibrating) {
      rockingDisagreeS += dtS;
      if (rockingDisagreeS >= ROCKING_SWITCH_S) {
        // from θ's correction averaged over the last seconds, not its value now: under the line it
        // swings with it, and an instant's swing would linger in the rocking angle for τ = 20 s
        if (!rockingOwn) rockingCorrection = correctionAvg;
        rockingOwn = true;
        rockingVibrating = lineNow;
        rockingRestarted = true;
        rockingDisagreeS = 0;
      }
    } else {
      rockingDisagreeS = 0;
    }
    if (!rockingOwn) {
      rockingTheta = base + correction;
      rockingGravityUsed = accelUsed;
      return;
    }
    double rock = base + rockingCorrection;
    rockingGravityUsed = false;
    boolean gateOpen = rockingVibrating || accelUsed;
    if (haveReference && !Double.isNaN(accelTheta) && gateOpen) {
      double error = wrap(accelTheta - accelOffset - (rock - lag));
      double gain = Math.min(1.0, dtS / rockingTauS());
      rockingCorrection += gain * error;
      rock += gain * error;
      rockingGravityUsed = true;
    }
    rockingTheta = rock;
  }

  /**
   * The roll angle small rocking (breathing) is read from, radians: θ itself, except while a
   * vibrating roller's motor line has been in the accelerometer for a while. A line aliased below a
   * few hertz (a 25–52 Hz sensor under a 25–70 Hz motor) rotates the specific force by up to tens of
   * degrees at a rate no low-pass that keeps rolling can cut, and θ's τ = {@value #TAU_S} s pull
   * passes a fifth of it at 0.5 Hz: tenths of a degree at a steady rate inside the breathing band,
   * counted as breaths (+25 and +91 in simulated holds whose raw gyro angle carried under a tenth
   * of that). Here gravity pulls with τ = {@value #ROCKING_VIBRATION_TAU_S} s instead, ten times
   * less of the line, still holding the angle over a hold's minute. θ itself (s, passes, dwells)
   * keeps its pull: the position needs it over strokes, the breath count does not.
   */
  public double rockingTheta() {
    return rockingTheta;
  }

  /**
   * Whether the gyro bias has been estimated, for the coming samples. The rocking angle takes its
   * long pull only then: without an estimate the gyro alone drifts by the whole bias (degrees per
   * second; a motor running from before anybody got on can keep the tracker from ever reading
   * still), which only the ordinary pull holds.
   */
  public void biasEstimated(boolean estimated) {
    biasEstimated = estimated;
  }

  /**
   * Whether the short-filtered specific force swings about its own mean by more than {@value
   * #REST_LINE_G} g RMS while the roller has rested (turned slower than {@value #ROCKING_REST_DPS}
   * °/s for {@value #REST_MIN_S} s): a motor's line, which stays when the roller rests. Not {@link
   * #vibrating()}: that is the RMS about 1 g on every
   * slow-enough sample, which a miscalibrated accelerometer reaches at rest (its norm is 1.04 g
   * in some orientations) and brisk strokes reach by themselves (round 7: a `noisy-gyro` session
   * switched the rocking angle at every stroke).
   */
  boolean lineAtRest() {
    return restNormVar > REST_LINE_G * REST_LINE_G;
  }

  /** Whether the rocking angle's pull to gravity is the long one a motor's line calls for, now. */
  public boolean rockingUnderLine() {
    return rockingOwn && rockingVibrating;
  }

  /** The time constant of the rocking angle's pull to gravity now (s). */
  private double rockingTauS() {
    return rockingUnderLine() ? ROCKING_VIBRATION_TAU_S : TAU_S;
  }

  /** Whether gravity pulled the rocking angle on the latest sample. */
  public boolean rockingGravityUsed() {
    return rockingGravityUsed;
  }

  /** Whether the rocking angle changed its pull on the latest sample (a motor's line came or went). */
  public boolean rockingRestarted() {
    return rockingRestarted;
  }

  /**
   * Updates the running mean square of the short-filtered norm's deviation from gravity's length as
   * this part reads it ({@link #restNorm}: a part whose offsets hold its resting norm at 1.12 g
   * does not shake by 0.12 g), and from 1 g itself for {@link #motorSeen}. Not while the
   * roller turns faster than 1/(10·τ) ({@value #ACCEL_LP_TAU_S} s): gravity turning that fast
   * shrinks the filtered vector by itself (by ≈ (ωτ)², ≥ 1 %), which is a fast stroke or a
   * clipping gyro, not the roller shaking.
   */
  private void trackOscillation(double dtS, boolean gap, double rateRadS, boolean still) {
    restS = rateRadS < Math.toRadians(ROCKING_REST_DPS) ? restS + dtS : 0;
    // after a gap the filter restarted from one raw sample: the roller's shaking did not change
    if (gap || rateRadS * ACCEL_LP_TAU_S > 0.1) return;
    double lx = accelLp.x();
    double ly = accelLp.y();
    double lz = accelLp.z();
    double n = Math.sqrt(lx * lx + ly * ly + lz * lz);
    // before the axis is known there is no plane and no fitted offset: the raw length
    double length = axis == null ? n : gravityNorm(lx, ly, lz);
    if (learnRestNorm(length, dtS, still)) {
      restAccel[0] = lx;
      restAccel[1] = ly;
      restAccel[2] = lz;
      haveRestAccel = true;
    }
    double dev = length - restNorm;
    double k = dtS <= 0 ? 0 : oscillationGain.of(dtS);
    oscillationMs += k * (dev * dev - oscillationMs);
    offOneMs += k * ((n - 1) * (n - 1) - offOneMs);
    if (restS >= REST_MIN_S) {
      if (Double.isNaN(restNormMean)) restNormMean = n;
      double d = n - restNormMean;
      restNormMean += k * d;
      restNormVar += k * (d * d - restNormVar);
    }
  }

  /**
   * Whether the accelerometer carries a steady oscillation (an aliased motor line) large enough
   * that per-sample gating would select its phases: RMS above half the gate.
   */
  public boolean vibrating() {
    double half = MAX_ACCEL_ERROR_G / 2;
    return oscillationMs > half * half;
  }

  /**
   * The gyro is clipped at its rail for the coming sample ({@link GyroSaturation}): the integrated
   * angle falls short of the turn while it is. As after a gap, θ is pulled to the low-passed
   * gravity angle with the fast time constant for {@value #RECOVER_S} s — here seconds in which
   * gravity is a good reference, however long the roller shakes past the gate first — so the
   * travel lost at the rail comes back from gravity (during the fastest part of the stroke its
   * specific force is off 1 g and it is skipped anyway).
   */
  public void markSaturated() {
    recoverLeftS = RECOVER_S;
  }

  /** Copies Φ = ∫ω dt (radians, sensor frame, bias-corrected) into {@code out}. */
  public void phi(double[] out) {
    System.arraycopy(phi, 0, out, 0, 3);
  }

  /** θ after the latest sample, radians (NaN while the axis is unknown). */
  public double theta() {
    return theta;
  }

  /**
   * The gyro bias estimate about the roll axis has just stepped by {@code stepDps} (its first
   * estimate arriving after the axis is known: a roller that never rested before rolling, or a
   * motor's line that hid every rest until then). Held by gravity with a bias error e, θ sits
   * τ·e off gravity's angle; the step changes that to τ·(e − step), and θ would creep there over
   * a few τ — centimetres of s in the middle of a still, which the still detector took for
   * movement and split a dwell (round 7). The reference is moved by the same amount instead, so
   * θ stays where it is (an offset of s is nothing: positions are relative).
   */
  public void biasStepped(double stepDps) {
    // only the rocking angle's reference: θ's own pull has an integral term, and biasNow decides
    // what a move of the estimate does to θ
    if (haveReference) accelOffset -= TAU_S * Math.toRadians(stepDps);
  }

  /**
   * The gyro bias estimate the coming sample's rates were corrected with (°/s, sensor frame). The
   * estimate learns only in stills and converges over tens of seconds; followed by θ, that
   * convergence was a creep of s through the still (a stale estimate at a hold's start: 0.1–0.15
   * cm, enough to make a 4.85 cm hip drop read as a pass). The integral term has learned the same
   * bias from gravity while the roller rolled, so a move of the estimate about the axis towards
   * what the integral holds is taken out of the integral, θ's rate staying what it was; only up to
   * what the integral holds, though: beyond that (the integral learned nothing under a motor's
   * line, seed 35000142) the move is news, and θ's rate takes it (absorbing it all carried −2.3
   * °/s of the estimate's own learning into a hold with no clean gravity, and θ drifted 80° in 35
   * s). Its reference moves by τ × the news, as {@link #biasStepped} moves the rocking angle's:
   * held by gravity, θ sat τ·e off gravity's angle with a rate error e, and without the move it
   * crept to the new τ·e in the middle of the still (seed 30000183: a motor hid every rest from
   * the bias tracker for 140 s, θ sat 7° off, the estimate arrived in the hold, and θ crept 0.9
   * cm through it, reading a 4.6 cm hip drop as a 5.4 cm pass).
   */
  public void biasNow(double bx, double by, double bz) {
    if (axis != null) {
      double moved =
          axis[0] * (bx - lastBias[0]) + axis[1] * (by - lastBias[1]) + axis[2] * (bz - lastBias[2]);
      // only the part of the move the integral had anticipated: towards zero, at most what it holds
      double m = Math.toRadians(moved);
      double absorbed =
          m * axisRate < 0 ? Math.copySign(Math.min(Math.abs(m), Math.abs(axisRate)), m) : 0;
      axisRate += absorbed;
      if (haveReference) positionOffset -= TAU_S * (m - absorbed);
    }
    lastBias[0] = bx;
    lastBias[1] = by;
    lastBias[2] = bz;
  }

  /** How hard the roller shakes ({@link RestShaking#levelG()}, g) as of the previous sample. */
  public void shaking(double levelG) {
    shakingG = levelG;
  }

  /** Whether the latest sample's accelerometer reading was used as a gravity reference. */
  public boolean accelUsed() {
    return accelUsed;
  }

  /**
   * Re-bases the plane ⟂ a. The reference direction is the sensor axis least aligned with a, kept as
   * long as it stays well away from a, so small refinements of a turn e₁, e₂ only slightly and ψ stays
   * continuous.
   */
  private void trackGravity(double ax, double ay, double az, double dtS, boolean capture) {
    double k = dtS <= 0 ? 1 : Math.min(1, dtS / GRAVITY_TAU_S);
    lowAccel[0] += k * (ax - lowAccel[0]);
    lowAccel[1] += k * (ay - lowAccel[1]);
    lowAccel[2] += k * (az - lowAccel[2]);
    if (capture) {
      System.arraycopy(lowAccel, 0, stillGravity, 0, 3);
      haveStillGravity = true;
    }
  }

  private void setAxis(double[] a) {
    boolean first = axis == null;
    // gravity's length is read in the plane ⟂ a with the fitted offset off: a new axis, or a new
    // basis that restarts the fit, reads the latest rest's length anew (as a new fit does)
    double restBefore = restLength();
    if (first) {
      System.arraycopy(phi, 0, phiOrigin, 0, 3);
      positionCorrection = correction;
    }
    double[] ref = {0, 0, 0};
    if (axis == null || Math.abs(RollAxisEstimator.dot(e1, a)) > 0.5) {
      int least = 0;
      for (int i = 1; i < 3; i++) if (Math.abs(a[i]) < Math.abs(a[least])) least = i;
      ref[least] = 1;
      haveReference = false;
      circle.restart();
    } else {
      System.arraycopy(e1, 0, ref, 0, 3);
    }
    double p = RollAxisEstimator.dot(ref, a);
    double n = 0;
    for (int i = 0; i < 3; i++) {
      e1[i] = ref[i] - p * a[i];
      n += e1[i] * e1[i];
    }
    n = Math.sqrt(n);
    for (int i = 0; i < 3; i++) e1[i] /= n;
    e2[0] = a[1] * e1[2] - a[2] * e1[1];
    e2[1] = a[2] * e1[0] - a[0] * e1[2];
    e2[2] = a[0] * e1[1] - a[1] * e1[0];
    axis = a;
    rereadRestNorm(restBefore);
    if (first && haveStillGravity) {
      // θ = 0 where the roller last rested before the axis was known; the first update snaps θ to
      // the rotation of gravity since then, which includes the start of the first stroke.
      double c1 = RollAxisEstimator.dot(stillGravity, e1);
      double c2 = RollAxisEstimator.dot(stillGravity, e2);
      if (c1 * c1 + c2 * c2 >= MIN_PLANE_G * MIN_PLANE_G) {
        accelOffset = -Atan2.of(c2, c1);
        positionOffset = accelOffset;
        haveReference = true;
        snapNext = true;
        snapRestS = 0;
      }
    }
  }

  /**
   * The length of a specific force with the accelerometer's fitted offset in the plane ⟂ a taken
   * off (g): gravity's, at any angle of the roller, when nothing else accelerates it. Gravity keeps
   * its length as the roller turns, the offset in the plane is what makes the raw length change
   * with the angle, and the part along the axis is the same at every angle.
   */
  private double gravityNorm(double x, double y, double z) {
    double c1 = x * e1[0] + y * e1[1] + z * e1[2] - circle.b1();
    double c2 = x * e2[0] + y * e2[1] + z * e2[2] - circle.b2();
    double ca = x * axis[0] + y * axis[1] + z * axis[2];
    return Math.sqrt(c1 * c1 + c2 * c2 + ca * ca);
  }

  /** {@link #gravityNorm} of the latest rest learned from; NaN before one, or before the axis. */
  private double restLength() {
    return haveRestAccel && axis != null
        ? gravityNorm(restAccel[0], restAccel[1], restAccel[2])
        : Double.NaN;
  }

  /**
   * Moves the learnt length by what the latest rest's now reads against {@code before} (its {@link
   * #restLength} before the way lengths are read changed: a new fit, axis or basis).
   */
  private void rereadRestNorm(double before) {
    if (!Double.isNaN(before)) restNorm += restLength() - before;
  }

  /**
   * Learns gravity's length as this accelerometer reads it ({@link #restNorm}, g, 1 g until then)
   * from the filtered length, averaged over {@value #REST_NORM_TAU_S} s, once the bias tracker has
   * found the roller still for {@value #REST_MIN_S} s without a break and no motor's line shows. A
   * MEMS part's zero-g offsets and sensitivity errors hold its resting norm up to {@value
   * #MAX_REST_NORM_OFF_G} g off 1 g, for good; a motor's alias near 0 Hz swings it for seconds
   * and looks still only for a moment at each end of the swing (a test roller's freed shell swung
   * 0.6 g at 0.05 Hz: within the still test's 0.02 g for 1.6 s; learnt there, 1.06 g shut out the
   * readings that showed the load leaving, and the get-off was dated 2 s late).
   * Before the offset in the plane is fitted the length is the raw one, which holds near the
   * rest's angle, where the fit's first points come from; each fit moves it by what it changes in
   * the latest rest's length, as it moves θ's reference (a fit taking 0.12 g off left the learned
   * length 0.12 g long, and shut gravity out at every angle).
   *
   * @return whether this sample was a rest it learned from
   */
  private boolean learnRestNorm(double length, double dtS, boolean still) {
    stillRunS = still ? stillRunS + dtS : 0;
    if (stillRunS < REST_MIN_S || lineAtRest() || !(dtS > 0)) return false;
    double target =
        Math.max(1 - MAX_REST_NORM_OFF_G, Math.min(1 + MAX_REST_NORM_OFF_G, length));
    restNorm += Math.min(1.0, dtS / REST_NORM_TAU_S) * (target - restNorm);
    return true;
  }

  /** Gravity's angle ψ in the plane ⟂ a (radians, as θ counts), with the fitted offset taken off. */
  private double gravityAngle(double c1, double c2) {
    return -Atan2.of(c2 - circle.b2(), c1 - circle.b1());
  }

  /** Wraps an angle to (−π, π]. */
  static double wrap(double a) {
    // Math.IEEEremainder is a native call on JDK 17 and θ runs over several turns along a back, so
    // this was a quarter of the pipeline (JFR, docs/benchmarks.md, round 6). The same exact remainder
    // in arithmetic: a − n·2π with 2π split so that both products are exact (|n| < 2^10) and the
    // first difference exact by Sterbenz's lemma, so the one rounding is of the exact remainder,
    // which is representable: bit for bit IEEEremainder's, unless a/2π is within rounding of a
    // half-integer (|w| ≈ π), where the remainder itself decides the tie.
    if (a > -Math.PI && a <= Math.PI) return a;
    if (Math.abs(a) < WRAP_FAST_LIMIT) {
      double n = Math.rint(a / TWO_PI);
      double w = (a - n * TWO_PI_HI) - n * TWO_PI_LO;
      if (w == 0) return Math.copySign(0.0, a); // IEEE: a zero remainder has the sign of a
      if (Math.abs(w) < NEAR_PI) return w;
    }
    double w = Math.IEEEremainder(a, TWO_PI);
    return w <= -Math.PI ? w + TWO_PI : w;
  }

  private static final double TWO_PI = 2 * Math.PI;
  /** 2π with the low 11 bits of its significand cleared: n·TWO_PI_HI is exact for |n| < 2^10. */
  private static final double TWO_PI_HI =
      Double.longBitsToDouble(Double.doubleToRawLongBits(TWO_PI) & ~((1L << 11) - 1));
  /** The rest of 2π: 11 significant bits, so n·TWO_PI_LO is exact too. */
  private static final double TWO_PI_LO = TWO_PI - TWO_PI_HI;
  /** |a| below this keeps |n| ≤ 160 < 2^10. */
  private static final double WRAP_FAST_LIMIT = 1000;
  /** Remainders this close to ±π go to IEEEremainder (a half-way quotient may round either way). */
  private static final double NEAR_PI = 3.14159;
}
