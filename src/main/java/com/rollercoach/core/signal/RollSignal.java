package com.rollercoach.core.signal;

import com.rollercoach.core.sample.ImuSample;

/**
 * The signal stage of the pipeline: raw IMU samples at whatever rate and jitter the source delivers
 * in, a uniform {@value #GRID_HZ} Hz grid of roller motion out.
 *
 * <p>Per raw sample it first takes out a vibrating roller's motor line where a sensor without an
 * anti-alias filter has folded it into the breathing band ({@link AliasedLineCanceller}), then
 * tracks the gyro bias ({@link GyroBiasTracker}), the roll axis ({@link
 * RollAxisEstimator}), the roll angle θ with the accelerometer's drift bound ({@link
 * RollAngleTracker}) and accelerometer shocks (getting on and off, the hip drop). The detectors then
 * work on a uniform grid, linearly interpolated between raw samples, so their filters are designed
 * once, their cost does not depend on the input rate (25–1000 Hz), and dropped samples and gaps of up
 * to {@value #MAX_INTERPOLATED_GAP_S} s are bridged; longer gaps are reported and the grid restarts
 * after them.
 */
public final class RollSignal {
  public static final double GRID_HZ = 50.0;
  static final double GRID_DT = 1.0 / GRID_HZ;
  /** Longer gaps are not interpolated across: the grid jumps. */
  static final double MAX_INTERPOLATED_GAP_S = 2.0;
  /** Gaps are reported from this long on (and from 5 typical sample intervals). */
  static final double MIN_REPORTED_GAP_S = 0.25;
  /**
   * High-frequency specific force (above ≈1.6 Hz) that counts as a shock: a body landing on or
   * leaving the roller, dropping the hips. Smooth rolling stays below 0.01 g; sensor noise of a
   * consumer MEMS accelerometer is ~2–3 mg RMS at 100 Hz.
   */
  static final double SHOCK_G = 0.1;
  private static final double SHOCK_LP_TAU_S = 0.1;
  /**
   * A shock is a transient against the roller's own running level of high-frequency specific force:
   * a vibrating roller's motor shakes it by tenths of a g to over 1 g all the time, which is a property
   * of the roller, not an event, and grid foam's ridges bump it in step with the rolling speed, which
   * grows and fades over a stroke's ramps. The baseline is the mean square over {@value
   * #SHOCK_BASELINE_S} s (short enough to follow a stroke's speed, long compared with a jolt's first
   * swing),
   * and a sample is a shock when its squared residual exceeds {@value #SHOCK_RATIO}× that (4× the RMS;
   * a steady sinusoid's peaks reach only 2× its mean square) as well as {@link #SHOCK_G}².
   */
  static final double SHOCK_BASELINE_S = 0.5;
  static final double SHOCK_RATIO = 16.0;
  /**
   * Grid foam's bumps are the roller's texture rolled over: a rigid profile z(x) lifts the centre by
   * z''(x)·v² + z'(x)·a, so their energy grows as v⁴, the rolling rate's fourth power. A stroke's
   * speed doubles within a tenth of a second as it sets off, so the bumps outgrow the half-second
   * baseline 16-fold and every brisk stroke read as a jolt (seed 29000089, `grid-foam`: flags at
   * 90–160 °/s on every stroke, each pass held back 2–4 s as a possible get-off). The texture is
   * learned as the median of energy / ω⁴ while the roller rolls at least {@value #TEXTURE_MIN_DPS}
   * °/s and nothing is flagged, and a jolt must also stand {@link #SHOCK_RATIO}× above what the
   * texture explains at the rate of the moment. Measured: grid foam 1–2.5 × 10⁻¹⁰ g²/(°/s)⁴ at
   * 30–150 °/s; a smooth roller about 3 × 10⁻¹² (what it shows is the stroke's own jerk), whose term
   * stays under {@link #SHOCK_G}² / {@link #SHOCK_RATIO} up to 250 °/s. A median, not a mean: a
   * get-off's jolt rolled away at 125 °/s lifted a smooth roller's mean ratio seven-fold within
   * 30 ms, hiding itself (seed 29000110). Nor is the texture extrapolated past the rates it was
   * learned at (their 90th percentile, {@link #TEXTURE_TOP_SHARE}): a get-off's push at 270 °/s
   * after strokes of at most 150 made 16× a smooth roller's term 0.27 g², over the jolt's 0.11 g²
   * (the same seed with `clipping`).
   */
  static final double TEXTURE_MIN_DPS = 45.0;
  /**
   * How fast the texture's median follows, per second of rolling: e-fold, so a new roller is learned
   * within its first few strokes whatever the sample rate.
   */
  static final double TEXTURE_FOLLOW_PER_S = 1.0;
  /** The share of the rolling rates the texture was learned at that lie under its top (see above). */
  static final double TEXTURE_TOP_SHARE = 0.9;
  /**
   * Low-pass for bias learning, the roll-axis estimate and the rocking the on/off detector measures:
   * τ = 0.08 s per stage cuts a 25–70 Hz motor 160–1000 fold, while breathing, the heartbeat and
   * rolling (all ≤ 2 Hz) pass.
   */
  static final double RATE_LP_TAU_S = 0.08;
  /** The noise reference's axis is found again every this many grid samples (0.2 s). */
  static final int PITCH_AXIS_EVERY = 10;
  /**
   * Rotation samples count for the roll axis only while mostly perpendicular to gravity: a roller
   * turns about a (near) horizontal axis; turns about the vertical (the roller yawing as somebody
   * gets on) are not rolling. cos 60°: a roller tilted even 30° still counts.
   */
  static final double AXIS_MAX_VERTICAL_SHARE = 0.5;
  /** The grid never emits more than this many samples for one input sample (a time jump resyncs it). */
  static final int MAX_GRID_PER_SAMPLE = (int) (MAX_INTERPOLATED_GAP_S * GRID_HZ) + 2;

  /** Receives the grid and gap reports. */
  public interface Listener {
    /**
     * One grid sample.
     *
     * @param sCm contact position along the back, s = r·θ (0 until the axis is known)
     * @param thetaDeg roll angle, degrees, fused with gravity (0 until the axis is known)
     * @param rockingDeg the angle small rocking (breathing) is read from, degrees: {@link
     *     RollAngleTracker#rockingTheta()} (θ, or under a motor's line θ with a long pull to
     *     gravity) minus the echo of the bias estimate's own updates ({@link BiasEstimateEcho}: the
     *     estimate converging during a still is not the roller turning); 0 until the axis is known
     * @param rollPhiDeg roll angle from the raw gyro alone (∫a·dΦ about the axis as estimated at
     *     each sample), degrees, NaN until the axis is known; it includes the bias as a ramp, for
     *     detectors that detrend
     * @param phiDeg the raw gyro's integrated rate vector Φ = ∫ω dt, degrees, bias included (reused
     *     array: copy to keep)
     * @param shock whether an accelerometer shock happened since the previous grid sample
     */
    void grid(
        double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg, double[] phiDeg,
        boolean shock);

    /** Samples were missing between two times. */
    void gap(double fromS, double toS);

    /**
     * The shock at {@code shockS} (already reported on the grid) was a vibrating roller's motor
     * switched on or off ({@link MotorSwitch}), not a body's jolt.
     */
    default void motorSwitched(double shockS) {}

    /**
     * A vibrating roller's shaking, once per grid sample, just before it: RMS g of the specific force
     * about the gyro-turned gravity, above ≈ 0.3 Hz ({@link RestShaking}), so a motor line aliased
     * to any frequency counts; the roller's own acceleration counts too, so it is the motor's only
     * while the roller rests.
     */
    default void motorLevel(double levelG) {}

    /**
     * The gyro's angle about the axis across the roll axis and gravity, once per grid sample, just
     * before it: degrees, integrated from the low-passed raw rates like {@code rollPhiDeg} (bias
     * included, NaN until the roll axis is known). A roller lying on a floor cannot turn about that
     * axis (it would lift one end), so this angle is the gyro's own noise, measured at the same
     * time, the same way and at the same rate as the roll angle, whoever lies on the roller.
     */
    default void noiseReference(double pitchPhiDeg) {}
  }

  private final double radiusCm;
  private final Listener listener;
  private final GyroBiasTracker bias = new GyroBiasTracker();
  private final RollAxisEstimator axis;
  private final RollAngleTracker angle = new RollAngleTracker();
  private final BiasEstimateEcho echo = new BiasEstimateEcho();
  private final GyroSaturation saturation = new GyroSaturation();
  private final MotorSwitch motorSwitch = new MotorSwitch();
  private final RestShaking restShaking = new RestShaking();
  private final AliasedLineCanceller aliased = new AliasedLineCanceller();
  private final DeliveryClock clock = new DeliveryClock(this::process);
  private final Smoother lpRate = new Smoother(RATE_LP_TAU_S);
  private final Smoother lpAccel = new Smoother(RATE_LP_TAU_S);
  private double shockBaseline = Double.NaN;
  /** The texture's shock energy per (°/s)⁴ of rolling rate, g²/(°/s)⁴ (NaN until rolled). */
  private double textureRatio = Double.NaN;
  /** The top of the rates it was learned at, °/s (their {@link #TEXTURE_TOP_SHARE} quantile). */
  private double textureTopDps = TEXTURE_MIN_DPS;
  /**
   * Jolts of a body landing on or leaving foam ring at 3–8 Hz; a vibration motor runs at 25–70 Hz.
   * A 2-pole low-pass at ≈ 16 Hz (τ = 0.01 s per stage) keeps the jolt and cuts the motor 7-fold at
   * 40 Hz before the transient test (at low sample rates the motor is aliased and only the baseline
   * helps).
   */
  private final Smoother shockLp = new Smoother(0.01);
  /** Shock = specific force minus gravity turned by the gyro, relaxing with {@value #SHOCK_LP_TAU_S} s. */
  private final TurnedGravity shockGravity = new TurnedGravity(SHOCK_LP_TAU_S);
  private final double[] phiDeg = new double[3];
  private final double[] prevPhi = new double[3];
  private final double[] curPhi = new double[3];
  private final double[] rawPhi = new double[3]; // ∫ raw ω dt, degrees: bias stays a pure ramp
  private final double[] prevRawPhi = new double[3];
  private final double[] prevRaw = new double[3];
  private boolean primed;
  /** Whether the bias tracker had an estimate at the previous sample. */
  private boolean biasKnown;
  private double prevT;
  private double prevS;
  private double prevTheta;
  private double prevRocking;
  private double prevRollPhi;
  /**
   * ∫ a·dΦ, degrees: the roll angle summed from Φ's increments about the axis as estimated at each
   * sample (NaN until the axis is known). Not a·Φ: Φ carries the bias as a ramp (tens of degrees
   * within a minute), so a re-solved axis would step a·Φ by Δa·Φ — a vibrating roller's wobble
   * re-solves it every 0.25 s before anyone rolls it, and those steps read as a person lying on it
   * (seed 30000131).
   */
  private double rollPhiSum = Double.NaN;
  /** ∫ (e · ω_lp) dt about e = roll axis × gravity, degrees (see {@link Listener#noiseReference}). */
  private double pitchPhi;
  /** Φ at the previous grid sample, for the reference's increments (NaN before the first). */
  private final double[] gridPhi = {Double.NaN, Double.NaN, Double.NaN};
  private final double[] pitchAxis = {Double.NaN, 0, 0};
  private int pitchAxisAge;
  private double typicalDt = Double.NaN;
  private double nextGridT;
  private boolean shockPending;
  private double lastS;
  private double lastTheta;

  /**
   * @param rollerDiameterCm the diameter the roller rolls with under a back (a label's flattened by
   *     {@link RollingRadius}: see {@code PipelineConfig#rollingDiameterCm}): s = (d/2)·θ
   * @param knownAxis the roll axis in sensor coordinates when a calibration knows it, else null
   */
  public RollSignal(double rollerDiameterCm, double[] knownAxis, Listener listener) {
    this.radiusCm = rollerDiameterCm / 2;
    this.axis = knownAxis != null ? new RollAxisEstimator(knownAxis) : new RollAxisEstimator();
    this.listener = listener;
  }

  /**
   * One raw sample, in the order received. Samples a link delivered late in a burst are first put
   * back on the device's clock ({@link DeliveryClock}); re-sent rows are dropped.
   */
  public void accept(ImuSample x) {
    clock.accept(x);
  }

  /** No more samples: a sample held to tell a stall from loss is processed. */
  public void flush() {
    clock.flush();
  }

  private void process(ImuSample x) {
    double t = x.tS();
    if (!Double.isFinite(t)) return;
    double dt = primed ? t - prevT : 0;
    if (primed && !(dt > 0)) return; // the delivery clock keeps time rising; defensive
    // Across a gap the low-passes go on as if one ordinary period had passed (as RollAngleTracker's
    // do): stepped by the whole gap they would jump onto the one sample after it, its noise and
    // all, and the raw angle bridges the gap with that rate — on an empty 1000 Hz roller a 0.18 s
    // loss put a 0.03° kink in the rocking residual, which read as somebody getting on (seed
    // 11000049, ble-stalls)
    double filterDt = dt > RollAngleTracker.SNAP_GAP_S && !Double.isNaN(typicalDt) ? typicalDt : dt;
    // a motor line folded below 2 Hz comes out of the rates and of gravity's reference first; the
    // shaking's measures (shock, motor level, switch) keep the raw specific force
    aliased.update(
        x.gxDps(), x.gyDps(), x.gzDps(), x.axG(), x.ayG(), x.azG(), filterDt, axis.axis());
    double gxIn = aliased.gx();
    double gyIn = aliased.gy();
    double gzIn = aliased.gz();
    lpRate.update(gxIn, gyIn, gzIn, filterDt);
    lpAccel.update(x.axG(), x.ayG(), x.azG(), filterDt);
    double lgx = lpRate.x();
    double lgy = lpRate.y();
    double lgz = lpRate.z();
    // bias learning on low-passed rates and specific force: works while a motor shakes the roller
    boolean still =
        bias.update(lgx, lgy, lgz, lpAccel.x(), lpAccel.y(), lpAccel.z(), dt);
    if (!biasKnown && bias.estimated()) {
      biasKnown = true;
      double[] a0 = axis.axis();
      if (a0 != null) {
        angle.biasStepped(a0[0] * bias.bias(0) + a0[1] * bias.bias(1) + a0[2] * bias.bias(2));
      }
    }
    double wx = gxIn - bias.bias(0);
    double wy = gyIn - bias.bias(1);
    double wz = gzIn - bias.bias(2);
    if (primed) {
      double cx = lgx - bias.bias(0);
      double cy = lgy - bias.bias(1);
      double cz = lgz - bias.bias(2);
      double corrected = Math.sqrt(cx * cx + cy * cy + cz * cz);
      // a roller the bias tracker finds still is not rolling, whatever its (unknown) bias reads
      if (!still && mostlyHorizontal(cx, cy, cz, corrected)) {
        if (biasKnown) axis.bias(bias.bias(0), bias.bias(1), bias.bias(2));
        axis.update(lgx, lgy, lgz, corrected, Math.min(dt, 0.1));
      }
    }
    if (saturation.update(x.gxDps(), x.gyDps(), x.gzDps())) angle.markSaturated();
    angle.biasEstimated(bias.estimated());
    angle.biasNow(bias.bias(0), bias.bias(1), bias.bias(2));
    angle.shaking(restShaking.levelG());
    double theta =
        angle.update(wx, wy, wz, aliased.ax(), aliased.ay(), aliased.az(), dt, axis.axis(), still);
    boolean hadShock = shockPending;
    trackShock(x, wx, wy, wz, dt);
    if (shockPending && !hadShock) aliased.jolted();
    restShaking.update(x.axG(), x.ayG(), x.azG(), wx, wy, wz, dt);
    double switched =
        motorSwitch.update(
            t, x.axG(), x.ayG(), x.azG(), restShaking.residual2(), shockPending && !hadShock);

    double[] a = axis.axis();
    integrateRaw(lgx, lgy, lgz, dt);
    System.arraycopy(rawPhi, 0, curPhi, 0, 3);
    double thetaDeg = Double.isNaN(theta) ? 0 : Math.toDegrees(theta);
    double rocking = angle.rockingTheta();
    double rockingDeg =
        Double.isNaN(rocking)
            ? 0
            : Math.toDegrees(rocking)
                - echo.update(
                    bias, a, dt, angle.rockingGravityUsed(), angle.rockingUnderLine(),
                    angle.rockingRestarted());
    double s = Double.isNaN(theta) ? 0 : radiusCm * theta;
    if (a == null) {
      rollPhiSum = Double.NaN;
    } else if (Double.isNaN(rollPhiSum)) {
      rollPhiSum = a[0] * curPhi[0] + a[1] * curPhi[1] + a[2] * curPhi[2];
    } else {
      rollPhiSum +=
          a[0] * (curPhi[0] - prevPhi[0])
              + a[1] * (curPhi[1] - prevPhi[1])
              + a[2] * (curPhi[2] - prevPhi[2]);
    }
    double rollPhi = rollPhiSum;

    if (!primed) {
      primed = true;
      nextGridT = t;
    } else {
      boolean isGap = dt >= MIN_REPORTED_GAP_S && (Double.isNaN(typicalDt) || dt > 5 * typicalDt);
      if (isGap) listener.gap(prevT, t);
      else typicalDt = Double.isNaN(typicalDt) ? dt : typicalDt + 0.01 * (dt - typicalDt);
      if (dt > MAX_INTERPOLATED_GAP_S || t - nextGridT > MAX_INTERPOLATED_GAP_S) nextGridT = t;
    }
    int emitted = 0;
    while (nextGridT <= t) {
      if (++emitted > MAX_GRID_PER_SAMPLE || nextGridT + GRID_DT == nextGridT) {
        nextGridT = t + GRID_DT; // a jump or a time too large to step in: resync, never spin
        break;
      }
      double f = dt > 0 ? (nextGridT - prevT) / dt : 1;
      if (f < 0) f = 0;
      for (int i = 0; i < 3; i++) phiDeg[i] = prevPhi[i] + f * (curPhi[i] - prevPhi[i]);
      listener.motorLevel(restShaking.levelG());
      listener.noiseReference(integratePitch(a));
      listener.grid(
          nextGridT,
          lerp(prevS, s, f),
          lerp(prevTheta, thetaDeg, f),
          lerp(prevRocking, rockingDeg, f),
          Double.isNaN(prevRollPhi) ? rollPhi : lerp(prevRollPhi, rollPhi, f),
          phiDeg,
          shockPending);
      shockPending = false;
      nextGridT += GRID_DT;
    }
    prevT = t;
    prevS = s;
    prevTheta = thetaDeg;
    prevRocking = rockingDeg;
    prevRollPhi = rollPhi;
    System.arraycopy(curPhi, 0, prevPhi, 0, 3);
    lastS = s;
    lastTheta = thetaDeg;
    if (!Double.isNaN(switched)) listener.motorSwitched(switched);
  }

  /**
   * Integrates the raw (not bias-corrected) rate. Detectors that look for small rocking detrend this
   * over a few seconds, which removes any constant bias exactly, whereas the bias-corrected integral
   * bends whenever the bias estimate is updated.
   */
  private void integrateRaw(double gx, double gy, double gz, double dt) {
    if (dt > 0 && dt <= MAX_INTERPOLATED_GAP_S) {
      rawPhi[0] += 0.5 * (prevRaw[0] + gx) * dt;
      rawPhi[1] += 0.5 * (prevRaw[1] + gy) * dt;
      rawPhi[2] += 0.5 * (prevRaw[2] + gz) * dt;
    }
    prevRaw[0] = gx;
    prevRaw[1] = gy;
    prevRaw[2] = gz;
  }

  /**
   * The gyro's angle about the axis across the roll axis and gravity (the gravity direction from the
   * low-passed specific force), summed from the grid's increments of Φ (the integrated low-passed
   * raw rates: {@link #phiDeg}): at the grid's rate, not the input's, as the detectors read it. NaN
   * until the roll axis is known, or while gravity is unusable or along the roll axis.
   */
  private double integratePitch(double[] a) {
    double dx = phiDeg[0] - gridPhi[0];
    double dy = phiDeg[1] - gridPhi[1];
    double dz = phiDeg[2] - gridPhi[2];
    gridPhi[0] = phiDeg[0];
    gridPhi[1] = phiDeg[1];
    gridPhi[2] = phiDeg[2];
    if (a == null) return Double.NaN;
    // the axis moves with gravity only as the roller turns, and the reference serves only while it
    // rests: found again every PITCH_AXIS_EVERY grid samples, not at each
    if (--pitchAxisAge <= 0) {
      pitchAxisAge = PITCH_AXIS_EVERY;
      double fx = lpAccel.x();
      double fy = lpAccel.y();
      double fz = lpAccel.z();
      double ex = a[1] * fz - a[2] * fy;
      double ey = a[2] * fx - a[0] * fz;
      double ez = a[0] * fy - a[1] * fx;
      double norm = Math.sqrt(ex * ex + ey * ey + ez * ez);
      if (norm > 0.5) {
        pitchAxis[0] = ex / norm;
        pitchAxis[1] = ey / norm;
        pitchAxis[2] = ez / norm;
      } else {
        pitchAxis[0] = Double.NaN; // no usable gravity, or the roller stands on end
      }
    }
    if (Double.isNaN(pitchAxis[0])) return Double.NaN;
    if (!Double.isNaN(dx)) pitchPhi += pitchAxis[0] * dx + pitchAxis[1] * dy + pitchAxis[2] * dz;
    return pitchPhi;
  }

  /** Whether the rotation (bias-corrected, °/s) is mostly about a horizontal axis (see above). */
  private boolean mostlyHorizontal(double cx, double cy, double cz, double rate) {
    double gx = lpAccel.x();
    double gy = lpAccel.y();
    double gz = lpAccel.z();
    double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
    if (!(g > 0.5) || !(rate > 0)) return true; // no usable gravity: do not judge
    return Math.abs(cx * gx + cy * gy + cz * gz) / (g * rate) <= AXIS_MAX_VERTICAL_SHARE;
  }

  /**
   * Shock = specific force minus a gravity estimate that the gyro turns with the roller (dg/dt = −ω×g
   * in the sensor frame) and that relaxes to the measurement with a 0.1 s time constant ({@link
   * TurnedGravity}), both taken after the 16 Hz low-pass. Turning the estimate with the gyro keeps
   * brisk rolling, which swings gravity through the sensor frame at up to 1 g/s, from looking like a
   * shock.
   */
  private void trackShock(ImuSample x, double wxDps, double wyDps, double wzDps, double dt) {
    if (dt == 0 || dt > RollAngleTracker.SNAP_GAP_S) { // across a gap the turned estimate is a guess
      shockLp.reset(x.axG(), x.ayG(), x.azG());
      shockGravity.reset(x.axG(), x.ayG(), x.azG());
      return;
    }
    shockLp.update(x.axG(), x.ayG(), x.azG(), dt);
    double d2 = shockGravity.update(shockLp.x(), shockLp.y(), shockLp.z(), wxDps, wyDps, wzDps, dt);
    if (Double.isNaN(shockBaseline)) shockBaseline = d2;
    double w2 = wxDps * wxDps + wyDps * wyDps + wzDps * wzDps;
    double w4 = w2 * w2;
    double top2 = textureTopDps * textureTopDps;
    double texture = Double.isNaN(textureRatio) ? 0 : textureRatio * Math.min(w4, top2 * top2);
    boolean jolt = d2 > SHOCK_G * SHOCK_G && d2 > SHOCK_RATIO * Math.max(shockBaseline, texture);
    if (jolt) shockPending = true;
    shockBaseline += Math.min(1, dt / SHOCK_BASELINE_S) * (d2 - shockBaseline);
    if (!jolt && w2 >= TEXTURE_MIN_DPS * TEXTURE_MIN_DPS) {
      // a running median: a fixed step up or down in proportion (the step, for the rates here, is
      // far under the ratio's spread)
      double step = Math.min(1, dt * TEXTURE_FOLLOW_PER_S);
      if (Double.isNaN(textureRatio)) {
        if (d2 > 0) textureRatio = d2 / w4;
      } else {
        textureRatio = d2 > textureRatio * w4 ? textureRatio * (1 + step) : textureRatio / (1 + step);
      }
      // a quantile: up by share/(1 − share) steps, down by one
      double up = TEXTURE_TOP_SHARE / (1 - TEXTURE_TOP_SHARE);
      textureTopDps =
          w2 > top2 ? textureTopDps * (1 + up * step) : Math.max(TEXTURE_MIN_DPS, textureTopDps / (1 + step));
    }
  }

  private static double lerp(double a, double b, double f) {
    return a + f * (b - a);
  }

  /** Contact position after the latest raw sample, cm. */
  public double positionCm() {
    return lastS;
  }

  public double thetaDeg() {
    return lastTheta;
  }

  /** The roll axis estimate (unit vector, sensor frame), null while unknown. */
  public double[] rollAxis() {
    double[] a = axis.axis();
    return a == null ? null : a.clone();
  }

  public GyroBiasTracker bias() {
    return bias;
  }
}
