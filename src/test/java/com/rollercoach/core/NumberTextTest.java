package com.rollercoach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumberTextTest {
  @Test
  void plainDropsATrailingPointZeroAndKeepsEveryOtherDigit() {
    assertEquals("2", NumberText.plain(2.0));
    assertEquals("2.5", NumberText.plain(2.5));
    assertEquals("0.1", NumberText.plain(0.1));
    assertEquals("0", NumberText.plain(-0.0));
    assertEquals("-5", NumberText.plain(-5.0));
    assertEquals("1E20", NumberText.plain(1e20));
    assertEquals("1.5E20", NumberText.plain(1.5e20));
    assertEquals("NaN", NumberText.plain(Double.NaN));
    assertEquals("Infinity", NumberText.plain(Double.POSITIVE_INFINITY));
  }

  @Test
  void upToRoundsToThePlacesAskedAndNeverEndsInZero() {
    assertEquals("2", NumberText.upTo(2.0, 1));
    assertEquals("2.5", NumberText.upTo(2.5, 1));
    // %.1f wrote 2.96 as "3.0": a trailing .0 the call sites meant to drop
    assertEquals("3", NumberText.upTo(2.96, 1));
    assertEquals("2.3", NumberText.upTo(2.25, 1)); // half-up, as %.1f
    assertEquals("1.25", NumberText.upTo(1.25, 2));
    assertEquals("1.2", NumberText.upTo(1.20001, 2));
    assertEquals("0", NumberText.upTo(-0.04, 1));
    assertEquals("-0.1", NumberText.upTo(-0.06, 1));
    assertEquals("120", NumberText.upTo(120, 1));
    assertEquals("3", NumberText.upTo(2.6, 0));
    assertEquals("NaN", NumberText.upTo(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> NumberText.upTo(1, -1));
  }

  @Test
  void signedMarksAPositionAboveZeroAndLeavesZeroUnsigned() {
    assertEquals("+4", NumberText.signed(3.6, 0));
    assertEquals("-3", NumberText.signed(-3.4, 0));
    // %+.0f wrote these "+0" and "-0": a spot at the landmark has no side
    assertEquals("0", NumberText.signed(0.2, 0));
    assertEquals("0", NumberText.signed(-0.2, 0));
    assertEquals("+0.5", NumberText.signed(0.5, 1));
    assertEquals("NaN", NumberText.signed(Double.NaN, 0));
  }
}
