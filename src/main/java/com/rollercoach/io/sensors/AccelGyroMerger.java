package com.rollercoach.io.sensors;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayDeque;

/**
 * Joins an accelerometer series and a gyroscope series that were sampled separately (phone
 * sensors run on their own schedules: phyphox gives each its own time buffer) into {@link
 * ImuSample}s. The accelerometer's time stamps become the sample times, because gravity in the
 * accelerometer is what the pipeline leans on for on/off and drift bounds, and the gyroscope is
 * linearly interpolated to them. That is exact enough here: a roller turns at well under 2 Hz, far
 * below the 50–500 Hz phones sample at, so the interpolation error is below the gyro's noise.
 *
 * <p>Streaming and bounded: accelerometer samples wait only until a gyroscope sample at or after
 * their time arrives; gyroscope history is trimmed behind the last emitted sample. Samples that
 * cannot be bracketed by gyroscope samples less than {@code maxGapS} apart (before the gyro started,
 * inside a gyro dropout) are dropped and counted, never invented.
 */
public final class AccelGyroMerger {
  private final SampleSink out;
  private final double maxGapS;
  private final ArrayDeque<double[]> pendingAccel = new ArrayDeque<>();
  private final ArrayDeque<double[]> gyro = new ArrayDeque<>();
  private double lastAccelT = Double.NEGATIVE_INFINITY;
  private double lastEmittedT = Double.NEGATIVE_INFINITY;
  private double lastGyroT = Double.NEGATIVE_INFINITY;
  private long emitted;
  private long dropped;
  private long duplicates;

  /**
   * @param maxGapS the longest gyroscope interval we interpolate across; 0.25 s keeps a 2 Hz
   *     motion within a few percent and bridges phone scheduling hiccups
   */
  public AccelGyroMerger(SampleSink out, double maxGapS) {
    this.out = out;
    this.maxGapS = maxGapS;
  }

  /** An accelerometer reading in g; times must increase (repeats are dropped). */
  public void accel(double tS, double axG, double ayG, double azG) {
    if (!(tS > lastAccelT)) {
      duplicates++;
      return;
    }
    lastAccelT = tS;
    pendingAccel.add(new double[] {tS, axG, ayG, azG});
    drain();
  }

  /** A gyroscope reading in °/s; times must increase (repeats are dropped). */
  public void gyro(double tS, double gxDps, double gyDps, double gzDps) {
    if (!(tS > lastGyroT)) {
      duplicates++;
      return;
    }
    lastGyroT = tS;
    gyro.add(new double[] {tS, gxDps, gyDps, gzDps});
    drain();
  }

  /** No more input: samples just past the last gyro reading use it if it is recent enough. */
  public void end() {
    double[] last = gyro.peekLast();
    while (!pendingAccel.isEmpty()) {
      double[] a = pendingAccel.poll();
      if (last != null && a[0] - last[0] <= maxGapS / 2) emit(a, last[1], last[2], last[3]);
      else dropped++;
    }
  }

  private void drain() {
    while (!pendingAccel.isEmpty()) {
      double[] a = pendingAccel.peek();
      double[] newest = gyro.peekLast();
      if (newest == null || newest[0] < a[0]) return; // wait for the gyro to catch up
      pendingAccel.poll();
      double[] before = null;
      double[] after = null;
      for (double[] g : gyro) {
        if (g[0] <= a[0]) before = g;
        if (g[0] >= a[0]) {
          after = g;
          break;
        }
      }
      if (before == null || after[0] - before[0] > maxGapS) {
        dropped++;
        continue;
      }
      double f = after[0] == before[0] ? 0 : (a[0] - before[0]) / (after[0] - before[0]);
      emit(
          a,
          before[1] + f * (after[1] - before[1]),
          before[2] + f * (after[2] - before[2]),
          before[3] + f * (after[3] - before[3]));
    }
  }

  private void emit(double[] a, double gx, double gy, double gz) {
    out.accept(new ImuSample(a[0], a[1], a[2], a[3], gx, gy, gz));
    emitted++;
    lastEmittedT = a[0];
    // keep one gyro sample at or before the last emitted time as the next bracket's start
    while (gyro.size() > 2) {
      double[] first = gyro.poll();
      if (gyro.peek()[0] > lastEmittedT) {
        gyro.addFirst(first);
        break;
      }
    }
  }

  public long emitted() {
    return emitted;
  }

  /** Accelerometer samples that had no gyroscope reading close enough to pair with. */
  public long dropped() {
    return dropped;
  }

  /** Readings whose time repeated or went back (re-sent data). */
  public long duplicates() {
    return duplicates;
  }
}
