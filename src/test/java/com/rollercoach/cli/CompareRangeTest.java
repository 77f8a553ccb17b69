package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report --compare's Range row says the range every other view says. For a session of two times on
 * the roller it gave the passes' whole extent ("25.4 cm: -6 cm to 19 cm") beside analyze's, sessions
 * show's and the report's 13.7 cm.
 */
class CompareRangeTest {
  @TempDir Path dir;

  @Test
  void theRangeRowIsTheSessionsRange() throws Exception {
    String file = dir.resolve("two-times-on.csv").toString();
    assertEquals(0, CliRun.of("simulate", "--seed", "109", "--profile", "typical", "--out", file).code());
    CliRun json = CliRun.of("analyze", file, "--json");
    assertEquals(0, json.code(), json.err());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertEquals(2, tree.get("on_periods").size(), "the session this test needs: two times on the roller");
    String range = String.format(Locale.ROOT, "%.1f cm", tree.get("range_cm").asDouble());

    Path html = dir.resolve("compare.html");
    CliRun r = CliRun.of("report", file, "--compare", "samples/typical-session.csv", "--out", html.toString());
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(html);
    int row = page.indexOf("<td>Range</td>");
    assertTrue(row > 0, "a Range row");
    String a = page.substring(row, page.indexOf("</tr>", row)).replaceAll("<[^>]+>", "|");
    String first = a.split("\\|+")[2];
    assertTrue(first.startsWith(range + ": "), first + " should give analyze's " + range);
    assertTrue(first.endsWith(" over 2 times on the roller"), first);
  }
}
