package com.rollercoach.core.signal;

import java.util.function.DoubleUnaryOperator;

/**
 * The gain of a first-order stage as a function of the sample interval, e.g. 1 − e^(−dt/τ), remembered
 * for the last few distinct intervals. On a device clock the interval takes only a handful of values
 * (a CSV's 1 µs stamps minus each other give 3 bit patterns of "0.005 s" over 10 min at 200 Hz, in no
 * regular order), so a few slots keyed on the interval's exact bits, searched in turn, answer almost
 * every sample, where the exponential was the largest single cost of the pipeline (JFR, docs/benchmarks.md,
 * round 4). Exact: a slot holds the value the formula gave for that very interval, so no result
 * changes, unlike a series or interpolated table.
 */
final class DtGain {
  /**
   * Searched in turn, replaced in turn: a hashed table of 16 slots was tried first, and two of the three
   * intervals of a real clock shared a slot and evicted each other on every sample.
   */
  private static final int SLOTS = 8;
  /** A NaN pattern arithmetic never produces, so no real interval matches an empty slot. */
  private static final long EMPTY = -1L;

  private final DoubleUnaryOperator formula;
  private final long[] keys = new long[SLOTS];
  private final double[] values = new double[SLOTS];
  private int next; // the slot the next new interval takes

  DtGain(DoubleUnaryOperator formula) {
    this.formula = formula;
    java.util.Arrays.fill(keys, EMPTY);
    // should that NaN ever come in, the answer is still the formula's own
    java.util.Arrays.fill(values, formula.applyAsDouble(Double.longBitsToDouble(EMPTY)));
  }

  double of(double dtS) {
    long bits = Double.doubleToRawLongBits(dtS);
    for (int i = 0; i < SLOTS; i++) {
      if (keys[i] == bits) return values[i];
    }
    double v = formula.applyAsDouble(dtS);
    keys[next] = bits;
    values[next] = v;
    next = (next + 1) % SLOTS;
    return v;
  }
}
