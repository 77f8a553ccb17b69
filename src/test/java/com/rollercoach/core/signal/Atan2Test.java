package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Atan2Test {
  @Test
  void withinTwoUlpsOfStrictMathEverywhere() {
    SplittableRandom r = new SplittableRandom(2);
    double worst = 0;
    for (int n = 0; n < 2_000_000; n++) {
      double x = (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(-5, 6));
      double y = (r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(-5, 6));
      if (n % 5 == 0) y = x * (1 + 1e-3 * (r.nextDouble() - 0.5)); // near the diagonal (t ≈ 1)
      if (n % 7 == 0) x = y * k(r); // near the table's nodes
      double want = StrictMath.atan2(y, x);
      double got = Atan2.of(y, x);
      double ulps = Math.abs(got - want) / Math.ulp(want);
      worst = Math.max(worst, ulps);
      if (ulps > 2) assertEquals(want, got, 0.0, "atan2(" + y + ", " + x + ")");
    }
    assertTrue(worst > 0, "the test must compare two different computations");
  }

  private static double k(SplittableRandom r) {
    return 32.0 / r.nextInt(1, 33) * (1 + 1e-12 * r.nextDouble());
  }

  @Test
  void specialCasesAreTheJdks() {
    double[] v = {0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 1e300};
    for (double y : v) {
      for (double x : v) {
        assertEquals(
            Double.doubleToLongBits(StrictMath.atan2(y, x)), Double.doubleToLongBits(Atan2.of(y, x)),
            "atan2(" + y + ", " + x + ")");
      }
    }
    assertEquals(Math.PI / 4, Atan2.of(1, 1), Math.ulp(Math.PI / 4));
    assertEquals(-3 * Math.PI / 4, Atan2.of(-1, -1), 2 * Math.ulp(Math.PI));
    assertEquals(Math.PI / 2 - 2e-10, Atan2.of(5, 1e-9), 2 * Math.ulp(Math.PI));
  }
}
