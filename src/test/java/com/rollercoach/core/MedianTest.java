package com.rollercoach.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedianTest {
  @Test
  void theMiddleValueOrTheMeanOfTheMiddleTwoOfTheFirstN() {
    double[] v = {5, 1, 4, 2, 3, 100};
    assertEquals(3, Median.of(v, 5));
    assertEquals(3.5, Median.of(v, 6));
    assertEquals(3, Median.of(v, 2));
    assertArrayEquals(new double[] {5, 1, 4, 2, 3, 100}, v, "the values are left as they were");
  }

  @Test
  void noValuesHaveNoMedian() {
    assertTrue(Double.isNaN(Median.of(new double[4], 0)));
  }
}
