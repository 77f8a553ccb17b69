package com.rollercoach.core.signal;

/**
 * Estimates the gyroscope's zero-rate offset (bias) from still periods and keeps tracking it as it
 * drifts with temperature.
 *
 * <p>Method: x-io Technologies' Fusion AHRS library, {@code FusionOffset} (S. Madgwick, <a
 * href="https://github.com/xioTechnologies/Fusion">github.com/xioTechnologies/Fusion</a>): the offset
 * is updated only after the bias-corrected rate has stayed under a threshold (3 °/s) on every axis for
 * a timeout, and then by a first-order low-pass filter with a 0.02 Hz cutoff, so slow genuine motion
 * cannot be learned as bias. Two additions for this application:
 *
 * <ul>
 *   <li>Before the first estimate, a MEMS bias can exceed the 3 °/s threshold (the MPU-6050's data
 *       sheet allows ±20 °/s), so stillness is judged from steadiness instead: the rate and the
 *       specific force must both stay close to their own recent averages (a rolling roller turns
 *       gravity in the sensor frame at its rotation rate, so the accelerometer sees slow rolling that a
 *       steady-rate test alone would miss). The first estimate is the mean rate over that still window.
 *   <li>Time is handled by the sample timestamps (dt), not a fixed sample rate, so jitter, drops and
 *       rates from 25 to 1000 Hz need no configuration.
 *   <li>A vibrating roller whose motor runs from before anybody lies on it, sampled at 25–52 Hz, shows
 *       the motor aliased to a steady line of tenths of a g and °/s at 0.5–3 Hz, in every sample:
 *       neither steadiness test ever passes and the bias was never learnt (round 7: the breath
 *       counter's long pull needs an estimate). So a first estimate may also come from a slower
 *       look: rate and specific force through a further {@value #SLOW_TAU_S} s two-pole low-pass
 *       (a 0.66 Hz line cut 18-fold, 1.2 Hz 57-fold), sampled every {@value #SLOW_STEP_S} s; when
 *       {@value #SLOW_SNAPSHOTS} snapshots in a row agree within {@value #SLOW_RATE_DPS} °/s and
 *       {@value #SLOW_ACCEL_G} g, the roller rested over those seconds (the slowest roll turns
 *       gravity by 0.13 g per step) and the mean of the rate snapshots is the estimate. It is
 *       only a first estimate: tracking goes on by the per-sample tests, as before.
 * </ul>
 */
public final class GyroBiasTracker {
  /** Fusion's threshold: a rate above this on any axis is motion. */
  static final double THRESHOLD_DPS = 3.0;
  /** Rate steadiness for the first estimate: breathing rocks a loaded roller by well under 1 °/s. */
  static final double STEADY_RATE_DPS = 1.0;
  /** Specific-force steadiness: the slowest roll (0.5 cm/s on a 15 cm roller) turns gravity by 0.07 g/s. */
  static final double STEADY_ACCEL_G = 0.02;
  /** How long the gyro must stay still before its mean is trusted (Fusion uses 5 s). */
  static final double TIMEOUT_S = 3.0;
  /** Fusion's tracking low-pass cutoff. */
  static final double CUTOFF_HZ = 0.02;
  /** The slower look for a first estimate under a steady line (see the class comment). */
  static final double SLOW_TAU_S = 1.0;
  static final double SLOW_STEP_S = 2.0;
  static final int SLOW_SNAPSHOTS = 4;
  static final double SLOW_RATE_DPS = 0.5;
  static final double SLOW_ACCEL_G = 0.05;

  /** Time constant of the recent averages the steadiness tests compare with. */
  private static final double STEADY_TAU_S = 0.5;
  /**
   * The sample side of the steadiness tests is itself smoothed over this time, so white noise (a
   * 0.015 °/s/√Hz gyro sampled at 1 kHz has 0.34 °/s RMS per sample) does not break stillness.
   */
  private static final double SMOOTH_TAU_S = 0.05;

  private final double[] bias = new double[3];
  private final double[] rateAvg = new double[3];
  private final double[] accelAvg = new double[3];
  private final double[] rateSmooth = new double[3];
  private final double[] accelSmooth = new double[3];
  private final double[] windowSum = new double[3];
  private final DtGain trackGain = new DtGain(dt -> 1 - Math.exp(-2 * Math.PI * CUTOFF_HZ * dt));
  private double windowS;
  private final Smoother slowRate = new Smoother(SLOW_TAU_S);
  private final Smoother slowAccel = new Smoother(SLOW_TAU_S);
  private final double[][] snapRate = new double[SLOW_SNAPSHOTS][3];
  private final double[][] snapAccel = new double[SLOW_SNAPSHOTS][3];
  private int snaps;
  private double sinceSnapS;
  private double stillS;
  private boolean estimated;
  private boolean primed;

  /**
   * Feeds one sample: rates in °/s, specific force in g, {@code dtS} since the previous sample.
   *
   * @return whether this sample counted as still
   */
  public boolean update(
      double gx, double gy, double gz, double ax, double ay, double az, double dtS) {
    if (!primed) {
      primed = true;
      rateAvg[0] = gx;
      rateAvg[1] = gy;
      rateAvg[2] = gz;
      accelAvg[0] = ax;
      accelAvg[1] = ay;
      accelAvg[2] = az;
      System.arraycopy(rateAvg, 0, rateSmooth, 0, 3);
      System.arraycopy(accelAvg, 0, accelSmooth, 0, 3);
      return false;
    }
    if (!estimated && slowFirstEstimate(gx, gy, gz, ax, ay, az, dtS)) return false;
    double k = Math.min(1.0, dtS / STEADY_TAU_S);
    double ks = Math.min(1.0, dtS / SMOOTH_TAU_S);
    smooth(rateSmooth, gx, gy, gz, ks);
    smooth(accelSmooth, ax, ay, az, ks);
    boolean steady =
        steadyAndTrack(rateAvg, rateSmooth, k, STEADY_RATE_DPS)
            & steadyAndTrack(accelAvg, accelSmooth, k, STEADY_ACCEL_G);
    boolean slow =
        !estimated
            || (Math.abs(gx - bias[0]) < THRESHOLD_DPS
                && Math.abs(gy - bias[1]) < THRESHOLD_DPS
                && Math.abs(gz - bias[2]) < THRESHOLD_DPS);
    if (!(steady && slow) || dtS > TIMEOUT_S) {
      stillS = 0;
      windowS = 0;
      windowSum[0] = windowSum[1] = windowSum[2] = 0;
      return false;
    }
    stillS += dtS;
    if (!estimated) {
      windowSum[0] += gx * dtS;
      windowSum[1] += gy * dtS;
      windowSum[2] += gz * dtS;
      windowS += dtS;
      if (stillS >= TIMEOUT_S) {
        for (int i = 0; i < 3; i++) bias[i] = windowSum[i] / windowS;
        estimated = true;
      }
    } else if (stillS >= TIMEOUT_S) {
      double alpha = trackGain.of(dtS);
      bias[0] += alpha * (gx - bias[0]);
      bias[1] += alpha * (gy - bias[1]);
      bias[2] += alpha * (gz - bias[2]);
    }
    return true;
  }

  /**
   * The slower look for a first estimate (class comment). Returns whether it has just made one; the
   * sample itself is then not judged still (the per-sample tests take over from the next one).
   */
  private boolean slowFirstEstimate(
      double gx, double gy, double gz, double ax, double ay, double az, double dtS) {
    slowRate.update(gx, gy, gz, dtS);
    slowAccel.update(ax, ay, az, dtS);
    if (dtS > TIMEOUT_S) snaps = 0; // a gap: what rested before it says nothing now
    sinceSnapS += dtS;
    if (sinceSnapS < SLOW_STEP_S) return false;
    sinceSnapS = 0;
    int i = snaps % SLOW_SNAPSHOTS;
    snapRate[i][0] = slowRate.x();
    snapRate[i][1] = slowRate.y();
    snapRate[i][2] = slowRate.z();
    snapAccel[i][0] = slowAccel.x();
    snapAccel[i][1] = slowAccel.y();
    snapAccel[i][2] = slowAccel.z();
    snaps++;
    if (snaps < SLOW_SNAPSHOTS) return false;
    for (int axis = 0; axis < 3; axis++) {
      if (spread(snapRate, axis) >= SLOW_RATE_DPS || spread(snapAccel, axis) >= SLOW_ACCEL_G) {
        return false;
      }
    }
    for (int axis = 0; axis < 3; axis++) {
      double sum = 0;
      for (double[] r : snapRate) sum += r[axis];
      bias[axis] = sum / SLOW_SNAPSHOTS;
    }
    estimated = true;
    return true;
  }

  private static double spread(double[][] snaps, int axis) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] v : snaps) {
      lo = Math.min(lo, v[axis]);
      hi = Math.max(hi, v[axis]);
    }
    return hi - lo;
  }

  private static void smooth(double[] v, double x, double y, double z, double k) {
    v[0] += k * (x - v[0]);
    v[1] += k * (y - v[1]);
    v[2] += k * (z - v[2]);
  }

  private static boolean steadyAndTrack(double[] avg, double[] now, double k, double limit) {
    double x = now[0];
    double y = now[1];
    double z = now[2];
    boolean steady =
        Math.abs(x - avg[0]) < limit && Math.abs(y - avg[1]) < limit && Math.abs(z - avg[2]) < limit;
    avg[0] += k * (x - avg[0]);
    avg[1] += k * (y - avg[1]);
    avg[2] += k * (z - avg[2]);
    return steady;
  }

  /** Whether a still period has given a first estimate yet (before that the bias reads 0). */
  public boolean estimated() {
    return estimated;
  }

  /** Current bias on axis 0 (x), 1 (y) or 2 (z), °/s. */
  public double bias(int axis) {
    return bias[axis];
  }

  /** Starts from a known bias (a calibration), still tracking it afterwards. */
  public void preset(double bx, double by, double bz) {
    bias[0] = bx;
    bias[1] = by;
    bias[2] = bz;
    estimated = true;
  }
}
