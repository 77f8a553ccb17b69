package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.SyntheticSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A motor left running after get-off: its shaking, freed by the load leaving, marks the get-off. */
class MotorGetOffTest {
  private static final double GET_OFF_S = 10 + 1 + 2 + 6 * 3.0 + 40; // idle, get-on, rest, strokes, hold

  private static List<MotionEvent> run(double loadedFraction) {
    // a 0.4 g, 45 Hz motor on from 5 s (before getting on) to the end, sampled at 200 Hz
    SyntheticSession s =
        new SyntheticSession().rate(200).idle(10).getOn().strokes(6, 15, 5.0).rest(40).getOff().idle(20)
            .motorOnAt(5, 0.4, 45).motorLoadedAmplitude(loadedFraction);
    return play(s);
  }

  private static List<MotionEvent.GotOff> gotOff(List<MotionEvent> events) {
    return EventsOfKind.of(events, MotionEvent.GotOff.class);
  }

  /** The events of a whole session through the pipeline (ended at the data's end). */
  private static List<MotionEvent> play(SyntheticSession s) {
    List<MotionEvent> events = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), events::add);
    s.play(p);
    p.end();
    return events;
  }

  @Test
  void aMotorThatShakesThreeTimesHarderOnceTheLoadLeavesMarksTheGetOff() {
    List<MotionEvent> events = run(1 / 3.0);
    List<MotionEvent.GotOff> off = gotOff(events);
    assertEquals(1, off.size());
    assertEquals(GET_OFF_S, off.get(0).offS(), 1.0, "off where getting off began");
    // sooner than the quiet rocking can tell (its 6 s window, see below)
    assertTrue(off.get(0).atS() < GET_OFF_S + 4, "known within seconds, at " + off.get(0).atS());
    AnalysisCollector c = new AnalysisCollector();
    events.forEach(c::onEvent);
    SessionAnalysis a = c.analysis(0, GET_OFF_S + 20);
    assertEquals(6, a.passes().size());
    assertEquals(1, a.holds().size());
    assertEquals(GET_OFF_S, a.holds().get(0).endS(), 1.0, "the hold ends at the get-off, not the data's end");
  }

  @Test
  void withoutTheLoadResponseOnlyTheQuietRockingTellsAndLater() {
    // the same session with a motor a body does not damp (this test motor does not rock the shell,
    // so the empty roller does read quiet): the get-off is found only once the 6 s rocking window
    // has emptied
    List<MotionEvent.GotOff> off = gotOff(run(1.0));
    assertEquals(1, off.size());
    assertTrue(off.get(0).atS() >= GET_OFF_S + 5, "found by the quiet rocking at " + off.get(0).atS());
  }

  /**
   * A 52 Hz sensor under a 55 Hz motor that a body slows to 51.2 Hz: the line, aliased, sits at 3 Hz
   * on the free roller and at 0.8 Hz under the body, so above the 3 Hz high-pass the shaking grows
   * ~50× when the body leaves (as if the motor were switched on there) and looked the same loaded
   * as off. The data end 6 s after getting off, before the quiet rocking can tell.
   */
  @Test
  void aMotorAliasedBelowTheHighPassStillShowsTheLoadLeaving() {
    SyntheticSession s =
        new SyntheticSession().rate(52).idle(10).getOn().strokes(6, 15, 5.0).rest(40).getOff().idle(6)
            .motorOnAt(5, 0.4, 55).motorLoadedHz(51.2).motorLoadedAmplitude(0.4);
    List<MotionEvent> events = play(s);
    List<MotionEvent.GotOff> off = gotOff(events);
    assertEquals(1, off.size());
    assertEquals(GET_OFF_S, off.get(0).offS(), 1.0, "off where getting off began");
    AnalysisCollector c = new AnalysisCollector();
    events.forEach(c::onEvent);
    SessionAnalysis a = c.analysis(0, GET_OFF_S + 6);
    assertEquals(6, a.passes().size(), "the roll-away is no pass");
    assertEquals(1, a.holds().size(), "the rest before getting off is a hold");
  }

  /**
   * A 50 Hz sensor under a 50.05 Hz motor that a body slows to 46 Hz: loaded, the line aliases to
   * 4 Hz and the shaking reads its size; freed, it aliases to 0.05 Hz, a slow swing of the shell that
   * the shaking level hardly sees, so the level <i>falls</i> when the body leaves. Two sets with a
   * minute's break: the fall is the first get-off (the empty roller, swinging, never reads quiet,
   * and its low level once read as a body still damping it), and the level's rise as the second set
   * begins is somebody getting on, not a load leaving (seed 28000100, whose second set was lost).
   */
  @Test
  void anAliasedMotorWhoseFreedShakingReadsLowerStillShowsTheLoadLeaving() {
    SyntheticSession s =
        new SyntheticSession().rate(50).idle(10).getOn().strokes(6, 15, 5.0).rest(30).getOff().idle(60)
            .getOn().strokes(6, 15, 5.0).rest(30).getOff().idle(20)
            .motorOnAt(5, 0.6, 50.05).motorLoadedHz(46).motorLoadedAmplitude(0.5).motorWobble(0.001);
    double firstOff = 10 + 1 + 2 + 6 * 3.0 + 30;
    double secondOn = firstOff + 0.6 + 60;
    double secondOff = secondOn + 1 + 2 + 6 * 3.0 + 30;
    List<MotionEvent> events = play(s);
    List<MotionEvent.GotOff> off = gotOff(events);
    List<MotionEvent.GotOn> on = EventsOfKind.of(events, MotionEvent.GotOn.class);
    assertEquals(2, off.size(), "both get-offs: " + off);
    assertEquals(firstOff, off.get(0).offS(), 1.0);
    assertTrue(off.get(0).atS() < firstOff + 6, "known within seconds, at " + off.get(0).atS());
    assertEquals(2, on.size(), "both get-ons: " + on);
    assertEquals(secondOn, on.get(1).onS(), 1.0, "the second set's get-on");
    assertEquals(secondOff, off.get(1).offS(), 1.0);
    AnalysisCollector c = new AnalysisCollector();
    events.forEach(c::onEvent);
    SessionAnalysis a = c.analysis(0, s.durationS());
    assertEquals(12, a.passes().size());
    assertEquals(2, a.holds().size(), "the rest before each get-off is a hold");
    assertEquals(0, a.dwells().size(), "the break is nobody's dwell");
  }

  /**
   * A 26 Hz sensor under a 26.8 Hz motor (a body slows it to 25.4 Hz) whose wobble of the shell,
   * aliased to 0.8 Hz, swings the empty roller's angle by a degree: its position jitters by a
   * millimetre or two at up to 1 cm/s, so it is never "at rest" by speed for the second the
   * shaking's level needs, and the freed motor's step up went unseen: the two sets merged and the
   * break became a dwell (seed 30000150). Moving so little the shell's own acceleration is
   * thousandths of a g, under the motor's tenths.
   */
  @Test
  void anEmptyShellJitteredByAnAliasedWobbleStillShowsTheLoadLeaving() {
    SyntheticSession s =
        new SyntheticSession().rate(26).idle(10).getOn().strokes(6, 15, 5.0).rest(30).getOff().idle(25)
            .getOn().strokes(6, 15, 5.0).rest(30).getOff().idle(20)
            .motorOnAt(5, 0.5, 26.8).motorLoadedHz(25.4).motorLoadedAmplitude(0.4).motorWobble(0.03);
    double firstOff = 10 + 1 + 2 + 6 * 3.0 + 30;
    double secondOn = firstOff + 0.6 + 25;
    List<MotionEvent> events = play(s);
    List<MotionEvent.GotOff> off = gotOff(events);
    List<MotionEvent.GotOn> on = EventsOfKind.of(events, MotionEvent.GotOn.class);
    assertEquals(2, off.size(), "both get-offs: " + off);
    assertEquals(firstOff, off.get(0).offS(), 1.0);
    assertEquals(2, on.size(), "both get-ons: " + on);
    assertEquals(secondOn, on.get(1).onS(), 1.5, "the second set's get-on");
    AnalysisCollector c = new AnalysisCollector();
    events.forEach(c::onEvent);
    SessionAnalysis a = c.analysis(0, s.durationS());
    assertEquals(12, a.passes().size());
    assertEquals(0, a.dwells().size(), "the break is nobody's dwell");
  }
}
