package com.rollercoach.core.calibration;

import com.rollercoach.core.sample.ImuSample;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * The sensor error model of one IMU and its inverse, applied sample by sample.
 *
 * <p>Accelerometer, after Tedaldi, Pretto and Menegatti, "A robust and easy to implement method for
 * IMU calibration without external equipments" (ICRA 2014): {@code a = T·K·(raw − b)} with
 * {@code b} the offset (g), {@code K = diag(scale)} and {@code T} the misalignment matrix. {@code T}
 * is upper triangular with a unit diagonal: the corrected frame is defined by the accelerometer's own
 * z axis and the y-z plane, so only three small non-orthogonality angles remain to be found.
 *
 * <p>Gyroscope: {@code ω = S·(raw − b_g)} with {@code S = diag(gyroScale)} and {@code b_g} the bias
 * (°/s) measured while still. The gyro frame is taken as the sensor frame, which is the frame the
 * roller axis is stored in.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class ImuCorrection {
  private static final ImuCorrection IDENTITY =
      new ImuCorrection(
          Vector3D.ZERO, new Vector3D(1, 1, 1), Vector3D.ZERO, new Vector3D(1, 1, 1), identityMatrix());

  private final Vector3D gyroBiasDps;
  private final Vector3D gyroScale;
  private final Vector3D accelOffsetG;
  private final Vector3D accelScale;
  private final double[][] accelMisalignment;
  /** T·K, row-major, precomputed for the per-sample path. */
  private final double[] accelMatrix = new double[9];

  public ImuCorrection(
      Vector3D gyroBiasDps,
      Vector3D gyroScale,
      Vector3D accelOffsetG,
      Vector3D accelScale,
      double[][] accelMisalignment) {
    this.gyroBiasDps = gyroBiasDps;
    this.gyroScale = gyroScale;
    this.accelOffsetG = accelOffsetG;
    this.accelScale = accelScale;
    this.accelMisalignment = copy(accelMisalignment);
    double[] k = accelScale.toArray();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        accelMatrix[3 * r + c] = this.accelMisalignment[r][c] * k[c];
      }
    }
  }

  /** No correction at all. */
  public static ImuCorrection identity() {
    return IDENTITY;
  }

  /** A unit 3×3 matrix (no misalignment). */
  public static double[][] identityMatrix() {
    return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  }

  /** This correction with another gyro bias (and unit scale kept as it is). */
  public ImuCorrection withGyroBias(Vector3D biasDps) {
    return new ImuCorrection(biasDps, gyroScale, accelOffsetG, accelScale, accelMisalignment);
  }

  /** This correction with another gyro scale per axis. */
  public ImuCorrection withGyroScale(Vector3D scale) {
    return new ImuCorrection(gyroBiasDps, scale, accelOffsetG, accelScale, accelMisalignment);
  }

  /** This correction with another accelerometer model. */
  public ImuCorrection withAccelerometer(Vector3D offsetG, Vector3D scale, double[][] misalignment) {
    return new ImuCorrection(gyroBiasDps, gyroScale, offsetG, scale, misalignment);
  }

  public ImuSample apply(ImuSample s) {
    double ux = s.axG() - accelOffsetG.getX();
    double uy = s.ayG() - accelOffsetG.getY();
    double uz = s.azG() - accelOffsetG.getZ();
    double[] m = accelMatrix;
    return new ImuSample(
        s.tS(),
        m[0] * ux + m[1] * uy + m[2] * uz,
        m[3] * ux + m[4] * uy + m[5] * uz,
        m[6] * ux + m[7] * uy + m[8] * uz,
        gyroScale.getX() * (s.gxDps() - gyroBiasDps.getX()),
        gyroScale.getY() * (s.gyDps() - gyroBiasDps.getY()),
        gyroScale.getZ() * (s.gzDps() - gyroBiasDps.getZ()));
  }

  /**
   * The raw reading this correction would turn into {@code s}: the sensor errors it models, applied
   * to true values. For simulating a miscalibrated sensor.
   */
  public ImuSample unapply(ImuSample s) {
    double[] m = accelMatrix;
    // Solve (T·K)·u = a by Cramer's rule; T·K is a near-identity 3×3.
    double det =
        m[0] * (m[4] * m[8] - m[5] * m[7])
            - m[1] * (m[3] * m[8] - m[5] * m[6])
            + m[2] * (m[3] * m[7] - m[4] * m[6]);
    double ax = s.axG();
    double ay = s.ayG();
    double az = s.azG();
    double ux =
        (ax * (m[4] * m[8] - m[5] * m[7]) - m[1] * (ay * m[8] - m[5] * az) + m[2] * (ay * m[7] - m[4] * az))
            / det;
    double uy =
        (m[0] * (ay * m[8] - m[5] * az) - ax * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * az - ay * m[6]))
            / det;
    double uz =
        (m[0] * (m[4] * az - ay * m[7]) - m[1] * (m[3] * az - ay * m[6]) + ax * (m[3] * m[7] - m[4] * m[6]))
            / det;
    return new ImuSample(
        s.tS(),
        ux + accelOffsetG.getX(),
        uy + accelOffsetG.getY(),
        uz + accelOffsetG.getZ(),
        s.gxDps() / gyroScale.getX() + gyroBiasDps.getX(),
        s.gyDps() / gyroScale.getY() + gyroBiasDps.getY(),
        s.gzDps() / gyroScale.getZ() + gyroBiasDps.getZ());
  }

  /** Corrected specific force (g) of a raw accelerometer reading (g). */
  public Vector3D correctAccel(Vector3D rawG) {
    double[] m = accelMatrix;
    Vector3D u = rawG.subtract(accelOffsetG);
    return new Vector3D(
        m[0] * u.getX() + m[1] * u.getY() + m[2] * u.getZ(),
        m[3] * u.getX() + m[4] * u.getY() + m[5] * u.getZ(),
        m[6] * u.getX() + m[7] * u.getY() + m[8] * u.getZ());
  }

  public Vector3D gyroBiasDps() {
    return gyroBiasDps;
  }

  public Vector3D gyroScale() {
    return gyroScale;
  }

  public Vector3D accelOffsetG() {
    return accelOffsetG;
  }

  public Vector3D accelScale() {
    return accelScale;
  }

  /** The misalignment matrix T (a copy). */
  public double[][] accelMisalignment() {
    return copy(accelMisalignment);
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[3][];
    for (int i = 0; i < 3; i++) c[i] = Arrays.copyOf(m[i], 3);
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImuCorrection c
        && gyroBiasDps.equals(c.gyroBiasDps)
        && gyroScale.equals(c.gyroScale)
        && accelOffsetG.equals(c.accelOffsetG)
        && accelScale.equals(c.accelScale)
        && Arrays.deepEquals(accelMisalignment, c.accelMisalignment);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(gyroBiasDps, gyroScale, accelOffsetG, accelScale)
        + Arrays.deepHashCode(accelMisalignment);
  }

  @Override
  public String toString() {
    return "ImuCorrection{gyroBiasDps="
        + gyroBiasDps
        + ", gyroScale="
        + gyroScale
        + ", accelOffsetG="
        + accelOffsetG
        + ", accelScale="
        + accelScale
        + ", accelMisalignment="
        + Arrays.deepToString(accelMisalignment)
        + "}";
  }
}
