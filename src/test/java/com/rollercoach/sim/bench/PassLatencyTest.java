package com.rollercoach.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.sim.SessionTruth;
import com.rollercoach.sim.SessionTruth.PassSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live pass events paired with true passes by hand-made times. */
class PassLatencyTest {

  private static SessionTruth truth(List<PassSpan> spans) {
    return new SessionTruth(
        SessionTruth.FORMAT, 1, "pauser", "test", 100, 15, 15, 600, spans.size(), spans.size() / 2,
        spans, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
  }

  @Test
  void aStrokeAnnouncedAtAPauseInsideItIsPairedByWhereItFinallyEnds() {
    // three true passes ending at 20, 30 and 34 s; the second pauses at 24 s half-way along
    SessionTruth t =
        truth(
            List.of(
                new PassSpan(10, 20, 0, -12, 12),
                new PassSpan(20, 30, -12, 0, 12),
                new PassSpan(30, 34, 0, -12, 12)));
    double[] confirmable = {20.2, 24.0, 34.3};
    Detections det = new Detections();
    det.onEvent(new MotionEvent.PassCompleted(20.3, new Pass(1, 10, 20, 0, -12), 1, 0));
    // announced at the pause, as the last pass before a still would be, then revised
    det.onEvent(new MotionEvent.PassCompleted(24.1, new Pass(2, 20, 24, -12, -6), 2, 1));
    det.onEvent(new MotionEvent.PassRevised(30.4, new Pass(2, 20, 30, -12, 0)));
    det.onEvent(new MotionEvent.PassCompleted(34.5, new Pass(3, 30, 34, 0, -12), 3, 1));

    List<Double> lat = SessionOutcome.latencies(t, det, confirmable);

    // paired by the pause (24 s), the second event was more than 5 s from every true end and went
    // unpaired, or, with passes closer together, was paired with its neighbour's turning point
    assertEquals(3, lat.size(), lat.toString());
    assertEquals(List.of(0.1, 0.1, 0.2), lat.stream().map(v -> Math.rint(v * 10) / 10).sorted().toList());
  }
}
