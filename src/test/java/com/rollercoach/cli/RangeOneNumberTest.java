package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling range is one number wherever a session is read: on the typical sample (12.75 cm)
 * analyze and every verdict said "12.7 cm" while `sessions show` said "range 13 cm" three lines above
 * its own "Range 12.7 cm" check, and the report's card and the comparison "13 cm: -5 cm to 7 cm".
 */
class RangeOneNumberTest {
  @TempDir Path dir;

  @Test
  void analyzeShowTheReportsCardAndTheComparisonGiveTheSameRange() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", data).code());
    // the number analyze prints (12.75 cm lies on a rounding edge: whichever way it is read, every
    // output must read it the same)
    String analyzed = CliRun.of("analyze", "samples/typical-session.csv").out();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("range (\\d+\\.\\d) cm").matcher(analyzed);
    assertTrue(m.find(), analyzed);
    String range = m.group(1) + " cm";
    CliRun show = CliRun.of("sessions", "show", "2", "--data-dir", data);
    assertTrue(show.out().contains("range " + range), show.out());
    Path html = dir.resolve("r.html");
    assertEquals(0, CliRun.of("report", "2", "--data-dir", data, "--out", html.toString()).code());
    String report = Files.readString(html);
    assertTrue(report.contains("Range</div><div class=\"v\">" + range + "</div>"), "the report's card");
    Path cmp = dir.resolve("c.html");
    assertEquals(0, CliRun.of("report", "2", "--compare", "samples/two-sets.csv", "--data-dir", data,
        "--out", cmp.toString()).code());
    assertTrue(Files.readString(cmp).contains(range + ": -5 cm to 7 cm"), "the comparison");
  }
}
