package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.LiveState;
import java.util.Arrays;

/**
 * The contact position s(t) and speed along the back, decimated to one point per {@link #intervalS()}
 * while replaying a session: what the analysis alone does not keep, and what the report's timeline,
 * speed chart and time-at-position strip are drawn from. At 10 points/s an hour takes ~36 000 points
 * (about 1 MB), whatever the input's sample rate.
 */
public final class PositionTrace {
  /** 0.1 s keeps a slow 2.5 cm/s stroke to 0.25 cm per point: finer than the 2 cm hysteresis. */
  public static final double DEFAULT_INTERVAL_S = 0.1;

  private final double intervalS;
  private double[] t = new double[1024];
  private double[] s = new double[1024];
  private double[] v = new double[1024];
  private boolean[] on = new boolean[1024];
  private int size;

  public PositionTrace(double intervalS) {
    if (!(intervalS > 0)) throw new IllegalArgumentException("interval must be > 0: " + intervalS);
    this.intervalS = intervalS;
  }

  public PositionTrace() {
    this(DEFAULT_INTERVAL_S);
  }

  /** Keeps the state when at least one interval has passed since the last kept point. */
  public void offer(LiveState state) {
    if (Double.isNaN(state.tS())) return;
    if (size > 0 && state.tS() < t[size - 1] + intervalS) return;
    add(state.tS(), state.positionCm(), state.speedCmS(), state.onRoller());
  }

  /** Appends a point unconditionally (tests and generated traces). */
  public void add(double tS, double positionCm, double speedCmS, boolean onRoller) {
    if (size == t.length) {
      int n = size * 2;
      t = Arrays.copyOf(t, n);
      s = Arrays.copyOf(s, n);
      v = Arrays.copyOf(v, n);
      on = Arrays.copyOf(on, n);
    }
    t[size] = tS;
    s[size] = positionCm;
    v[size] = speedCmS;
    on[size] = onRoller;
    size++;
  }

  public double intervalS() {
    return intervalS;
  }

  public int size() {
    return size;
  }

  public double timeS(int i) {
    return t[i];
  }

  public double positionCm(int i) {
    return s[i];
  }

  public double speedCmS(int i) {
    return v[i];
  }

  public boolean onRoller(int i) {
    return on[i];
  }

  /**
   * Seconds spent at each position while somebody was on the roller, in bins of {@code binCm} starting
   * at {@code fromCm}. Each point weighs the time to the next point (capped at two intervals, so a
   * data gap does not count as time at a spot).
   */
  public double[] timeAtPosition(double fromCm, double binCm, int bins) {
    double[] seconds = new double[bins];
    for (int i = 0; i + 1 < size; i++) {
      if (!on[i]) continue;
      int bin = (int) Math.floor((s[i] - fromCm) / binCm);
      if (bin < 0 || bin >= bins) continue;
      seconds[bin] += Math.min(t[i + 1] - t[i], 2 * intervalS);
    }
    return seconds;
  }

  /** Lowest and highest position while on the roller; {0, 0} when never on it. */
  public double[] onRollerSpan() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      if (!on[i]) continue;
      lo = Math.min(lo, s[i]);
      hi = Math.max(hi, s[i]);
    }
    return lo <= hi ? new double[] {lo, hi} : new double[] {0, 0};
  }
}
