package com.rollercoach.core.signal;

/**
 * atan2 within two units in the last place of {@link StrictMath#atan2}, in plain arithmetic the JIT
 * compiles inline. On JDK 17 {@code Math.atan2} is a call into the native fdlibm (no intrinsic), and
 * the gravity angle takes one per raw sample: 12–20 % of the whole pipeline (JFR, docs/benchmarks.md).
 *
 * <p>Method (table plus a short series): with t = min(|x|, |y|) / max(|x|, |y|) ∈ [0, 1] and c the
 * nearest multiple of 1/32, atan t = atan c + atan u with u = (t − c) / (1 + t·c), |u| ≤ 1/64; the
 * odd series of atan u to u⁹ leaves a truncation below u¹¹/11 < 2·10⁻²¹, far under an ulp. The 33
 * values atan(k/32) are computed once with {@link StrictMath#atan}. The octant is restored with
 * π/2 − r, π − r and the sign of y. Zeros, infinities and NaN take {@code StrictMath.atan2} itself,
 * so every special case is exactly the JDK's. A 2-ulp difference is 4·10⁻¹⁶ rad: nothing downstream
 * can tell (the gravity angle is a reference smoothed over seconds).
 */
final class Atan2 {
  private static final int STEPS = 32;
  private static final double[] ATAN_TABLE = new double[STEPS + 1];
  private static final double PI = Math.PI;
  private static final double HALF_PI = Math.PI / 2;

  static {
    for (int k = 0; k <= STEPS; k++) ATAN_TABLE[k] = StrictMath.atan((double) k / STEPS);
  }

  private Atan2() {}

  /** The angle of the point (x, y) from the positive x axis, radians, in [−π, π]. */
  static double of(double y, double x) {
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    // zeros, infinities, NaN, and quotients that would underflow: the JDK's own answer
    if (!(ax > 0x1p-500 && ay > 0x1p-500 && ax < 0x1p500 && ay < 0x1p500)) {
      return StrictMath.atan2(y, x);
    }
    boolean swapped = ay > ax;
    double t = swapped ? ax / ay : ay / ax;
    int k = (int) (t * STEPS + 0.5);
    double c = (double) k / STEPS;
    double u = (t - c) / (1 + t * c);
    double z = u * u;
    double series = u + u * z * (-1.0 / 3 + z * (1.0 / 5 + z * (-1.0 / 7 + z * (1.0 / 9))));
    double r = ATAN_TABLE[k] + series;
    if (swapped) r = HALF_PI - r;
    if (x < 0) r = PI - r;
    return y < 0 ? -r : r;
  }
}
