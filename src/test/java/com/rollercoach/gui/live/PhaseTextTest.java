package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.Phase;
import com.rollercoach.live.LiveSession;
import org.junit.jupiter.api.Test;

class PhaseTextTest {
  private final CoachingTargets t = CoachingTargets.defaults();

  private static LiveState at(double tS, Phase phase, int rolls, double stillSince, int breaths) {
    return new LiveState(tS, -7.6, 0, phase, phase != Phase.OFF_ROLLER, rolls * 2, rolls, stillSince,
        breaths, Double.NaN);
  }

  private static LiveSession.Coaching coach(StillMode m, double since, int breaths, boolean holdDone) {
    return new LiveSession.Coaching(m, since, breaths, holdDone, 0, new double[0]);
  }

  @Test
  void aStillPeriodStartsNeutralWithItsTimerAsTheBigElement() {
    PhaseText p = PhaseText.of(at(135, Phase.HOLD, 12, 100, 7), coach(StillMode.NEUTRAL, 100, 0, false), t);
    assertEquals("Holding still", p.title());
    assertEquals("0:35", p.timer());
    assertEquals("", p.detail()); // no breaths outside a hold
  }

  @Test
  void tenderSpotShowsElapsedTimeAndPosition() {
    PhaseText p = PhaseText.of(at(142.4, Phase.STILL, 3, 100, 0), coach(StillMode.TENDER_SPOT, 100, 0, false), t);
    assertEquals("Tender spot", p.title());
    assertEquals("0:42", p.timer());
    assertEquals("at -8 cm · move on after 1:00", p.detail());
  }

  @Test
  void holdCountsDownThenSaysRollOff() {
    PhaseText running = PhaseText.of(at(122.5, Phase.HOLD, 12, 100, 1), coach(StillMode.HOLD, 100, 1, false), t);
    assertEquals("0:38 left", running.timer());
    assertEquals("1 breath", running.detail());
    PhaseText done = PhaseText.of(at(165, Phase.HOLD, 12, 100, 9), coach(StillMode.HOLD, 100, 9, false), t);
    assertEquals("Hold complete", done.title());
    assertEquals("roll off gently · 9 breaths", done.detail());
  }

  @Test
  void otherPhasesHaveTheirWords() {
    LiveSession.Coaching none = coach(StillMode.NONE, Double.NaN, 0, false);
    assertEquals("Off the roller", PhaseText.of(at(1, Phase.OFF_ROLLER, 0, Double.NaN, 0), none, t).title());
    assertEquals("Getting on", PhaseText.of(at(1, Phase.GETTING_ON, 0, Double.NaN, 0), none, t).title());
    assertEquals("when you are ready: roller to mid back, drop the hips",
        PhaseText.of(at(1, Phase.ROLLING, 10, Double.NaN, 0), none, t).detail());
    // After the hold, moving to get off is not "rolling, relax into the hold".
    assertEquals("Hold complete",
        PhaseText.of(at(1, Phase.ROLLING, 10, Double.NaN, 0), coach(StillMode.NONE, Double.NaN, 0, true), t).title());
    // Off the roller between two sets is no "well done".
    assertEquals("Off the roller", PhaseText.of(at(1, Phase.DONE, 10, Double.NaN, 0), none, t).title());
  }
}
