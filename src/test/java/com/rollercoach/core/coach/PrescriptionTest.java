package com.rollercoach.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A refused hold names the number as a person types it (the window's prescription form shows this). */
class PrescriptionTest {
  @Test
  void aRefusedHoldIsEchoedWithoutATrailingPointZero() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Prescription(10, 20, 2, 4, 60, 120, -5, 3));
    assertEquals("hold must be between 0 and 600 s: -5", e.getMessage());
    var f = assertThrows(IllegalArgumentException.class, () -> new Prescription(10, 20, 2, 4, 60, 120, 600.5, 3));
    assertEquals("hold must be between 0 and 600 s: 600.5", f.getMessage());
  }
}
