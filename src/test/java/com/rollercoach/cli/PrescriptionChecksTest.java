package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.review.TestSessions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sessions list} and {@code show} judge every session against the patient's prescription in
 * force on the session's date, never against the protocol's constants or what the index stored when
 * the session was imported: changing a prescription (with history) keeps an old session's verdict and
 * judges a later one by the new prescription.
 */
class PrescriptionChecksTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.resolve("data").toString();
    CliRun r = CliRun.of(all);
    assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
    return r;
  }

  /** The CHECKS column ("4/5") of the row whose id starts with the day {@code yyyymmdd}. */
  private static String checks(String list, String day) {
    String row = list.lines().filter(l -> l.startsWith(day)).findFirst()
        .orElseThrow(() -> new AssertionError("no session of " + day + " in\n" + list));
    String[] cols = row.trim().split("\\s+");
    return cols[cols.length - 1];
  }

  private static int met(String fraction) {
    return Integer.parseInt(fraction.substring(0, fraction.indexOf('/')));
  }

  @Test
  void changingAPrescriptionKeepsOldVerdictsAndJudgesLaterSessionsByTheNewOne() throws Exception {
    // Two sessions of 2 min of 10 cm strokes: 15 rolls each (every one of its 30 strokes) (different headers: different content).
    Path a = TestSessions.writeCsv(dir.resolve("a.csv"), Map.of(), 120, 10);
    Path b = TestSessions.writeCsv(dir.resolve("b.csv"), Map.of("note", "second"), 120, 10);
    run("sessions", "import", "--patient", "Ann", "--date", "2026-11-02T09:00", a.toString());
    run("sessions", "import", "--patient", "Ann", "--date", "2026-11-20T09:00", b.toString());

    String before = run("sessions", "list").out();
    assertEquals(checks(before, "20261102"), checks(before, "20261120"), "the same sessions, the same defaults:\n" + before);
    String defaultsOld = checks(before, "20261102");

    // From 10 Nov the physio asks for 16–25 rolls: the 15 rolls of the 20 Nov session fall short.
    run("patients", "prescribe", "Ann", "--rolls", "16-25", "--from", "2026-11-10");
    String after = run("sessions", "list").out();
    assertEquals(defaultsOld, checks(after, "20261102"), "the old session keeps its verdict:\n" + after);
    assertEquals(met(defaultsOld) - 1, met(checks(after, "20261120")), "the new one loses the rolls check:\n" + after);

    String showNew = run("sessions", "show", "20261120").out();
    assertTrue(showNew.contains("15 rolls: fewer than the 16–25 prescribed"), showNew);
    assertTrue(showNew.contains("Prescribed   since 2026-11-10: rolls 16–25"), showNew);
    assertTrue(showNew.contains("Checks       " + met(checks(after, "20261120")) + " of"), showNew);
    String showOld = run("sessions", "show", "20261102").out();
    assertTrue(showOld.contains("15 rolls: within the 10–20 target"), showOld);
    assertTrue(showOld.contains("Prescribed   protocol default"), showOld);

    // An earlier prescription (from 1 Nov) now judges the old session; the later one still wins after 10 Nov.
    run("patients", "prescribe", "Ann", "--rolls", "16-30", "--from", "2026-11-01");
    String history = run("sessions", "list").out();
    assertEquals(met(defaultsOld) - 1, met(checks(history, "20261102")), history);
    assertTrue(run("sessions", "show", "20261102").out().contains("fewer than the 16–30 prescribed"));
    assertTrue(run("sessions", "show", "20261120").out().contains("fewer than the 16–25 prescribed"));
  }
}
