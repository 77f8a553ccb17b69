package com.rollercoach.review.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.Prescription;
import org.junit.jupiter.api.Test;

class PrescriptionTextTest {
  @Test
  void aNumberThatRoundsToWholeHasNoTrailingPointZero() {
    // 2.96 s/pass was written "3.0" (the whole-number test ran before %.1f rounded)
    Prescription p = new Prescription(10, 20, 2.96, 4, 60, 120.5, 59.99, 3);
    assertEquals("rolls 10–20 · 3–4 s/pass · tender spots 60–120.5 s · hold 60 s · 3×/week", PrescriptionText.of(p));
  }
}
