package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link RollAngleTracker#wrap} is bit for bit the IEEE remainder it replaced, mapped to (−π, π]. */
class AngleWrapTest {
  private static double reference(double a) {
    double w = Math.IEEEremainder(a, 2 * Math.PI);
    return w <= -Math.PI ? w + 2 * Math.PI : w;
  }

  private static void same(double a) {
    assertEquals(
        Double.doubleToLongBits(reference(a)), Double.doubleToLongBits(RollAngleTracker.wrap(a)),
        () -> "wrap(" + a + ")");
  }

  @Test
  void bitIdenticalToTheRemainderOverManyTurns() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 3_000_000; i++) {
      same((r.nextDouble() * 2 - 1) * 40); // a few turns either way, as θ along a back
      same((r.nextDouble() * 2 - 1) * 2000); // past the fast path's limit
    }
  }

  @Test
  void halfTurnsAndSpecialValues() {
    for (int n = -200; n <= 200; n++) {
      double half = (n + 0.5) * 2 * Math.PI; // remainder ±π: the tie is the remainder's to decide
      for (double a = half, k = 0; k < 4; k++, a = Math.nextUp(a)) same(a);
      for (double a = half, k = 0; k < 4; k++, a = Math.nextDown(a)) same(a);
      same(n * 2 * Math.PI);
      same(n * Math.PI);
    }
    for (double a : new double[] {0.0, -0.0, Math.PI, -Math.PI, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e300, -1e300}) {
      same(a);
    }
  }
}
