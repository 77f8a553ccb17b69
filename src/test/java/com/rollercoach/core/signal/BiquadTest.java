package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BiquadTest {
  @Test
  void aCopyGoesOnExactlyAsTheOriginalAndLeavesItAlone() {
    Biquad f = Biquad.lowPass(0.7, 50);
    for (int i = 0; i < 100; i++) f.apply(i < 50 ? 0 : 10);
    Biquad c = f.copy();
    double[] ahead = new double[50];
    for (int i = 0; i < ahead.length; i++) ahead[i] = c.apply(10);
    // running the copy ahead did not move the original: it produces the same values after it
    for (int i = 0; i < ahead.length; i++) assertEquals(ahead[i], f.apply(10), 0.0);
  }

  @Test
  void twoLowPassSectionsOvershootAStep() {
    // what BreathDetector's free response takes off after a weight shift: the cascade of two
    // Butterworth sections rises past a step's new level before settling on it
    Biquad a = Biquad.lowPass(0.7, 50);
    Biquad b = Biquad.lowPass(0.7, 50);
    double max = 0;
    double last = 0;
    for (int i = 0; i < 500; i++) {
      last = b.apply(a.apply(i < 10 ? 0 : 1));
      max = Math.max(max, last);
    }
    assertTrue(max > 1.05 && max < 1.15, "overshoot " + max);
    assertEquals(1.0, last, 1e-3);
  }
}
