package com.rollercoach.core.detect;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.coach.Verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one pace rule: travel over the time actually spent rolling. */
class RollingTimeTest {
  @Test
  void pausesAreCutOutOfAPassAndARunningStillCountsUpToNow() {
    Pass p = new Pass(1, 10, 100, 0, 15); // 90 s span, 15 cm
    List<double[]> pauses = RollingTime.merge(List.of(new double[] {13, 60}, new double[] {50, 94}, new double[] {0, 5}));
    assertEquals(2, pauses.size(), "overlapping pauses joined");
    assertEquals(3 + 6, RollingTime.rollingSeconds(p, pauses), 1e-9);
    assertEquals(15 / 9.0, RollingTime.speed(p, pauses), 1e-9);
    // A still period still running (no end yet) is a pause up to +∞.
    assertEquals(15 / 3.0, RollingTime.speed(p, List.of(new double[] {13, Double.POSITIVE_INFINITY})), 1e-9);
    assertTrue(Double.isNaN(RollingTime.speed(p, List.of(new double[] {0, 200}))), "no rolling time: no speed");
  }

  /** Six 6 s passes at 2.5 cm/s; the fourth stops for 80 s on a tender spot in its middle. */
  private static SessionAnalysis withDwellInsideAPass() {
    List<Pass> passes = new ArrayList<>();
    double t = 10;
    for (int i = 1; i <= 6; i++) {
      double dur = i == 4 ? 86 : 6;
      passes.add(new Pass(i, t, t + dur, i % 2 == 1 ? 0 : 15, i % 2 == 1 ? 15 : 0));
      t += dur;
    }
    Dwell d = new Dwell(31, 111, 7.5);
    return new SessionAnalysis(0, t + 10, List.of(new double[] {5, t + 5}), passes, 3, List.of(d), List.of(),
        0.9, 15, List.of());
  }

  @Test
  void theSessionsPaceAndTheCoachsVerdictAreOverRollingTime() {
    SessionAnalysis given = withDwellInsideAPass();
    assertEquals(15 / 6.0, RollingTime.pace(given), 1e-9);
    // The collector builds the analysis from the events with its pace by this rule: the one number
    // the summary, JSON, report and verdicts all show (the median over whole passes was 0.9 here).
    AnalysisCollector c = new AnalysisCollector();
    c.onEvent(new MotionEvent.GotOn(5, 5));
    int n = 0;
    for (Pass p : given.passes()) {
      n++;
      c.onEvent(new MotionEvent.PassCompleted(p.endS(), p, n, n / 2));
    }
    c.onEvent(new MotionEvent.DwellFound(111, given.dwells().get(0)));
    SessionAnalysis a = c.analysis(0, given.endS());
    assertEquals(15 / 6.0, a.paceCmS(), 1e-9);
    Verdict pace = new SessionCoach(CoachingTargets.defaults()).judge(a).stream()
        .filter(v -> v.aspect() == Verdict.Aspect.PACE).findFirst().orElseThrow();
    assertEquals(Verdict.Level.GOOD, pace.level(), pace.message());
    assertEquals(2.5, pace.value(), 1e-9);
  }

  /**
   * A data gap is rolling time: the pass's travel includes what the roller rolled across it, so cut
   * out it made a 1 s Bluetooth gap double a 2.3 cm/s pass's speed and the coach said "Slow down"
   * (simulate --seed 30000116). Nor does a gap split the rolling rows: sub-second gaps made rows of
   * no length and named one pass in two rows (simulate --seed 107 --profile typical).
   */
  @Test
  void aDataGapInsideAPassIsRollingTimeAndDoesNotSplitTheRollingRows() {
    List<Pass> passes = new ArrayList<>();
    double t = 10;
    for (int i = 1; i <= 5; i++) {
      passes.add(new Pass(i, t, t + 6, i % 2 == 1 ? 0 : 15, i % 2 == 1 ? 15 : 0));
      t += 6;
    }
    double[] gap = {23, 24}; // inside pass 3 (22–28 s)
    SessionAnalysis a = new SessionAnalysis(0, t + 10, List.<double[]>of(new double[] {5, t + 5}), passes, 2,
        List.of(), List.of(), 0, 15, List.<double[]>of(gap));
    List<double[]> pauses = RollingTime.pauses(a);
    assertEquals(2.5, RollingTime.speed(passes.get(2), pauses), 1e-9, "15 cm over its 6 s");
    assertEquals(2.5, RollingTime.pace(a), 1e-9);
    List<double[]> rows = RollingTime.stretches(a);
    assertEquals(1, rows.size(), "not split at the gap");
    assertEquals(10, rows.get(0)[0], 1e-9);
    assertEquals(40, rows.get(0)[1], 1e-9);
    assertEquals(1, rows.get(0)[2], 1e-9);
    assertEquals(5, rows.get(0)[3], 1e-9);
  }
}
