package com.rollercoach.core.signal;

/**
 * Finds the roller's axis in sensor coordinates from the angular velocity alone.
 *
 * <p>A roller only turns about its own axis, which is fixed in the sensor frame however the sensor is
 * mounted, so every angular-velocity sample ω during rolling is (up to noise) a multiple of that axis.
 * The axis is therefore the principal direction of the samples: the eigenvector with the largest
 * eigenvalue of their scatter C = Σ w (ω − c)(ω − c)ᵀ / Σ w — principal component analysis (Jolliffe,
 * <i>Principal Component Analysis</i>, 2nd ed., §1.1; the eigen-solver is {@link SymmetricEigen3},
 * Jacobi rotations). Each sample weighs w = dt / |ω|², its direction only, so every second of turning
 * counts alike: weighted by energy, half a second of the get-on's jostle at 100 °/s outweighed 40 s
 * of a slow first stroke. The centre c is the weighted mean ω̄ until the gyro's bias is known: a
 * constant bias only moves the mean, which the centring removes, so the axis is right before the bias
 * is known (a MEMS gyro's bias can be 20 °/s, as large as slow rolling). Once it is known ({@link
 * #bias}), c is the bias: about the mean, a one-way stroke's steady rate looks like a bias and
 * teaches nothing until it reverses. Running sums keep O(1) memory for any session length, and the
 * scatter is sign-blind, so rolling up and rolling down both reinforce the same axis.
 *
 * <p>Only motion samples count (bias-corrected |ω| between {@value #MIN_RATE_DPS} and {@value
 * #MAX_RATE_DPS} °/s):
 * still periods carry noise and bias residue, and faster rates are jostles (getting on and off), not
 * rolling. An eigenvector's sign is arbitrary, so the first estimate is signed to make its largest
 * component positive and every later one to agree with its predecessor: s(t) never flips direction
 * mid-session.
 */
public final class RollAxisEstimator {
  static final double MIN_RATE_DPS = 8.0;
  static final double MAX_RATE_DPS = 200.0;
  /** Rolling time summed before the first estimate: a few tenths of a second of a stroke. */
  static final double FIRST_ESTIMATE_S = 0.3;
  /** Re-solve after this much more rolling time. */
  static final double REFRESH_S = 0.25;
  /** Share of the scatter the principal direction must explain to be trusted as an axis. */
  static final double MIN_SHARE = 0.8;

  private final double[] fixed;
  private final double[] scatter = new double[6]; // Σωωᵀdt: xx, xy, xz, yy, yz, zz
  private final double[] sum = new double[3]; // Σω dt
  private double motionS;
  /** Σ of the samples' weights (see {@link #update}). */
  private double weight;
  /** The gyro's bias once known (°/s), NaN before. */
  private double biasX = Double.NaN;
  private double biasY;
  private double biasZ;
  private double sinceSolveS;
  private double[] axis;
  private double share = Double.NaN;
  private final SymmetricEigen3 eig = new SymmetricEigen3();

  /** Estimates the axis from the data. */
  public RollAxisEstimator() {
    this.fixed = null;
  }

  /** Uses a known axis (a calibration) and never changes it. */
  public RollAxisEstimator(double[] knownAxis) {
    double n = Math.sqrt(dot(knownAxis, knownAxis));
    if (!(n > 0)) throw new IllegalArgumentException("roll axis must be a non-zero vector");
    this.fixed = new double[] {knownAxis[0] / n, knownAxis[1] / n, knownAxis[2] / n};
    this.axis = fixed.clone();
    this.share = 1;
  }

  /**
   * Adds one sample: raw rates (°/s) for the covariance, and the bias-corrected rate magnitude to
   * decide whether the roller is turning.
   *
   * @return whether the axis estimate changed
   */
  public boolean update(double gx, double gy, double gz, double correctedRateDps, double dtS) {
    if (fixed != null) return false;
    if (correctedRateDps < MIN_RATE_DPS || correctedRateDps > MAX_RATE_DPS) return false;
    // each second of turning counts alike, whatever its speed: weighted by the energy, a second of
    // the get-on's jostle at 100 °/s outweighed 40 s of a slow first stroke at 16 °/s, and the axis
    // stayed 50° off through a 21 cm stroke (seed 48000175). A constant bias still only moves the
    // (weighted) mean, which the centring removes.
    double w = dtS / (correctedRateDps * correctedRateDps);
    scatter[0] += gx * gx * w;
    scatter[1] += gx * gy * w;
    scatter[2] += gx * gz * w;
    scatter[3] += gy * gy * w;
    scatter[4] += gy * gz * w;
    scatter[5] += gz * gz * w;
    sum[0] += gx * w;
    sum[1] += gy * w;
    sum[2] += gz * w;
    weight += w;
    motionS += dtS;
    sinceSolveS += dtS;
    if (motionS < FIRST_ESTIMATE_S || (axis != null && sinceSolveS < REFRESH_S)) return false;
    sinceSolveS = 0;
    return solve();
  }

  private boolean solve() {
    double w = weight;
    double mx = sum[0] / w;
    double my = sum[1] / w;
    double mz = sum[2] / w;
    // about the bias once it is known, else about the mean: S/w − m cᵀ − c mᵀ + c cᵀ with c the
    // centre. The mean is blind to the bias, but it also takes out a one-way stroke's steady rate,
    // which looks just like one: a slow first stroke taught the axis nothing until it reversed
    double cx = Double.isNaN(biasX) ? mx : biasX;
    double cy = Double.isNaN(biasX) ? my : biasY;
    double cz = Double.isNaN(biasX) ? mz : biasZ;
    eig.solve(
        scatter[0] / w - 2 * mx * cx + cx * cx,
        scatter[1] / w - mx * cy - cx * my + cx * cy,
        scatter[2] / w - mx * cz - cx * mz + cx * cz,
        scatter[3] / w - 2 * my * cy + cy * cy,
        scatter[4] / w - my * cz - cy * mz + cy * cz,
        scatter[5] / w - 2 * mz * cz + cz * cz);
    int best = 0;
    double total = 0;
    for (int i = 0; i < 3; i++) {
      total += eig.value(i);
      if (eig.value(i) > eig.value(best)) best = i;
    }
    double newShare = total > 0 ? eig.value(best) / total : 0;
    if (newShare < MIN_SHARE && axis == null) return false;
    double[] a = {eig.vector(best, 0), eig.vector(best, 1), eig.vector(best, 2)};
    double n = Math.sqrt(dot(a, a));
    for (int i = 0; i < 3; i++) a[i] /= n;
    if (axis == null) {
      int largest = 0;
      for (int i = 1; i < 3; i++) if (Math.abs(a[i]) > Math.abs(a[largest])) largest = i;
      if (a[largest] < 0) negate(a);
    } else if (dot(a, axis) < 0) {
      negate(a);
    }
    axis = a;
    share = newShare;
    return true;
  }

  /**
   * The gyro's bias, once estimated (°/s): the axis is then the principal direction of the rates
   * less it, every sample's own direction, rather than of their spread about their mean.
   */
  public void bias(double x, double y, double z) {
    biasX = x;
    biasY = y;
    biasZ = z;
  }

  /** The unit axis in sensor coordinates, or null before enough rolling has been seen. */
  public double[] axis() {
    return axis;
  }

  /** Share of the rotation energy about the axis (1 = pure rolling); NaN before an estimate. */
  public double share() {
    return share;
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static void negate(double[] a) {
    for (int i = 0; i < 3; i++) a[i] = -a[i];
  }
}
