package com.rollercoach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotionPipelineTest {
  static SessionAnalysis analyze(SyntheticSession session, PipelineConfig config) {
    return session.analyze(config);
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

  /**
   * A Bluetooth LE link that stalls for 200 ms every 1.5 s and then delivers the queued samples in a
   * burst, 0.4 ms apart, stamped on arrival by a 1 ms clock: two or three samples share each stamp.
   * Every sample reaches the signal stage (a repeated stamp is a sample, not a bad one: refused at
   * the edge, it took a third of each burst's rotation with it) and the passes are the clean
   * session's.
   */
  @Test
  void aBurstStampedOnArrivalWithRepeatedStampsLosesNoSample() {
    SyntheticSession s =
        new SyntheticSession().rate(200).axis(0.3, -0.8, 0.5).idle(10).getOn().strokes(10, 15, 6.0).rest(30).getOff().idle(8);
    List<ImuSample> clean = new ArrayList<>();
    s.play(clean::add);
    List<ImuSample> link = new ArrayList<>();
    List<ImuSample> queue = new ArrayList<>();
    int repeated = 0;
    double lastStamp = Double.NEGATIVE_INFINITY;
    for (ImuSample x : clean) {
      double phase = x.tS() % 1.5;
      if (phase < 0.2) {
        queue.add(x); // stalled: the device keeps sampling, nothing arrives
        continue;
      }
      for (int b = 0; b < queue.size(); b++) {
        double stamp = Math.max(lastStamp, Math.rint((x.tS() + b * 0.0004) * 1000) / 1000);
        if (stamp == lastStamp) repeated++;
        lastStamp = stamp;
        ImuSample q = queue.get(b);
        link.add(new ImuSample(stamp, q.axG(), q.ayG(), q.azG(), q.gxDps(), q.gyDps(), q.gzDps()));
      }
      queue.clear();
      lastStamp = Math.max(lastStamp, x.tS());
      link.add(new ImuSample(lastStamp == x.tS() ? x.tS() : Math.nextUp(lastStamp), x.axG(), x.ayG(), x.azG(),
          x.gxDps(), x.gyDps(), x.gzDps()));
      lastStamp = link.get(link.size() - 1).tS();
    }
    assertTrue(repeated > 100, "the link repeats stamps: " + repeated);

    SessionAnalysis expected = analyze(s, PipelineConfig.defaults());
    AnalysisCollector c = new AnalysisCollector();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), c);
    SampleSink sink = p;
    link.forEach(sink::accept);
    p.end();
    SessionAnalysis got = c.analysis(0, s.durationS());

    assertEquals(0, p.validator().rejected(), p.validator().summary().orElse(""));
    assertEquals(link.size(), p.sampleCount());
    assertEquals(expected.passes().size(), got.passes().size());
    for (int i = 0; i < got.passes().size(); i++) {
      Pass e = expected.passes().get(i);
      Pass g = got.passes().get(i);
      assertEquals(e.toCm() - e.fromCm(), g.toCm() - g.fromCm(), 0.3, "pass " + (i + 1) + "'s travel");
    }
  }
}
