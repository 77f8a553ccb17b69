package com.rollercoach.core.detect;

/**
 * The last few tens of seconds of the detector grid (time, position, speed, shock flag) in a fixed
 * ring, for detectors that decide late and must look back to place a boundary where it really was
 * (a still segment's start, the moment someone began getting off). Memory is fixed by capacity, not
 * by session length. Indexes are absolute sample numbers; only the newest {@link #capacity()} remain.
 */
final class GridHistory {
  private final double[] t;
  private final double[] s;
  private final double[] v;
  private final boolean[] shock;
  private long count;

  GridHistory(int capacity) {
    t = new double[capacity];
    s = new double[capacity];
    v = new double[capacity];
    shock = new boolean[capacity];
  }

  void add(double tS, double sCm, double vCmS, boolean shocked) {
    int i = (int) (count++ % t.length);
    t[i] = tS;
    s[i] = sCm;
    v[i] = vCmS;
    shock[i] = shocked;
  }

  /** Clears the shock flags in [fromS, toS]: what looked like a jolt was not one. */
  void clearShocks(double fromS, double toS) {
    for (long k = Math.max(oldest(), indexAt(fromS)); k <= newest(); k++) {
      int i = (int) (k % t.length);
      if (t[i] > toS) break;
      if (t[i] >= fromS) shock[i] = false;
    }
  }

  int capacity() {
    return t.length;
  }

  /** Absolute index of the newest sample (−1 when empty). */
  long newest() {
    return count - 1;
  }

  /** Absolute index of the oldest sample still held. */
  long oldest() {
    return Math.max(0, count - t.length);
  }

  boolean holds(long index) {
    return index >= oldest() && index < count;
  }

  double t(long index) {
    return t[(int) (index % t.length)];
  }

  double s(long index) {
    return s[(int) (index % t.length)];
  }

  double v(long index) {
    return v[(int) (index % t.length)];
  }

  boolean shock(long index) {
    return shock[(int) (index % t.length)];
  }

  /** The index of the newest sample at or before {@code tS}, clamped to what is held. */
  long indexAt(double tS) {
    long i = newest();
    long lo = oldest();
    while (i > lo && t(i) > tS) i--;
    return i;
  }

  /** The lowest s from the sample at or before {@code fromS} (clamped to what is held) to the newest. */
  double minSince(double fromS) {
    double lo = Double.POSITIVE_INFINITY;
    for (long k = indexAt(fromS); k <= newest(); k++) lo = Math.min(lo, s(k));
    return lo;
  }

  /** The highest s from the sample at or before {@code fromS} (clamped to what is held) to the newest. */
  double maxSince(double fromS) {
    double hi = Double.NEGATIVE_INFINITY;
    for (long k = indexAt(fromS); k <= newest(); k++) hi = Math.max(hi, s(k));
    return hi;
  }

  /** How far s ranges (max − min) over the samples {@code from} to {@code to}, both included. */
  double span(long from, long to) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (long k = from; k <= to; k++) {
      lo = Math.min(lo, s(k));
      hi = Math.max(hi, s(k));
    }
    return hi - lo;
  }

  /** {@link #span} from the sample at or before {@code fromS} (clamped to what is held) to the newest. */
  double spanSince(double fromS) {
    return span(indexAt(fromS), newest());
  }

  /** s at time {@code tS} (the newest sample at or before it). */
  double sAt(double tS) {
    return s(indexAt(tS));
  }
}
