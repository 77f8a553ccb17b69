package com.rollercoach.core.detect;

/**
 * How much a roller angle wanders over the last few seconds beyond a straight-line trend: the RMS
 * residual of a least-squares line fitted to a sliding window of a uniformly sampled angle.
 *
 * <p>Why a detrended residual: a person lying on a roller rocks it with every breath (fractions of a
 * degree every 3–6 s) and with the heartbeat; an empty roller's integrated angle only shows sensor
 * noise (a random walk of ~0.01° over seconds for a 0.015 °/s/√Hz gyro such as the ICM-20948) and a
 * slow ramp from any residual gyro bias. Fitting and removing the line removes the bias ramp, so the
 * residual separates breathing from an empty roller without first knowing the bias exactly. The
 * window (6 s) covers at least one breath at 10/min.
 *
 * <p>The sums Σx, Σi·x, Σx² are kept incrementally (O(1) per sample) and recomputed from the ring
 * once per window length, so rounding errors cannot accumulate over hours.
 */
final class ActivityMeter {
  private final double[] ring;
  private int size;
  private int head;
  private double s0;
  private double s1;
  private double s2;
  private double s3; // Σ i²·x: the quadratic term
  private double reference;
  private int sinceRecompute;
  // The quadratic fit's normal matrix depends only on the window length: its entries p_k = Σ (i/n)^k
  // (in u = i/n, so it stays well conditioned, a scaled Hilbert matrix) and its determinant are
  // computed once, not per sample (they were 36 % of the pipeline's time when redone per call).
  private final double p0;
  private final double p1;
  private final double p2;
  private final double p3;
  private final double p4;
  private final double det; // NaN when singular (a window too short for a quadratic)
  /**
   * {@link #residualRms()} as of the latest add, once asked for: the detector asks for the band's
   * twice per grid sample (its value and whether it is defined yet), and each is three 3×3
   * determinants, three divisions and a root. NaN-able, hence the separate flag.
   */
  private double residual;
  private boolean residualKnown;

  ActivityMeter(int windowSamples) {
    ring = new double[windowSamples];
    int n = windowSamples;
    p0 = powerSum(n, 0) / Math.pow(n, 0);
    p1 = powerSum(n, 1) / Math.pow(n, 1);
    p2 = powerSum(n, 2) / Math.pow(n, 2);
    p3 = powerSum(n, 3) / Math.pow(n, 3);
    p4 = powerSum(n, 4) / Math.pow(n, 4);
    double d = det3(p0, p1, p2, p1, p2, p3, p2, p3, p4);
    det = d == 0 ? Double.NaN : d;
  }

  /** Adds one angle sample (degrees). */
  void add(double x) {
    residualKnown = false;
    int n = ring.length;
    if (size == 0) reference = x;
    double y = x - reference;
    if (size == n) {
      double old = ring[head];
      s0 -= old;
      s2 -= old * old;
      // indices drop by one: Σ(i−1)²x = Σi²x − 2Σix + Σx, Σ(i−1)x = Σix − Σx (over the rest)
      s3 = s3 - 2 * s1 + s0;
      s1 -= s0;
      ring[head] = y;
      head = head + 1 == n ? 0 : head + 1; // no integer division per sample (5 meters per grid sample)
      s0 += y;
      s1 += (n - 1) * y;
      s3 += (double) (n - 1) * (n - 1) * y;
      s2 += y * y;
    } else {
      ring[(head + size) % n] = y;
      s0 += y;
      s1 += size * y;
      s3 += (double) size * size * y;
      s2 += y * y;
      size++;
    }
    if (++sinceRecompute >= n) recompute();
  }

  /** Whether the window is full (from then on the residuals are defined). */
  boolean full() {
    return size == ring.length;
  }

  /** RMS residual about the fitted line, degrees; NaN until the window is full. */
  double linearResidualRms() {
    if (size < ring.length) return Double.NaN;
    int n = size;
    double meanI = (n - 1) / 2.0;
    double sii = n * ((double) n * n - 1) / 12.0;
    double sxx = s2 - s0 * s0 / n;
    double six = s1 - meanI * s0;
    double resid = (sxx - six * six / sii) / n;
    return Math.sqrt(Math.max(0, resid));
  }

  /**
   * RMS residual about the fitted quadratic, degrees; NaN until the window is full. A quadratic, not
   * a line: a gyro warming up changes its bias by up to a few hundredths of °/s every second, which
   * bends the integrated angle of an empty roller by tenths of a degree over the window, as much as
   * breathing rocks a loaded one; a constant bias and a steady bias drift are both removed exactly.
   */
  double residualRms() {
    if (!residualKnown) {
      residual = quadraticResidualRms();
      residualKnown = true;
    }
    return residual;
  }

  private double quadraticResidualRms() {
    if (size < ring.length) return Double.NaN;
    int n = size;
    if (Double.isNaN(det)) return Double.NaN;
    double b0 = s0;
    double b1 = s1 / n;
    double b2 = s3 / ((double) n * n);
    // Cramer's rule; the same operations in the same order as a general det3, so the same bits
    double x = det3(b0, p1, p2, b1, p2, p3, b2, p3, p4) / det;
    double y = det3(p0, b0, p2, p1, b1, p3, p2, b2, p4) / det;
    double z = det3(p0, p1, b0, p1, p2, b1, p2, p3, b2) / det;
    double fitted = x * b0 + y * b1 + z * b2;
    double resid = (s2 - fitted) / n;
    return Math.sqrt(Math.max(0, resid));
  }

  /** Σ_{i=0}^{n−1} i^k for k = 0..4 (Faulhaber). */
  private static double powerSum(int n, int k) {
    double m = n - 1.0;
    return switch (k) {
      case 0 -> n;
      case 1 -> m * (m + 1) / 2;
      case 2 -> m * (m + 1) * (2 * m + 1) / 6;
      case 3 -> Math.pow(m * (m + 1) / 2, 2);
      default -> m * (m + 1) * (2 * m + 1) * (3 * m * m + 3 * m - 1) / 30;
    };
  }

  private static double det3(
      double a, double b, double c, double d, double e, double f, double g, double h, double i) {
    return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  }

  void clear() {
    residualKnown = false;
    size = 0;
    head = 0;
    s0 = s1 = s2 = s3 = 0;
    sinceRecompute = 0;
  }

  private void recompute() {
    sinceRecompute = 0;
    double newRef = ring[head] + reference;
    s0 = s1 = s2 = s3 = 0;
    for (int i = 0, k = head; i < size; i++, k = k + 1 == ring.length ? 0 : k + 1) {
      double y = ring[k] + reference - newRef;
      ring[k] = y;
      s0 += y;
      s1 += i * y;
      s3 += (double) i * i * y;
      s2 += y * y;
    }
    reference = newRef;
  }
}
