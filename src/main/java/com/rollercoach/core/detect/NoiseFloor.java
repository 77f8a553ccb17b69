package com.rollercoach.core.detect;

import java.util.Arrays;

/**
 * The gyro's own noise as a floor for the on/off lines, from the rocking residual of the angle about
 * the axis across the roll axis and gravity ({@link RockingResidual} of {@code
 * RollSignal.Listener#noiseReference}): a roller lying on a floor cannot turn about that axis, so
 * while it rests that residual is an empty roller's, whoever lies on it. The floor is half the median
 * of its values, one a second, over the last {@value #BLOCKS} of them.
 *
 * <p>Why: the floor learned from the roll angle itself ({@link OnRollerDetector#floorDeg()}, the
 * lowest one-second mean while nobody is on) needs an empty roller, and falls the longer one is
 * seen. With a 0.05 °/s/√Hz gyro the empty residual wanders with a 10–15 s correlation (0.006–0.031°
 * within one break between sets): after 15 s of its quiet side the lowest mean was 0.38× the
 * median, and the empty roller then read above 5× it, "somebody on", 13 s before anyone got back on
 * (seed 25000107, `noisy-gyro`); a recording that began with the person on never learned a floor, and
 * its empty roller never read quiet (26000154). The noise about the other axis is measured all
 * session long, on or off, so its median is the empty residual's median, and half of it is what the
 * lines' ratios were designed on ({@link OnRollerDetector#ON_FLOOR_RATIO}).
 *
 * <p>Only while the roller has rested for a whole window (a stroke turns it about a slightly wrong
 * axis estimate, which leaks into the other axis) and no motor runs (its wobble turns the shell about
 * every axis).
 */
final class NoiseFloor {
  /** Five minutes of resting roller, one value a second. */
  static final int BLOCKS = 300;
  /** The floor as a share of the median: where the lowest 1 s means of an empty spell lie. */
  static final double MEDIAN_SHARE = 0.5;

  private final double capDeg;
  private final double[] values = new double[BLOCKS];
  /**
   * The same values kept in order, one moved in and one out per add: a sorted copy of up to {@value
   * #BLOCKS} values once a second was a sixth of the pipeline's allocation and ~2 % of its time
   * (JFR, docs/benchmarks.md, round 31). Same values, so the same median, bit for bit.
   */
  private final double[] sorted = new double[BLOCKS];
  private int count;
  private int next;
  private double lastS = Double.NaN;
  private double floorDeg = Double.NaN;

  /** @param capDeg the highest floor believed ({@link OnRollerDetector#FLOOR_MAX_DEG}) */
  NoiseFloor(double capDeg) {
    this.capDeg = capDeg;
  }

  /**
   * Whether a value is due: {@value OnRollerDetector#FLOOR_BLOCK_S} s since the last one. The
   * residual is taken over a window six times as long, so one value a second is as good as their
   * mean, and costs a fiftieth.
   */
  boolean due(double tS) {
    return !(tS - lastS < OnRollerDetector.FLOOR_BLOCK_S);
  }

  /**
   * The residual about the other axis now, degrees, while the roller rests and no motor runs (NaN or
   * not positive: nothing learned).
   */
  void add(double tS, double residualDeg) {
    if (!(residualDeg > 0)) return;
    lastS = tS;
    if (count == BLOCKS) remove(values[next]);
    values[next] = residualDeg;
    next = next + 1 == BLOCKS ? 0 : next + 1;
    insert(residualDeg);
    floorDeg = Math.min(capDeg, MEDIAN_SHARE * median());
  }

  /** {@link com.rollercoach.core.Median#of} of the values held, from their sorted copy. */
  private double median() {
    int n = count;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Into the sorted copy (positive, never NaN: the order is plain {@code <}). */
  private void insert(double v) {
    int i = Arrays.binarySearch(sorted, 0, count, v);
    if (i < 0) i = -i - 1;
    System.arraycopy(sorted, i, sorted, i + 1, count - i);
    sorted[i] = v;
    count++;
  }

  /** Out of the sorted copy: one of the values equal to {@code v}, which is held. */
  private void remove(double v) {
    int i = Arrays.binarySearch(sorted, 0, count, v);
    System.arraycopy(sorted, i + 1, sorted, i, count - i - 1);
    count--;
  }

  /** The floor, degrees; NaN until a value was taken. */
  double deg() {
    return floorDeg;
  }
}
