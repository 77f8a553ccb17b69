package com.rollercoach.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.Verdict.Aspect;
import com.rollercoach.core.detect.Dwell;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tender spot held too briefly is told the prescribed range in numbers that read back as the
 * prescription: a 45–100 s prescription said "hold tender spots 0.8–1.7 min" (48–102 s) beside a
 * report column of "0:45–1:40".
 */
class TenderSpotVerdictTest {
  private static String shortSpot(double minS, double maxS) {
    Prescription p = new Prescription(10, 20, 2, 4, minS, maxS, 60, 3);
    return new SessionCoach(p.targets()).judgeAtEnd(12, List.of(new Dwell(10, 25, 4)), 60).stream()
        .filter(v -> v.aspect() == Aspect.DWELL).findFirst().orElseThrow().message();
  }

  @Test
  void wholeMinutesReadAsMinutes() {
    assertEquals("Tender spot at 4 cm, held 15 s: hold tender spots 1–2 min.", shortSpot(60, 120));
  }

  @Test
  void secondsThatAreNotWholeMinutesAreNotRoundedToTenthsOfAMinute() {
    assertEquals("Tender spot at 4 cm, held 15 s: hold tender spots 0:45–1:40 min.", shortSpot(45, 100));
    assertEquals("Tender spot at 4 cm, held 15 s: hold tender spots 0:30–1:30 min.", shortSpot(30, 90));
  }
}
