package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import org.junit.jupiter.api.Test;

/** The spoken summary praises only what the verdicts earn (the rule of the written summary, Closing). */
class SpokenSummaryTest {
  private static String said(int rolls, int spots, double holdS) {
    SessionCoach coach = new SessionCoach(CoachingTargets.defaults());
    return CueText.of(new Cue.SessionDone(300, rolls, spots, holdS, coach.judgeAtEnd(rolls, holdS)));
  }

  @Test
  void aSessionThatMetItsTargetsIsPraised() {
    assertEquals("Session done: 11 rolls, 2 tender spots, a 1 minute 26 seconds hold. Well done.", said(11, 2, 86));
  }

  @Test
  void missedTargetsAreNamedInsteadOfPraise() {
    assertEquals("Session done: 4 rolls. Next time: more rolls, finish with the extension hold.", said(4, 0, 0));
    assertEquals("Session done: 12 rolls, a 30 seconds hold. Next time: a longer extension hold.", said(12, 0, 30));
  }
}
