package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessions show} gives each tender spot at one place: its listing and its check agree. */
class SessionsShowFrameTest {
  @TempDir Path dir;

  @Test
  void aTenderSpotsListedPositionIsTheOneItsCheckNames() {
    String data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", data);
    assertEquals(0, imported.code(), imported.err());
    String list = CliRun.of("sessions", "list", "--data-dir", data).out();
    String id = list.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0];
    String show = CliRun.of("sessions", "show", id, "--data-dir", data).out();
    List<String> listed = all(Pattern.compile("Tender spot  (at [-+]?\\d+ cm, held [0-9:]+ min)"), show);
    List<String> checked = all(Pattern.compile("Tender spot (at [-+]?\\d+ cm, held [0-9:]+ min)"), show);
    assertFalse(listed.isEmpty(), show);
    // the checks say "4.5" where the listing gave the pipeline's own +7 before; one text (SpotText) now
    assertEquals(checked, listed, show);
    assertTrue(show.contains("Positions    in cm from "), show);
    // the frame's description (~330 characters) wraps to an 80-column terminal, indented under itself
    List<String> positions = show.lines().dropWhile(l -> !l.startsWith("Positions ")).takeWhile(
        l -> l.startsWith("Positions ") || l.startsWith(" ".repeat(13))).toList();
    assertTrue(positions.size() > 1, show);
    for (String l : positions) assertTrue(l.length() <= 80, "longer than 80 columns: " + l);
    assertTrue(String.join(" ", positions).contains("Mid/upper back"), show);
  }

  /** Prescribed and each check wrapped like Positions: they ran to ~110 columns. */
  @Test
  void everyLineButTheRecordingsPathFitsEightyColumns() {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", data).code());
    String show = CliRun.of("sessions", "show", "2", "--data-dir", data).out();
    for (String l : show.lines().toList()) {
      if (!l.startsWith("Recording ")) assertTrue(l.length() <= 80, "longer than 80 columns: " + l);
    }
    assertTrue(show.contains("Prescribed   protocol default: rolls 10–20 · 2–4 s/pass ·\n"
        + "             tender spots 60–120 s · hold 60 s · 3×/week"), show);
    assertTrue(show.matches("(?s).*  Range: Range \\d+\\.\\d cm: you kept to the stretch of back your first passes\n"
        + "    covered \\(no more than 5 cm past it\\)\\. \\(ok\\).*"), show);
  }

  private static List<String> all(Pattern p, String text) {
    Matcher m = p.matcher(text);
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
