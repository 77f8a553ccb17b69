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
  private double reference;
  private int sinceRecompute;

  ActivityMeter(int windowSamples) {
    ring = new double[windowSamples];
  }

  /** Adds one angle sample (degrees). */
  void add(double x) {
    int n = ring.length;
    if (size == 0) reference = x;
    double y = x - reference;
    if (size == n) {
      double old = ring[head];
      s0 -= old;
      s2 -= old * old;
      s1 -= s0; // every remaining sample's index drops by one
      ring[head] = y;
      head = (head + 1) % n;
      s0 += y;
      s1 += (n - 1) * y;
      s2 += y * y;
    } else {
      ring[(head + size) % n] = y;
      s0 += y;
      s1 += size * y;
      s2 += y * y;
      size++;
    }
    if (++sinceRecompute >= n) recompute();
  }

  /** RMS residual about the fitted line, degrees; NaN until the window is full. */
  double residualRms() {
    if (size < ring.length) return Double.NaN;
    int n = size;
    double meanI = (n - 1) / 2.0;
    double sii = n * ((double) n * n - 1) / 12.0;
    double sxx = s2 - s0 * s0 / n;
    double six = s1 - meanI * s0;
    double resid = (sxx - six * six / sii) / n;
    return Math.sqrt(Math.max(0, resid));
  }

  void clear() {
    size = 0;
    head = 0;
    s0 = s1 = s2 = 0;
    sinceRecompute = 0;
  }

  private void recompute() {
    sinceRecompute = 0;
    double newRef = ring[head] + reference;
    s0 = s1 = s2 = 0;
    for (int i = 0; i < size; i++) {
      int k = (head + i) % ring.length;
      double y = ring[k] + reference - newRef;
      ring[k] = y;
      s0 += y;
      s1 += i * y;
      s2 += y * y;
    }
    reference = newRef;
  }
}
