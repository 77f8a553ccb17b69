package com.rollercoach.sim.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.sim.SessionTruth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cue benchmark's rules on a hand-made truth: rolling, a tender spot, a hold, getting off. */
class CueJudgeTest {
  /**
   * On at 10 s; strokes 12–20 s and 20–24 s; a tender spot 24–60 s;
   * a fast stroke 60–62 s; the hold 63–130 s; getting off 130–131 s, the roller rolling away to
   * 132 s, then empty.
   */
  private static final SessionTruth TRUTH = new SessionTruth(SessionTruth.FORMAT, 1, "typical", "dev", 100,
      15, 15, 150, 3, 1,
      List.of(new SessionTruth.PassSpan(12, 20, 0, 16, 16), // 2 cm/s
          new SessionTruth.PassSpan(20, 60, 16, 4, 12), // 4 s of stroke, then the tender spot: 3 cm/s
          new SessionTruth.PassSpan(60, 62, 4, 16, 12)), // 6 cm/s
      List.of(new SessionTruth.Period(10, 130)), List.of(), List.of(), List.of(),
      List.of(new SessionTruth.PhaseSpan("IDLE", 0, 10), new SessionTruth.PhaseSpan("GETTING_ON", 10, 11),
          new SessionTruth.PhaseSpan("SETTLING", 11, 12), new SessionTruth.PhaseSpan("STROKE", 12, 20),
          new SessionTruth.PhaseSpan("STROKE", 20, 24), new SessionTruth.PhaseSpan("DWELL", 24, 60),
          new SessionTruth.PhaseSpan("STROKE", 60, 62), new SessionTruth.PhaseSpan("HIP_DROP", 62, 63),
          new SessionTruth.PhaseSpan("HOLD", 63, 130), new SessionTruth.PhaseSpan("GETTING_OFF", 130, 131),
          new SessionTruth.PhaseSpan("ROLLING_AWAY", 131, 132), new SessionTruth.PhaseSpan("IDLE", 132, 150)),
      List.of(), null, List.of());
  private final CueJudge judge = new CueJudge(TRUTH, CoachingTargets.defaults());

  @Test
  void aStillCueIsJustifiedWhileSomebodyIsOnNotAfterTheyGotOff() {
    assertNull(judge.fault(new Cue.TenderSpot(34, 8, Cue.Evidence.ROLLS_TO_DO)));
    assertNull(judge.fault(new Cue.HoldCountdown(100, 30, 5)));
    assertNull(judge.fault(new Cue.StillStarted(131, 63, 8)), "the get-off's first second: phases overlap");
    assertNotNull(judge.fault(new Cue.StillStarted(135, 132, 8)));
    assertNotNull(judge.fault(new Cue.HoldCountdown(140, 10, 9)));
  }

  @Test
  void theRangeGuardIsJustifiedWhileRollingNotWhileGettingOnOrOff() {
    assertNull(judge.fault(new Cue.RangeGuard(18, 26, 0, 20)));
    assertNotNull(judge.fault(new Cue.RangeGuard(131.5, 26, 0, 20)));
    assertNotNull(judge.fault(new Cue.RangeGuard(12.5, 26, 0, 20)), "just after settling");
  }

  @Test
  void slowDownIsJudgedByTheLastPassesRollingSpeed() {
    // limit 1.5 × 2.5 = 3.75 cm/s; a slow-down is wrong below 0.85 × that (3.19)
    assertNotNull(judge.fault(new Cue.SlowDown(20.5, 5, 2.5)), "after the 2 cm/s pass");
    assertNull(judge.fault(new Cue.SlowDown(62.5, 5, 2.5)), "after the 6 cm/s pass");
    assertNotNull(judge.fault(new Cue.SlowDown(12.5, 5, 2.5)), "before any pass");
    // the second pass rolled 12 cm in its 4 s of stroke (the tender spot left out): 3 cm/s; announced
    // as the roller stopped at 24 s, before the truth's span ends
    assertNotNull(judge.fault(new Cue.SlowDown(24.5, 5, 2.5)));
    assertNotNull(judge.fault(new Cue.SlowDown(135, 5, 2.5)), "while getting off or after");
  }

  @Test
  void rollCountsAndGettingOnAreJudgedAgainstTheTruth() {
    assertNull(judge.fault(new Cue.RollTick(62.2, 1)));
    assertNotNull(judge.fault(new Cue.RollTick(62.2, 3)));
    assertNull(judge.fault(new Cue.GotOn(11.5)));
    assertNotNull(judge.fault(new Cue.GotOn(100)));
  }
}
