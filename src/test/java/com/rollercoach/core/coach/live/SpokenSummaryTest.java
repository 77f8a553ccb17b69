package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.detect.Dwell;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spoken summary praises only what the verdicts earn (the rule of the written summary, Closing). */
class SpokenSummaryTest {
  private static String said(int rolls, int spots, double holdS) {
    List<Dwell> dwells = new ArrayList<>();
    for (int i = 0; i < spots; i++) dwells.add(new Dwell(100 + 200 * i, 190 + 200 * i, 20));
    return said(rolls, dwells, holdS);
  }

  private static String said(int rolls, List<Dwell> dwells, double holdS) {
    SessionCoach coach = new SessionCoach(CoachingTargets.defaults());
    return CueText.of(
        new Cue.SessionDone(300, rolls, dwells.size(), holdS, CoachingTargets.defaults().holdTargetS(),
            coach.judgeAtEnd(rolls, dwells, holdS)));
  }

  @Test
  void aSessionThatMetItsTargetsIsPraised() {
    assertEquals("Session done: 11 rolls, 2 tender spots, a hold of 1 minute 26 seconds. Well done.", said(11, 2, 86));
  }

  @Test
  void missedTargetsAreNamedInsteadOfPraise() {
    assertEquals("Session done: 4 rolls. Next time: more rolls, finish with the extension hold.", said(4, 0, 0));
    assertEquals("Session done: 12 rolls, a 30-second hold, 30 seconds short of 1 minute. "
        + "Next time: a longer extension hold.", said(12, 0, 30));
  }

  @Test
  void tenderSpotsAreJudgedAsInTheWrittenSummary() {
    // 20 s on a tender spot is well short of the 1–2 minutes prescribed: no praise, as in analyze.
    assertEquals(
        "Session done: 12 rolls, 1 tender spot, a 1-minute hold. Next time: stay longer on tender spots.",
        said(12, List.of(new Dwell(100, 120, 18)), 60));
    assertEquals(
        "Session done: 12 rolls, 1 tender spot, a 1-minute hold. Next time: move on sooner from tender spots.",
        said(12, List.of(new Dwell(100, 400, 18)), 60));
  }

  /**
   * A patient heard "Well done" after a 55 s hold with 60 s prescribed: a hold within 5 s of the target
   * counted as done. Praise now needs the hold, as said (to the second), to reach the target, and a
   * short hold is told by how much.
   */
  @Test
  void aHoldShorterThanPrescribedIsNotPraisedAndSaysByHowMuch() {
    assertEquals("Session done: 12 rolls, a 55-second hold, 5 seconds short of 1 minute. "
        + "Next time: a longer extension hold.", said(12, 0, 55));
    assertEquals("Session done: 12 rolls, a 59-second hold, 1 second short of 1 minute. "
        + "Next time: a longer extension hold.", said(12, 0, 59.4));
    assertEquals("Session done: 12 rolls, a 1-minute hold. Well done.", said(12, 0, 59.6));
    assertEquals("Session done: 12 rolls, a 1-minute hold. Well done.", said(12, 0, 60));
    List<com.rollercoach.core.coach.Verdict> v =
        new SessionCoach(CoachingTargets.defaults()).judgeAtEnd(12, List.of(), 55);
    assertEquals("Extension hold 55 s, 5 s short of the target: aim for 1:00 min.", v.get(v.size() - 1).message());
  }

  @Test
  void theHoldsLengthReadsAsACompound() {
    assertEquals("Session done: 12 rolls, a 55-second hold,", said(12, 0, 55).substring(0, 41));
    assertEquals("a 2-minute hold", CueText.aHold(120));
    assertEquals("an 8-second hold", CueText.aHold(8));
    assertEquals("an 11-second hold", CueText.aHold(11));
    assertEquals("a hold of 1 minute 30 seconds", CueText.aHold(90));
  }
}
