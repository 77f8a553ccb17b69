package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessions import} and {@code progress} as a physio runs them on a small library. */
class ProgressCommandTest {
  @TempDir Path dir;

  /** "5/7" in sessions list's CHECKS column is "5/7" on the progress page too (it said "5 / 7"). */
  @Test
  void aSessionsChecksReadTheSameInSessionsListAndOnTheProgressPage() throws Exception {
    String data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data);
    assertEquals(0, imported.code(), imported.err());
    String row = CliRun.of("sessions", "list", "--data-dir", data).out().lines().skip(1).findFirst().orElseThrow();
    String[] cols = row.trim().split("\\s+");
    String checks = cols[cols.length - 1];
    assertTrue(checks.matches("\\d+/\\d+"), row);

    Path html = dir.resolve("progress.html");
    CliRun progress = CliRun.of("progress", "--patient", "Ann", "--until", "2026-11-08", "--weeks", "2",
        "--data-dir", data, "--out", html.toString());
    assertEquals(0, progress.code(), progress.err());
    String page = Files.readString(html);
    assertTrue(page.contains(">" + checks + "<"), "no " + checks + " on the progress page");
  }

  /**
   * Weeks that ended before the patient's first session are not missed weeks: eight weeks for a
   * patient who started three weeks ago read "Weeks on target 2 / 7" and "8 of 24 prescribed", with
   * the weeks before she started shaded as gaps.
   */
  @Test
  void weeksBeforeThePatientsFirstSessionAreNotMissed() throws Exception {
    String data = dir.resolve("data").toString();
    CliRun first = CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data);
    assertEquals(0, first.code(), first.err());
    CliRun second = CliRun.of("sessions", "import", "samples/two-sets.csv", "--patient", "Ann",
        "--date", "2026-11-11T09:00", "--data-dir", data);
    assertEquals(0, second.code(), second.err());
    Path html = dir.resolve("p.html");
    // weeks of 12, 19, 26 Oct (before her first session), 2, 9 and 16 Nov (1, 1 and 0 sessions of 3)
    CliRun progress = CliRun.of("progress", "--patient", "Ann", "--until", "2026-11-22", "--weeks", "6",
        "--data-dir", data, "--out", html.toString());
    assertEquals(0, progress.code(), progress.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<div class=\"k\">Weeks on target</div><div class=\"v\">0 / 3</div>"), page);
    assertTrue(page.contains("<div class=\"v\">2</div><div class=\"t\">of 9 prescribed</div>"), page);
  }

  /**
   * Without --patient, a library of two patients gives one page of both, judged against one
   * prescription ("Weeks on target", pain first → latest across people): said in one warning line
   * naming them, not silently.
   */
  @Test
  void aPageOfSeveralPatientsSaysSo() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data).code());
    assertEquals(0, CliRun.of("sessions", "import", "samples/two-sets.csv", "--patient", "Bob",
        "--date", "2026-11-05T09:00", "--data-dir", data).code());
    Path html = dir.resolve("p.html");
    CliRun progress = CliRun.of("progress", "--until", "2026-11-08", "--weeks", "1", "--data-dir", data,
        "--out", html.toString());
    assertEquals(0, progress.code(), progress.err());
    assertEquals(List.of("roller-coach: warning: 2 patients (Ann, Bob): this page mixes their sessions;"
            + " give --patient NAME for one", "wrote " + html + " (2 sessions over 1 week)"),
        progress.err().lines().toList());
  }

  /** The import line says the date the session is filed under (from --date, the file, or its mtime). */
  @Test
  void importSaysTheDateItFiledTheSessionUnder() {
    String data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data);
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().strip().endsWith("(Ann, 2026-11-04 09:00, 11 rolls)"), imported.out());
  }

  /**
   * "ann" is Ann: a second session imported as "ann" is filed under Ann (it made a patient "ann" of its
   * own, with Ann's prescription but missing from her list and progress), and "ANN" lists and
   * charts both.
   */
  @Test
  void aPatientNameTypedInAnotherCaseIsThePatientAlreadyThere() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data).code());
    CliRun second = CliRun.of("sessions", "import", "samples/two-sets.csv", "--patient", "ann",
        "--date", "2026-11-06T09:00", "--data-dir", data);
    assertEquals(0, second.code(), second.err());
    assertTrue(second.out().contains("(Ann, 2026-11-06 09:00,"), second.out());
    CliRun list = CliRun.of("sessions", "list", "--patient", "ANN", "--data-dir", data);
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("2 session(s)"), list.out());
    Path html = dir.resolve("p.html");
    CliRun progress = CliRun.of("progress", "--patient", "ann", "--until", "2026-11-08", "--weeks", "1",
        "--data-dir", data, "--out", html.toString());
    assertEquals("wrote " + html + " (2 sessions over 1 week)", progress.err().strip());
    assertTrue(Files.readString(html).contains("Foam rolling progress: Ann"));
  }

  /** "(1 session over 1 week)", not "(1 sessions over 1 weeks)". */
  @Test
  void theWroteLineCountsInWords() {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data).code());
    Path html = dir.resolve("p.html");
    CliRun one = CliRun.of("progress", "--until", "2026-11-08", "--weeks", "1", "--data-dir", data,
        "--out", html.toString());
    assertEquals("wrote " + html + " (1 session over 1 week)", one.err().strip());
    CliRun two = CliRun.of("progress", "--until", "2026-11-08", "--weeks", "2", "--data-dir", data,
        "--out", html.toString(), "--force");
    assertEquals("wrote " + html + " (1 session over 2 weeks)", two.err().strip());
  }

  /** One rule for sessions a week: what prescribe accepts, progress accepts and shows uncapped. */
  @Test
  void sessionsPerWeekHaveOneRuleForPrescribeAndProgress() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data).code());
    CliRun rx = CliRun.of("patients", "prescribe", "Ann", "--per-week", "28", "--from", "2026-11-01",
        "--data-dir", data);
    assertEquals(0, rx.code(), rx.err());
    Path html = dir.resolve("rx.html");
    CliRun progress = CliRun.of("progress", "--patient", "Ann", "--until", "2026-11-08", "--weeks", "1",
        "--data-dir", data, "--out", html.toString());
    assertEquals(0, progress.code(), progress.err());
    String page = Files.readString(html);
    assertTrue(page.contains("1 / 28"), "the prescription of 28 a week is not capped at 21");
    CliRun flag = CliRun.of("progress", "--patient", "Ann", "--until", "2026-11-08", "--weeks", "1",
        "--per-week", "28", "--data-dir", data, "--out", html.toString(), "--force");
    assertEquals(0, flag.code(), flag.err());
    CliRun tooMany = CliRun.of("progress", "--per-week", "36", "--data-dir", data, "--out", html.toString(), "--force");
    assertTrue(tooMany.code() != 0 && tooMany.err().contains("1–35"), tooMany.err());
    CliRun rxTooMany = CliRun.of("patients", "prescribe", "Ann", "--per-week", "36", "--data-dir", data);
    assertTrue(rxTooMany.code() != 0 && rxTooMany.err().contains("1–35"), rxTooMany.err());
  }
}
