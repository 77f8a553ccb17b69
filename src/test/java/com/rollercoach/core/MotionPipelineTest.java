package com.rollercoach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.SessionAnalysis;
import org.junit.jupiter.api.Test;

class MotionPipelineTest {
  static SessionAnalysis analyze(SyntheticSession session, PipelineConfig config) {
    AnalysisCollector c = new AnalysisCollector();
    MotionPipeline p = new MotionPipeline(config, c);
    session.play(p);
    p.end();
    return c.analysis(0, session.durationS());
  }

  @Test
  void typicalSessionGivesItsPassesDwellAndHold() {
    SyntheticSession s =
        new SyntheticSession()
            .axis(0.3, -0.8, 0.5)
            .idle(10)
            .getOn()
            .strokes(12, 15, 3.0)
            .rest(30)
            .strokes(8, 15, 3.0)
            .rest(60)
            .getOff()
            .idle(10);
    SessionAnalysis a = analyze(s, PipelineConfig.defaults());
    assertEquals(20, a.passes().size());
    assertEquals(10, a.rolls());
    assertEquals(1, a.dwells().size());
    assertEquals(1, a.holds().size());
    assertEquals(73, a.dwells().get(0).startS(), 0.5);
    assertEquals(103, a.dwells().get(0).endS(), 0.5);
    assertEquals(143, a.holds().get(0).startS(), 0.5);
    assertEquals(203, a.holds().get(0).endS(), 0.5);
    assertEquals(1, a.onPeriods().size());
    assertEquals(10, a.onPeriods().get(0)[0], 0.5);
    assertEquals(203, a.onPeriods().get(0)[1], 0.5);
  }

  @Test
  void longSessionKeepsEveryPassAndDwell() {
    // 20 minutes, 30 sets of strokes each followed by a 20 s still: the last one is the hold
    SyntheticSession longOne = new SyntheticSession().idle(10).getOn();
    for (int i = 0; i < 30; i++) longOne.strokes(10, 15, 3.0).rest(20);
    longOne.getOff().idle(10);
    SessionAnalysis a = analyze(longOne, PipelineConfig.defaults());
    assertEquals(300, a.passes().size());
    assertEquals(29, a.dwells().size());
    assertTrue(a.holds().size() == 1 && a.holds().get(0).durationS() >= 19);
  }
}
