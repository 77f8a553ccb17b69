package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code analyze}'s written summary: one pace, and closing words that follow the verdicts. */
class AnalyzeSummaryTest {
  @Test
  void theCountsLineAndThePaceVerdictShowOnePaceAndAShortHoldIsNotPraised() {
    // The sample's hold is 55 s against the ~60 s target (verdict "[! ] ... aim for 1:00 min").
    CliRun r = CliRun.of("analyze", "samples/typical-session.csv");
    assertEquals(0, r.code(), r.err());
    Matcher counts = Pattern.compile("rolls, pace ([0-9.]+) cm/s").matcher(r.out());
    Matcher verdict = Pattern.compile("\\] Pace ([0-9.]+) cm/s").matcher(r.out());
    assertTrue(counts.find() && verdict.find(), r.out());
    assertEquals(verdict.group(1), counts.group(1), r.out());
    assertTrue(r.out().contains("aim for 1:00 min"), r.out());
    assertFalse(r.out().toLowerCase().contains("well done"), r.out());
    assertTrue(r.out().strip().endsWith("Next time: a longer extension hold."), r.out());
  }

  @Test
  void theSummaryCountsTenderSpotsInTheWordsRecordAndReplayUse() {
    CliRun r = CliRun.of("analyze", "samples/typical-session.csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(Pattern.compile("\\d+ tender spot\\(s\\), \\d+ extension hold").matcher(r.out()).find(), r.out());
    assertFalse(r.out().toLowerCase().contains("dwell"), r.out());
  }

  @Test
  void theHeadingGivesTheRollerAsItsLabelDoes() {
    // "15 cm", as on the roller's label and in every other line, not "15.0 cm"
    CliRun r = CliRun.of("analyze", "samples/typical-session.csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Session: ") && r.out().lines().findFirst().orElseThrow().endsWith("roller 15 cm"), r.out());
  }
  /**
   * A physio who analyzes a patient's file and then reads sessions show sees "[ok] 16 rolls" beside
   * "off target": analyze says whose targets it judged by (stderr, with the other notes on the read).
   */
  @Test
  void itSaysItJudgedByTheProtocolsDefaults() {
    CliRun r = CliRun.of("analyze", "samples/typical-session.csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("judged against the protocol's defaults (rolls 10–20 · 2–4 s/pass · tender spots"
        + " 60–120 s · hold 60 s · 3×/week)"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
