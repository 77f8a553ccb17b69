package com.rollercoach.core.coach;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counts line of `analyze`'s summary. */
class SummaryTextTest {
  private static String summary(List<Pass> passes, double pace, double range) {
    SessionAnalysis a = new SessionAnalysis(0, 60, List.of(new double[] {5, 55}), passes, passes.size() / 2,
        List.of(), List.of(), pace, range, List.of());
    return SummaryText.render(a, new SessionCoach(CoachingTargets.defaults()).judge(a), 15);
  }

  /** Without passes there is no pace or range: "pace 0.0 cm/s" read as a measured crawl. */
  @Test
  void aSessionWithoutPassesShowsNoPaceOrRange() {
    String text = summary(List.of(), 0, 0);
    assertTrue(text.contains("0 passes, 0 rolls, no pace or range (no passes), 0 tender spot(s)"), text);
    assertFalse(text.contains("0.0 cm/s"), text);
  }

  @Test
  void aSessionWithPassesShowsItsPaceAndRange() {
    List<Pass> passes = List.of(new Pass(1, 10, 16, 0, 15), new Pass(2, 16, 22, 15, 0));
    String text = summary(passes, 2.5, 15);
    assertTrue(text.contains("2 passes, 1 rolls, pace 2.5 cm/s, range 15.0 cm"), text);
  }
}
