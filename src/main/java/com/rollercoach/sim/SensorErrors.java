package com.rollercoach.sim;

import static com.rollercoach.sim.Person.between;

import java.util.SplittableRandom;

/**
 * One part's imperfections, drawn once per session from its {@link ImuModel} budget, and applied to
 * the true angular rate and specific force of every sample: reading = (I + S)·true + bias(t) + noise,
 * then 16-bit quantisation with saturation at the full-scale range.
 *
 * <p>Bias over time: b(t) = b₀ + Δ·(1 − e^{−t/τ}) + w(t), a warm-up step Δ with time constant τ of a
 * few minutes plus a random walk w; white noise σ = density·√(f_s/2), the datasheet density over the
 * Nyquist bandwidth.
 */
public final class SensorErrors {
  private final DeviceSetup device;
  private final double[] gyroBias = new double[3];
  private final double[] gyroWarmup = new double[3];
  private final double[] accelBias = new double[3];
  private final double[] accelWarmup = new double[3];
  private double warmupTauS;
  private final double[] gyroMatrix = new double[9];
  private final double[] accelMatrix = new double[9];
  private final long noiseSeed;

  private SensorErrors(DeviceSetup device, SplittableRandom rnd) {
    this.device = device;
    ImuModel imu = device.imu();
    for (int i = 0; i < 3; i++) {
      gyroBias[i] = between(rnd, -0.5, 0.5) * imu.gyroOffsetDps();
      gyroWarmup[i] = imu.gyroWarmupDps() * rnd.nextGaussian();
      accelBias[i] = between(rnd, -0.5, 0.5) * imu.accelOffsetG();
      accelWarmup[i] = 0.002 * rnd.nextGaussian();
    }
    warmupTauS = between(rnd, 100, 400);
    fillMatrix(gyroMatrix, imu, rnd);
    fillMatrix(accelMatrix, imu, rnd);
    noiseSeed = rnd.nextLong();
    // one part in four is anywhere inside its datasheet's bound: a hobby board nobody screened or
    // calibrated (an ADXL335 at ±150 mg holds its resting norm 0.1–0.25 g off 1 g). Drawn from
    // the noise seed, so that every other draw of the session stays as it was.
    if (new SplittableRandom(noiseSeed ^ UNSCREENED_SALT).nextDouble() < UNSCREENED_SHARE) {
      for (int i = 0; i < 3; i++) accelBias[i] *= 2;
    }
  }

  /** The share of parts whose accelerometer offset is drawn within the whole datasheet bound. */
  static final double UNSCREENED_SHARE = 0.25;

  private static final long UNSCREENED_SALT = 0x9E3779B97F4A7C15L;

  public static SensorErrors draw(DeviceSetup device, SplittableRandom rnd) {
    return new SensorErrors(device, rnd);
  }

  private static void fillMatrix(double[] m, ImuModel imu, SplittableRandom rnd) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        m[3 * i + j] =
            i == j
                ? 1 + between(rnd, -0.5, 0.5) * imu.scaleTolerance()
                : between(rnd, -0.5, 0.5) * imu.crossAxis();
      }
    }
  }

  /**
   * A part that warms up a lot after power-on (a board next to a regulator or a battery charger): a
   * gyro bias step of 1–3 °/s per axis with a 60–200 s time constant, several times the datasheet's
   * typical drift, so bias learned in the first still period is wrong a minute later.
   */
  public SensorErrors withLargeWarmup(java.util.random.RandomGenerator rnd) {
    for (int i = 0; i < 3; i++) gyroWarmup[i] = (rnd.nextBoolean() ? 1 : -1) * between(rnd, 1, 3);
    warmupTauS = between(rnd, 60, 200);
    return this;
  }

  /** Gyro bias at power-on, °/s (for the truth file). */
  public double[] gyroBiasDps() {
    return gyroBias.clone();
  }

  /** Accelerometer offset at power-on, g. */
  public double[] accelBiasG() {
    return accelBias.clone();
  }

  /** A fresh measuring chain with the same imperfections and the same noise sequence. */
  public Chain newChain() {
    return new Chain();
  }

  /** Applies the errors sample after sample; holds the random-walk state and the noise generator. */
  public final class Chain {
    private final SplittableRandom noise = new SplittableRandom(noiseSeed);
    private final double[] walk = new double[3];
    private final double gyroSigma;
    private final double accelSigma;
    private final double gyroLsb;
    private final double accelLsb;
    private double lastT = Double.NaN;

    private Chain() {
      double bandwidth = Math.sqrt(device.rateHz() / 2);
      gyroSigma = device.imu().gyroNoiseDpsPerRtHz() * bandwidth;
      accelSigma = device.imu().accelNoiseGPerRtHz() * bandwidth;
      gyroLsb = device.gyroFullScaleDps() / 32768;
      accelLsb = device.accelFullScaleG() / 32768;
    }

    /**
     * Turns true sensor-frame readings at physical time {@code t} into what the part reports.
     *
     * @param gyroDps true angular rate, °/s, overwritten with the reading
     * @param accelG true specific force, g, overwritten with the reading
     */
    public void measure(double t, double[] gyroDps, double[] accelG) {
      double dt = Double.isNaN(lastT) ? 0 : t - lastT;
      lastT = t;
      double step = device.imu().gyroRandomWalkDpsPerRtS() * Math.sqrt(Math.max(0, dt));
      double warm = 1 - Math.exp(-t / warmupTauS);
      for (int i = 0; i < 3; i++) walk[i] += step * noise.nextGaussian();
      double[] g = apply(gyroMatrix, gyroDps);
      double[] a = apply(accelMatrix, accelG);
      for (int i = 0; i < 3; i++) {
        double gb = gyroBias[i] + gyroWarmup[i] * warm + walk[i];
        double ab = accelBias[i] + accelWarmup[i] * warm;
        gyroDps[i] = quantise(g[i] + gb + gyroSigma * noise.nextGaussian(), gyroLsb);
        accelG[i] = quantise(a[i] + ab + accelSigma * noise.nextGaussian(), accelLsb);
      }
    }

    private double[] apply(double[] m, double[] v) {
      return new double[] {
        m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
        m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
        m[6] * v[0] + m[7] * v[1] + m[8] * v[2]
      };
    }
  }

  /** Rounds to the nearest 16-bit count and saturates at the ends of the range. */
  static double quantise(double value, double lsb) {
    long counts = Math.round(value / lsb);
    counts = Math.max(-32768, Math.min(32767, counts));
    return counts * lsb;
  }
}
