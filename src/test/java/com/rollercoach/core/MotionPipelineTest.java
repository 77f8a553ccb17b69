package com.rollercoach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    a.passes().forEach(System.out::println);
    System.out.println(a.passes().size() + " passes " + a.dwells() + " " + a.holds() + " on " + a.onPeriods().stream().map(java.util.Arrays::toString).toList());
    assertEquals(20, a.passes().size());
    assertEquals(10, a.rolls());
    assertEquals(1, a.dwells().size());
    assertEquals(1, a.holds().size());
  }
}
