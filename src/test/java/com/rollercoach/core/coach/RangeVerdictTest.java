package com.rollercoach.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Verdict.Aspect;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The range verdict says what it judges — how far the rolling went past the stretch of back the first
 * passes covered — in the same words whether it is met or not, so two sessions' lines compare.
 */
class RangeVerdictTest {
  private static Verdict range(double lastFrom, double lastTo) {
    List<Pass> passes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      boolean up = i % 2 == 0;
      double from = i == 7 ? lastFrom : up ? 0 : 14;
      double to = i == 7 ? lastTo : up ? 14 : 0;
      passes.add(new Pass(i + 1, i * 6, i * 6 + 5, from, to));
    }
    double lo = passes.stream().mapToDouble(p -> Math.min(p.fromCm(), p.toCm())).min().orElseThrow();
    double hi = passes.stream().mapToDouble(p -> Math.max(p.fromCm(), p.toCm())).max().orElseThrow();
    SessionAnalysis a = new SessionAnalysis(0, 60, List.of(new double[] {0, 60}), passes, 4, List.of(), List.of(),
        2.5, hi - lo, List.of());
    return new SessionCoach(CoachingTargets.defaults()).judge(a).stream()
        .filter(v -> v.aspect() == Aspect.RANGE).findFirst().orElseThrow();
  }

  @Test
  void aRangeThatDidNotSpreadSaysItKeptToTheFirstPassesStretch() {
    Verdict v = range(14, 0);
    assertEquals(Verdict.Level.GOOD, v.level());
    assertTrue(v.message().startsWith("Range 14.0 cm: you kept to the stretch of back your first passes covered"),
        v.message());
  }

  @Test
  void aRangeThatSpreadSaysHowFarPastTheFirstPassesStretch() {
    Verdict v = range(14, -7);
    assertEquals(Verdict.Level.ABOVE, v.level());
    assertTrue(v.message().startsWith("Range 21.0 cm: you went 7.0 cm past the stretch of back your first passes covered"),
        v.message());
  }
}
