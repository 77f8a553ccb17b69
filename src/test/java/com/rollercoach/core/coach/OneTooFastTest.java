package com.rollercoach.core.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Verdict.Aspect;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.LiveCueEngine;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One "too fast": the session verdict called 3.8 cm/s too fast while the charts drew their "too fast"
 * line and the live coach said "slow down" only at 6 cm/s, so a session rolled at 4.5 cm/s was "too
 * fast" in the report, under the line on its charts and never told live. Every pace at which one of
 * them calls rolling too fast, all do.
 */
class OneTooFastTest {
  private static final CoachingTargets TARGETS = Prescription.protocolDefault().targets();

  /** Eight 15 cm passes at {@code speed}. */
  private static List<Pass> passes(double speed) {
    List<Pass> out = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < 8; i++) {
      double dt = 15 / speed;
      out.add(new Pass(i + 1, t, t + dt, i % 2 == 0 ? 0 : 15, i % 2 == 0 ? 15 : 0));
      t += dt;
    }
    return out;
  }

  private static boolean verdictTooFast(double speed) {
    List<Pass> passes = passes(speed);
    double end = passes.get(passes.size() - 1).endS();
    SessionAnalysis a = new SessionAnalysis(0, end, List.of(new double[] {0, end}), passes, 4, List.of(),
        List.of(), speed, 15, List.of());
    Verdict pace = new SessionCoach(TARGETS).judge(a).stream().filter(v -> v.aspect() == Aspect.PACE)
        .findFirst().orElseThrow();
    return pace.level() == Verdict.Level.ABOVE;
  }

  private static boolean toldToSlowDown(double speed) {
    List<Cue> cues = new ArrayList<>();
    LiveCueEngine engine = new LiveCueEngine(Prescription.protocolDefault(), 15, cues::add);
    int n = 0;
    for (Pass p : passes(speed)) {
      n++;
      engine.onEvent(new MotionEvent.PassCompleted(p.endS(), p, n, n / 2));
    }
    return cues.stream().anyMatch(c -> c instanceof Cue.SlowDown);
  }

  @ParameterizedTest
  @ValueSource(doubles = {2.0, 2.5, 3.5, 3.7, 3.8, 4.5, 5.5, 7.0, 9.0})
  void theVerdictTheLiveCueAndTheChartsLineAgree(double speed) {
    boolean overTheLine = speed > TARGETS.paceTooFastCmS();
    assertEquals(overTheLine, verdictTooFast(speed), speed + " cm/s: the session verdict");
    assertEquals(overTheLine, toldToSlowDown(speed), speed + " cm/s: the live cue");
  }

  @ParameterizedTest
  @ValueSource(doubles = {2.0, 2.5, 3.0})
  void theLineIsTheTolerancePastThePace(double pace) {
    assertEquals(pace * CoachingTargets.PACE_TOLERANCE,
        new CoachingTargets(10, 20, pace, 60, 120, 60, 5).paceTooFastCmS(), 1e-12);
    assertTrue(TARGETS.paceTooFastCmS() > TARGETS.paceCmS());
  }
}
