package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.SyntheticSession;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.io.DataFolder;
import com.rollercoach.live.LiveSession;
import com.rollercoach.review.analysis.Rolling;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pace the window shows after a tender spot is the pace of the rolling: a scripted session (real
 * pipeline, one live session as the window runs it) rolls at 2.5 cm/s, stops on a tender spot in
 * the middle of a stroke and carries on (one pass contains 80 s of stillness), and later stops at the
 * end of a stroke and turns back after 80 s (the pass starts inside the still period). Over the whole
 * span those passes "move" at 0.2 cm/s; over rolling time they move at 2.5 cm/s, and that is what is
 * shown, with no pace cue during or after the dwells.
 */
class LivePaceAfterDwellTest {
  static final double SPEED = 2.5;
  @TempDir Path home;

  @Test
  void thePaceShownAfterADwellIsThePaceOfTheRollingPasses() {
    SyntheticSession s = new SyntheticSession().seed(7).idle(3).getOn();
    s.strokes(8, 15, SPEED);           // 4 rolls, back at 0
    s.stroke(8, 8 / SPEED);            // up, and stop mid-stroke on a tender spot
    double dwell1From = s.durationS();
    s.rest(80);
    double dwell1To = s.durationS();
    s.stroke(15, 7 / SPEED);           // carry on up: one pass 0 → 15 cm around the dwell
    for (int i = 0; i < 6; i++) s.stroke(i % 2 == 0 ? 0 : 15, 15 / SPEED); // ends at 15 cm, a top
    double dwell2From = s.durationS();
    s.rest(80);                        // a tender spot at the turning point
    double dwell2To = s.durationS();
    for (int i = 0; i < 8; i++) s.stroke(i % 2 == 0 ? 0 : 15, 15 / SPEED);
    s.getOff().idle(3);

    LiveFeed feed = new LiveFeed(new LinkStatus(LinkStatus.State.CONNECTED, "scripted", 0));
    SessionProcessor processor = new SessionProcessor(
        LiveSession.Setup.of(Prescription.protocolDefault(), DataFolder.resolve(home)), feed, c -> {});
    // What the pace meter shows, each time it changes: {time, cm/s, passes so far}.
    List<double[]> shown = new ArrayList<>();
    s.play(new SampleSink() {
      @Override
      public void accept(ImuSample sample) {
        processor.accept(sample);
        Snapshot snap = feed.snapshot();
        double v = snap.lastPassSpeedCmS();
        if (!Double.isNaN(v) && (shown.isEmpty() || shown.get(shown.size() - 1)[1] != v)) {
          shown.add(new double[] {sample.tS(), v, snap.state().passes()});
        }
      }
    });
    processor.finish("scripted");
    List<Cue> cues = new ArrayList<>();
    feed.drain(o -> {
      if (o instanceof Cue c) cues.add(c);
    });

    // The pace shown once each dwell is over, until the next few passes: the rolling's own pace.
    for (double[] dwell : new double[][] {{dwell1From, dwell1To}, {dwell2From, dwell2To}}) {
      List<double[]> after = shown.stream().filter(x -> x[0] > dwell[1] && x[0] < dwell[1] + 12).toList();
      assertTrue(!after.isEmpty(), "a pass is announced after the dwell ending at " + dwell[1] + ": "
          + shown.stream().map(java.util.Arrays::toString).toList());
      for (double[] x : after) {
        assertEquals(SPEED, x[1], 0.25 * SPEED, "pace shown at " + x[0] + " s after the dwell " + dwell[1]);
      }
      // Nothing during the dwell changes it to a crawl either.
      for (double[] x : shown) {
        if (x[0] >= dwell[0] && x[0] <= dwell[1]) assertTrue(x[1] > 0.75 * SPEED, "during the dwell: " + x[1]);
      }
    }
    // The passes of plain rolling (before the first dwell) set what "the pace of the rolling" is.
    double[] plain = shown.stream().filter(x -> x[0] < dwell1From).mapToDouble(x -> x[1]).sorted().toArray();
    double median = plain[plain.length / 2];
    for (double[] x : shown) {
      if (x[0] > dwell1To) assertEquals(median, x[1], 0.25 * median, "at " + x[0] + " s");
    }
    assertTrue(cues.stream().noneMatch(c -> c instanceof Cue.SlowDown), "no pace cue: " + cues);

    // Live and review judge pace by the same rule: the pass around the first dwell, as the review
    // computes it from the finished analysis, is what the window showed for it.
    SessionAnalysis a = processor.session().analysis();
    Pass around = a.passes().stream().filter(p -> p.startS() < dwell1From && p.endS() > dwell1To).findFirst()
        .orElseThrow(() -> new AssertionError("a pass spans the first dwell: " + a.passes()));
    assertTrue(around.meanSpeedCmS() < 0.5, "over its whole span it crawls: " + around.meanSpeedCmS());
    TreeMap<Integer, Double> lastShownFor = new TreeMap<>();
    for (double[] x : shown) lastShownFor.put((int) x[2], x[1]);
    assertEquals(Rolling.speed(around, Rolling.pauses(a)), lastShownFor.get(around.index()), 0.05);
  }
}
