package com.rollercoach.core.calibration;

import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Running sums of a 3-vector signal (count, Σx, Σx²) for its mean and per-axis standard deviation.
 * Sums are taken about a fixed reference value (the first value seen) so that the usual
 * {@code Σx² − n·mean²} cancellation stays harmless for signals sitting on a large offset such as
 * 1 g of gravity. Additive: two blocks merge into one.
 */
final class Moments {
  private long n;
  private final double[] ref = new double[3];
  private final double[] sum = new double[3];
  private final double[] sumSq = new double[3];

  void add(double x, double y, double z) {
    if (n == 0) {
      ref[0] = x;
      ref[1] = y;
      ref[2] = z;
    }
    n++;
    accumulate(0, x - ref[0]);
    accumulate(1, y - ref[1]);
    accumulate(2, z - ref[2]);
  }

  private void accumulate(int i, double d) {
    sum[i] += d;
    sumSq[i] += d * d;
  }

  void merge(Moments o) {
    if (o.n == 0) return;
    if (n == 0) {
      System.arraycopy(o.ref, 0, ref, 0, 3);
    }
    for (int i = 0; i < 3; i++) {
      // Re-centre the other block's sums on this reference: Σ(x−r) = Σ(x−r') + n(r'−r).
      double shift = o.ref[i] - ref[i];
      sumSq[i] += o.sumSq[i] + 2 * shift * o.sum[i] + o.n * shift * shift;
      sum[i] += o.sum[i] + o.n * shift;
    }
    n += o.n;
  }

  long count() {
    return n;
  }

  Vector3D mean() {
    if (n == 0) return Vector3D.NaN;
    return new Vector3D(
        ref[0] + sum[0] / n, ref[1] + sum[1] / n, ref[2] + sum[2] / n);
  }

  /** Per-axis sample standard deviation (n − 1 in the denominator). */
  Vector3D std() {
    if (n < 2) return Vector3D.NaN;
    return new Vector3D(axisStd(0), axisStd(1), axisStd(2));
  }

  /** √(σx² + σy² + σz²): one number for "how much does this vector signal fluctuate". */
  double stdNorm() {
    if (n < 2) return Double.NaN;
    double v = 0;
    for (int i = 0; i < 3; i++) v += variance(i);
    return Math.sqrt(v);
  }

  private double axisStd(int i) {
    return Math.sqrt(variance(i));
  }

  private double variance(int i) {
    double v = (sumSq[i] - sum[i] * sum[i] / n) / (n - 1);
    return Math.max(v, 0);
  }
}
