package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.SyntheticSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detection stage on synthetic sessions whose truth is known by construction. */
class DetectorsPhysicsTest {
  private static List<MotionEvent> events(SyntheticSession s) {
    List<MotionEvent> out = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), out::add);
    s.play(p);
    p.end();
    return out;
  }

  private static <T extends MotionEvent> List<T> of(List<MotionEvent> all, Class<T> kind) {
    return all.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  @Test
  void anIdleRollerIsNeverOccupied() {
    List<MotionEvent> ev = events(new SyntheticSession().noise(0.015, 0.0003).idle(120));
    assertEquals(List.of(), of(ev, MotionEvent.GotOn.class));
    assertEquals(List.of(), of(ev, MotionEvent.StillStarted.class));
  }

  @Test
  void aPersonLyingStillIsOnTheRollerAndTheirBreathsAreCounted() {
    SyntheticSession s = new SyntheticSession().breathing(0.6, 6).idle(10).getOn().rest(60).getOff().idle(15);
    List<MotionEvent> ev = events(s);
    List<MotionEvent.GotOn> on = of(ev, MotionEvent.GotOn.class);
    List<MotionEvent.GotOff> off = of(ev, MotionEvent.GotOff.class);
    assertEquals(1, on.size());
    assertEquals(10, on.get(0).onS(), 1.0);
    assertEquals(1, off.size());
    assertEquals(73, off.get(0).offS(), 1.0);
    // no pass ever happened: a still segment of 60 s with nothing after it is an extension hold
    List<MotionEvent.HoldFound> holds = of(ev, MotionEvent.HoldFound.class);
    assertEquals(1, holds.size());
    ExtensionHold h = holds.get(0).hold();
    assertEquals(s.breathsBetween(h.startS(), h.endS()), h.breaths(), 1);
    assertEquals(10, h.breathsPerMin(), 1.0);
  }

  @Test
  void strokesGiveThatManyPassesAtAnyRateAndOrientation() {
    for (double rate : new double[] {25, 100, 1000}) {
      SyntheticSession s =
          new SyntheticSession().rate(rate).axis(1, 1, -0.3).gyroBias(3, -2, 5)
              .idle(8).getOn().strokes(14, 12, 4).rest(5).getOff().idle(10);
      List<MotionEvent.PassCompleted> passes = of(events(s), MotionEvent.PassCompleted.class);
      assertEquals(14, passes.size(), "at " + rate + " Hz");
      assertEquals(7, passes.get(passes.size() - 1).rollCount());
      for (MotionEvent.PassCompleted p : passes) assertEquals(12, p.pass().travelCm(), 0.5);
    }
  }

  @Test
  void shortStrokesAreNoPasses() {
    SyntheticSession s = new SyntheticSession().idle(8).getOn().strokes(10, 4, 3).rest(5).getOff().idle(10);
    assertEquals(List.of(), of(events(s), MotionEvent.PassCompleted.class));
  }

  @Test
  void stillSegmentBoundariesAreWhereTheRollerStoppedAndStarted() {
    SyntheticSession s =
        new SyntheticSession().idle(8).getOn().strokes(6, 15, 3).rest(40).strokes(6, 15, 3).rest(5).getOff().idle(10);
    // strokes from t = 11 to 41, dwell 41–81, strokes 81–111
    List<MotionEvent> ev = events(s);
    List<MotionEvent.DwellFound> dwells = of(ev, MotionEvent.DwellFound.class);
    assertEquals(1, dwells.size());
    assertEquals(41, dwells.get(0).dwell().startS(), 0.5);
    assertEquals(81, dwells.get(0).dwell().endS(), 0.5);
    // a still of 5 s at the end is no still-loaded segment, and nothing is a hold
    assertEquals(List.of(), of(ev, MotionEvent.HoldFound.class));
  }

  @Test
  void aShortStillAtTheEndIsNeitherDwellNorHold() {
    SyntheticSession s = new SyntheticSession().idle(8).getOn().strokes(6, 15, 3).rest(15).getOff().idle(10);
    List<MotionEvent> ev = events(s);
    assertEquals(1, of(ev, MotionEvent.StillEnded.class).size());
    assertEquals(List.of(), of(ev, MotionEvent.DwellFound.class));
    assertEquals(List.of(), of(ev, MotionEvent.HoldFound.class));
  }

  @Test
  void gettingOffShoveIsNotAPass() {
    // the last stroke ends, the person sits up shoving the roller 3 cm twice the same way
    SyntheticSession s =
        new SyntheticSession().idle(8).getOn().strokes(6, 15, 3).rest(30).getOff().getOff().idle(10);
    List<MotionEvent> ev = events(s);
    assertEquals(6, of(ev, MotionEvent.PassCompleted.class).size());
    assertEquals(1, of(ev, MotionEvent.HoldFound.class).size());
  }

  @Test
  void droppedSamplesAndBluetoothGapsChangeNothing() {
    SyntheticSession s =
        new SyntheticSession().rate(100).idle(8).getOn().strokes(12, 15, 3).rest(30).strokes(6, 15, 3)
            .rest(60).getOff().idle(10);
    List<MotionEvent> ev = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), ev::add);
    java.util.Random rnd = new java.util.Random(9);
    s.play(
        x -> {
          double phase = x.tS() % 20;
          boolean inGap = phase > 10 && phase < 10.9; // 0.9 s link drop every 20 s
          if (!inGap && rnd.nextDouble() > 0.05) p.accept(x); // and 5 % of samples lost
        });
    p.end();
    assertEquals(18, of(ev, MotionEvent.PassCompleted.class).size());
    assertEquals(1, of(ev, MotionEvent.DwellFound.class).size());
    assertEquals(1, of(ev, MotionEvent.HoldFound.class).size());
    assertTrue(of(ev, MotionEvent.DataGap.class).size() >= 10, "gaps reported");
  }

  @Test
  void liveStateFollowsThePhases() {
    SyntheticSession s = new SyntheticSession().idle(8).getOn().strokes(6, 15, 3).rest(40).getOff().idle(10);
    List<Phase> seen = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), e -> {});
    s.play(
        x -> {
          p.accept(x);
          Phase ph = p.state().phase();
          if (seen.isEmpty() || seen.get(seen.size() - 1) != ph) seen.add(ph);
        });
    p.end();
    assertEquals(Phase.OFF_ROLLER, seen.get(0));
    assertTrue(seen.containsAll(List.of(Phase.ROLLING, Phase.STILL, Phase.HOLD)), seen.toString());
    assertEquals(Phase.DONE, p.state().phase());
    assertEquals(3, p.state().rolls());
  }
}
