package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The remembered gain must be the formula's own value, bit for bit, however intervals repeat. */
class DtGainTest {
  private static double formula(double dt) {
    return -Math.expm1(-dt / 0.08);
  }

  @Test
  void everyAnswerIsTheFormulasBitForBitOnAJitteryClock() {
    AtomicInteger computed = new AtomicInteger();
    DtGain gain = new DtGain(dt -> {
      computed.incrementAndGet();
      return formula(dt);
    });
    Random r = new Random(15);
    // a jittery clock (many distinct intervals, so slots collide and are overwritten) ...
    for (int i = 0; i < 20_000; i++) {
      double dt = 0.005 + 1e-4 * r.nextGaussian();
      assertEquals(Double.doubleToRawLongBits(formula(dt)), Double.doubleToRawLongBits(gain.of(dt)), "dt " + dt);
    }
    // ... and the intervals of 1 µs stamps, which take a few bit patterns of "0.005 s" in any order
    double[] ts = {3709.980000, 3709.985000, 3709.990000, 3709.995000, 3710.000000, 3710.005000};
    int before = computed.get();
    for (int round = 0; round < 1000; round++) {
      for (int i = 1; i < ts.length; i++) {
        double dt = ts[i] - ts[i - 1];
        assertEquals(Double.doubleToRawLongBits(formula(dt)), Double.doubleToRawLongBits(gain.of(dt)));
      }
    }
    // what makes it pay: after the first round every interval is answered from its slot
    assertEquals(true, computed.get() - before <= ts.length - 1, "computed " + (computed.get() - before));
  }

  @Test
  void aNanIntervalGetsTheFormulasNan() {
    DtGain gain = new DtGain(DtGainTest::formula);
    assertEquals(Double.NaN, gain.of(Double.longBitsToDouble(-1L)));
    assertEquals(Double.NaN, gain.of(Double.NaN));
    assertEquals(formula(0.01), gain.of(0.01));
  }
}
