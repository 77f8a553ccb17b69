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

  /**
   * s is the roller's own rotation: after getting off and back on, the same back lies at another s.
   * A second time on, 40 cm further along s over the same 14 cm of back, is judged against its own
   * first passes, and the session's range is that of one time on, not the 54 cm between the sets.
   */
  @Test
  void eachTimeOnTheRollerIsJudgedAgainstItsOwnFirstPasses() {
    List<Pass> passes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      boolean up = i % 2 == 0;
      double base = i < 8 ? 0 : 40;
      double t0 = i < 8 ? i * 6 : 100 + (i - 8) * 6;
      passes.add(new Pass(i + 1, t0, t0 + 5, base + (up ? 0 : 14), base + (up ? 14 : 0)));
    }
    List<double[]> on = List.of(new double[] {0, 50}, new double[] {95, 150});
    assertEquals(List.of(8, 8), new SessionAnalysis(0, 160, on, passes, 8, List.of(), List.of(), 2.5, 14, List.of()).passesByTimeOn().stream().map(List::size).toList());
    com.rollercoach.core.detect.AnalysisCollector c = new com.rollercoach.core.detect.AnalysisCollector();
    c.onEvent(new com.rollercoach.core.detect.MotionEvent.GotOn(0, 0));
    for (Pass p : passes.subList(0, 8)) c.onEvent(new com.rollercoach.core.detect.MotionEvent.PassCompleted(p.endS(), p, p.index(), p.index() / 2));
    c.onEvent(new com.rollercoach.core.detect.MotionEvent.GotOff(50, 50));
    c.onEvent(new com.rollercoach.core.detect.MotionEvent.GotOn(95, 95));
    for (Pass p : passes.subList(8, 16)) c.onEvent(new com.rollercoach.core.detect.MotionEvent.PassCompleted(p.endS(), p, p.index(), p.index() / 2));
    SessionAnalysis a = c.analysis(0, 160);
    assertEquals(14.0, a.rangeCm(), 1e-9);
    Verdict v = new SessionCoach(CoachingTargets.defaults()).judge(a).stream()
        .filter(x -> x.aspect() == Aspect.RANGE).findFirst().orElseThrow();
    assertEquals(Verdict.Level.GOOD, v.level(), v.message());
  }
}
