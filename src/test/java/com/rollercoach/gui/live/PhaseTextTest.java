package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.Phase;
import org.junit.jupiter.api.Test;

class PhaseTextTest {
  private final CoachingTargets t = CoachingTargets.defaults();

  private static LiveState at(double tS, Phase phase, int rolls, double stillSince, int breaths) {
    return new LiveState(tS, -7.6, 0, phase, phase != Phase.OFF_ROLLER, rolls * 2, rolls, stillSince,
        breaths);
  }

  @Test
  void dwellShowsElapsedTimeAndPosition() {
    PhaseText p = PhaseText.of(at(142.4, Phase.STILL, 3, 100, 0), StillMode.DWELL, t);
    assertEquals("Dwell", p.title());
    assertEquals("0:42 at -8 cm", p.detail());
  }

  @Test
  void holdCountsDownThenShowsItsLength() {
    assertEquals("0:38 left · 1 breath",
        PhaseText.of(at(122.5, Phase.HOLD, 12, 100, 1), StillMode.HOLD, t).detail());
    assertEquals("done 1:05 · 9 breaths",
        PhaseText.of(at(165, Phase.HOLD, 12, 100, 9), StillMode.HOLD, t).detail());
  }

  @Test
  void otherPhasesHaveTheirWords() {
    assertEquals("Off the roller", PhaseText.of(at(1, Phase.OFF_ROLLER, 0, Double.NaN, 0),
        StillMode.NONE, t).title());
    assertEquals("Getting on", PhaseText.of(at(1, Phase.GETTING_ON, 0, Double.NaN, 0),
        StillMode.NONE, t).title());
    assertEquals("enough rolls: relax into the hold when ready",
        PhaseText.of(at(1, Phase.ROLLING, 10, Double.NaN, 0), StillMode.NONE, t).detail());
    assertEquals("Done", PhaseText.of(at(1, Phase.DONE, 10, Double.NaN, 0), StillMode.NONE, t).title());
  }
}
