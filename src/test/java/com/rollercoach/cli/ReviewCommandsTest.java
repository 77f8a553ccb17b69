package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.review.TestSessions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The review commands end to end, as a user runs them, on a library in a temporary folder. */
class ReviewCommandsTest {
  static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = RollerCoachCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String data() {
    return tmp.resolve("data").toString();
  }

  private String importOne(String patient, String date) throws Exception {
    Path csv = TestSessions.writeCsv(tmp.resolve("in-" + date + ".csv"), Map.of("device", "rc-7", "recorded_on", date), 6, 10);
    Run r = run("sessions", "import", "--data-dir", data(), "--patient", patient, "--date", date,
        "--pain-before", "6", "--pain-after", "4", "--text", "sore at T6, " + HOSTILE, csv.toString());
    assertEquals(0, r.code(), r.err());
    return r.out().replaceAll("(?s).* as (\\S+) .*", "$1");
  }

  /**
   * A session without an extension hold: `sessions show` said "Hold 0:00, 0 breaths" and `sessions
   * list` "0:00 0", a zero-second hold, where the checks, analyze and the progress page say there was
   * none.
   */
  @Test
  void aSessionWithoutAHoldSaysNoneNotAZeroSecondHold() throws Exception {
    String id = importOne("Bob", "2026-11-04T08:00:00Z");
    Run show = run("sessions", "show", "--data-dir", data(), id);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("No extension hold"), show.out());
    assertTrue(show.out().lines().anyMatch(l -> l.equals("Hold         none")), show.out());
    Run list = run("sessions", "list", "--data-dir", data());
    String row = list.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
    assertFalse(row.contains("0:00"), row);
    assertTrue(row.matches(".* – +– +\\S+.*"), row);
  }

  /**
   * A session without a single pass has no pace and no range: `sessions list` showed "0.0" and "0"
   * and `sessions show` "pace 0.0 cm/s, range 0.0 cm", a stand-still pace, where the progress page
   * leaves both empty.
   */
  @Test
  void aSessionWithoutPassesShowsNoPaceOrRange() throws Exception {
    Path csv = TestSessions.writeCsv(tmp.resolve("short.csv"), Map.of("device", "rc-7"), 2, 10);
    Run imp = run("sessions", "import", "--data-dir", data(), "--patient", "Bob", "--date", "2026-11-04T08:00:00Z",
        csv.toString());
    assertEquals(0, imp.code(), imp.err());
    String id = imp.out().replaceAll("(?s).* as (\\S+) .*", "$1");
    Run show = run("sessions", "show", "--data-dir", data(), id);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().lines().anyMatch(l -> l.equals("Rolling      0 rolls, 0 passes, pace –, range –")), show.out());
    Run list = run("sessions", "list", "--data-dir", data());
    String row = list.out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
    assertTrue(row.matches("\\S+ \\S+ \\S+ Bob +0 +– +– +0 +– +– .*"), row);
  }

  /**
   * The report of a session without a pass (a false start) has no pace or range: its cards said
   * "0.0 cm/s" and "0.0 cm", and the flat charts' axes ran from -5E-9 to 5E-9.
   */
  @Test
  void theReportOfASessionWithoutPassesHasNoPaceRangeOrNanometreAxes() throws Exception {
    Path csv = TestSessions.writeCsv(tmp.resolve("short.csv"), Map.of("device", "rc-7"), 2, 10);
    Path html = tmp.resolve("short.html");
    Run r = run("report", csv.toString(), "--out", html.toString());
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<div class=\"k\">Pace</div><div class=\"v\">–</div>"), "pace card");
    assertTrue(page.contains("<div class=\"k\">Range</div><div class=\"v\">–</div>"), "range card");
    assertFalse(page.matches("(?s).*>-?\\d(\\.\\d+)?E-\\d+<.*"), "an axis labelled in scientific notation");
  }

  /** The list's headings have no room for units: its last line gives them (PACE 2.0 read as what?). */
  @Test
  void theListSaysItsUnits() throws Exception {
    importOne("Bob", "2026-11-04T08:00:00Z");
    Run list = run("sessions", "list", "--data-dir", data());
    assertEquals(0, list.code(), list.err());
    String last = list.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertEquals("1 session(s); PACE in cm/s while rolling, RANGE in cm, HOLD in m:ss", last);
  }

  @Test
  void importListShowNoteDelete() throws Exception {
    String id = importOne(HOSTILE, "2026-11-02T08:00:00Z");
    importOne("Bob", "2026-11-04T08:00:00Z");

    Run list = run("sessions", "list", "--data-dir", data(), "--patient", "Bob");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("Bob") && list.out().contains("1 session(s)"), list.out());
    // the tender spots column is named as sessions show, the report and progress name them
    assertTrue(list.out().lines().findFirst().orElseThrow().matches(
        "ID +DATE +PATIENT +ROLLS +PACE +RANGE +SPOTS +HOLD +BREATHS +CHECKS"), list.out());
    // a patient with no session is named as such, with the patients there are, as progress does
    Run typo = run("sessions", "list", "--data-dir", data(), "--patient", "Bobb");
    assertEquals(2, typo.code(), typo.out());
    assertTrue(typo.err().startsWith("roller-coach: --patient Bobb: no sessions for this patient in "), typo.err());
    assertTrue(typo.err().strip().endsWith(", Bob)") || typo.err().contains("Bob, "), typo.err());
    assertEquals(1, typo.err().strip().lines().count(), typo.err());
    Run reversed = run("sessions", "list", "--data-dir", data(), "--from", "2026-11-02", "--to", "2026-11-01");
    assertEquals(2, reversed.code(), reversed.out());
    assertEquals("roller-coach: --from 2026-11-02 is after --to 2026-11-01: no day is in that range",
        reversed.err().strip());
    Run range = run("sessions", "list", "--data-dir", data(), "--from", "2026-11-01", "--to", "2026-11-02");
    assertTrue(range.out().contains(id) && range.out().contains("1 session(s)"), range.out());

    Run note = run("sessions", "note", "--data-dir", data(), id, "--pain-after", "2");
    assertEquals(0, note.code(), note.err());
    assertEquals(id + ": pain 6→2 · sore at T6, " + HOSTILE, note.out().strip());
    Run nothing = run("sessions", "note", "--data-dir", data(), id);
    assertEquals(2, nothing.code(), nothing.out());
    assertTrue(nothing.err().startsWith("roller-coach: sessions note " + id + ": nothing to note"), nothing.err());
    Run show = run("sessions", "show", "--data-dir", data(), id);
    assertTrue(show.out().contains("Pain         6→2"), show.out());
    assertTrue(show.out().contains("Device       rc-7"), show.out());

    // a prefix finds the session for show and note, but deleting takes the whole id
    Run prefix = run("sessions", "delete", "--data-dir", data(), id.substring(0, id.length() - 2));
    assertEquals(2, prefix.code(), prefix.out());
    assertEquals(1, prefix.err().strip().lines().count(), prefix.err());
    assertTrue(prefix.err().contains("give the whole id") && prefix.err().contains(id), prefix.err());
    assertTrue(run("sessions", "list", "--data-dir", data()).out().contains("2 session(s)"));
    assertEquals(0, run("sessions", "delete", "--data-dir", data(), id).code());
    assertTrue(run("sessions", "list", "--data-dir", data()).out().contains("1 session(s)"));
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Run pain = run("sessions", "note", "--data-dir", data(), "x", "--pain-before", "12");
    assertEquals(2, pain.code());
    assertTrue(pain.err().startsWith("roller-coach: --pain-before 12"), pain.err());
    Run missing = run("report", "--data-dir", data(), "no-such-session");
    assertEquals(2, missing.code());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertTrue(missing.err().contains("no session no-such-session"), missing.err());
    Path broken = Files.writeString(tmp.resolve("broken.csv"), "t_s,ax_g\n1,2\n");
    Run bad = run("sessions", "import", "--data-dir", data(), broken.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("broken.csv") && !bad.err().contains("\tat "), bad.err());
  }

  @Test
  void reportAndProgressWriteEscapedHtmlAndExports() throws Exception {
    String id = importOne(HOSTILE, "2026-11-02T08:00:00Z");
    Path html = tmp.resolve("out/report.html");
    Run report = run("report", "--data-dir", data(), id, "--out", html.toString(), "--png",
        tmp.resolve("png").toString());
    assertEquals(0, report.code(), report.err());
    String page = Files.readString(html);
    assertFalse(page.contains(HOSTILE));
    assertTrue(page.contains("&lt;script&gt;"));
    assertTrue(Files.exists(tmp.resolve("png/timeline.png")));

    Run json = run("report", "--data-dir", data(), id, "--json");
    assertEquals(0, json.code(), json.err());
    var tree = new ObjectMapper().readTree(json.out());
    assertEquals(HOSTILE, tree.path("session").path("patient").asText(), "JSON keeps the raw text");
    assertTrue(tree.path("trace").path("t_s").size() > 10);

    Run csv = run("report", "--data-dir", data(), id, "--csv");
    assertTrue(csv.out().startsWith("event,label,start_s,end_s"), csv.out());

    Path progress = tmp.resolve("progress.html");
    Run p = run("progress", "--data-dir", data(), "--until", "2026-11-08", "--weeks", "2",
        "--out", progress.toString());
    assertEquals(0, p.code(), p.err());
    String pp = Files.readString(progress);
    assertFalse(pp.contains(HOSTILE));
    assertTrue(pp.contains("1 / 3"), "one session of three prescribed in the week of 2 Nov");
  }

  /** --png naming a file is refused before anything is written (it failed after, as "roller-coach: FILE"). */
  @Test
  void reportPngIntoAFileIsRefusedFirst() throws Exception {
    String id = importOne("Ann", "2026-11-02T08:00:00Z");
    Path file = Files.writeString(tmp.resolve("notes.txt"), "kept");
    Path html = tmp.resolve("r.html");
    Run r = run("report", "--data-dir", data(), id, "--out", html.toString(), "--png", file.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("roller-coach: " + file + ": not a folder (--png names a folder to write the chart images in)",
        r.err().strip());
    assertFalse(Files.exists(html), "nothing written");
  }

  @Test
  void reportAndProgressRefuseToOverwriteInOneLineUnlessForced() throws Exception {
    String id = importOne("Ann", "2026-11-02T08:00:00Z");
    Path html = Files.writeString(tmp.resolve("kept.html"), "the physio's own notes");
    Run report = run("report", "--data-dir", data(), id, "--out", html.toString());
    assertEquals(2, report.code(), report.err());
    assertEquals("roller-coach: " + html + ": already exists (use --force to overwrite)", report.err().strip());
    Run progress = run("progress", "--data-dir", data(), "--out", html.toString());
    assertEquals(2, progress.code(), progress.err());
    assertEquals("roller-coach: " + html + ": already exists (use --force to overwrite)", progress.err().strip());
    assertEquals("the physio's own notes", Files.readString(html));
    assertEquals(0, run("report", "--data-dir", data(), id, "--out", html.toString(), "--force").code());
    assertTrue(Files.readString(html).contains("<html"));
  }
}
