package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.SyntheticSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hip drop is recognised by its roll (5–20° over 1–2 s), not by a shock flag (issue 10). */
class HipDropTest {
  private static final double RADIUS_CM = 7.5; // SyntheticSession's roller
  private static final double STOP_S = 10 + 1 + 2 + 6 * 3.0; // idle, get-on, its rest, 6 strokes

  private static ExtensionHold hold(SyntheticSession s) {
    AnalysisCollector c = new AnalysisCollector();
    List<MotionEvent> events = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), events::add);
    s.play(p);
    p.end();
    events.forEach(c::onEvent);
    List<ExtensionHold> holds = c.analysis(0, s.durationS()).holds();
    assertEquals(1, holds.size());
    return holds.get(0);
  }

  @Test
  void aTwelveDegreeRollOverOneAndAHalfSecondsAfterTheSetIsTheHipDrop() {
    double dropCm = Math.toRadians(12) * RADIUS_CM; // 1.57 cm: inside the 3 cm band
    SyntheticSession s =
        new SyntheticSession().idle(10).getOn().strokes(6, 15, 5.0).rest(1.5).stroke(dropCm, 1.5)
            .rest(40).getOff().idle(10);
    double dropEnd = STOP_S + 1.5 + 1.5;
    assertEquals(dropEnd, hold(s).startS(), 0.4, "the hold starts when the hips are down");
  }

  @Test
  void aShockAloneAfterTheSetIsNotTheHipDrop() {
    // a heel knocking the floor 1.5 s after the stop, the roller not moving: the hold began at the stop
    SyntheticSession s =
        new SyntheticSession().idle(10).getOn().strokes(6, 15, 5.0).rest(1.5).knock(0.4)
            .rest(40).getOff().idle(10);
    assertEquals(STOP_S, hold(s).startS(), 0.4, "the hold starts where the roller stopped");
  }
}
