package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.SpotText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tender spot, one text: analyze's timeline and verdicts, sessions show's listing and checks, and
 * the report wrote the same spot as "tender spot at 7.5 cm (1:02)", "Tender spot  1:02 at 4.5 cm",
 * "held 62 s at +5 cm" — two references (the pipeline's s, the back frame) and three precisions.
 */
class TenderSpotOneTextTest {
  @TempDir Path dir;

  @Test
  void analyzeShowAndTheReportWriteEachTenderSpotTheSameWay() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", data).code());
    CliRun analyze = CliRun.of("analyze", "samples/typical-session.csv");
    CliRun show = CliRun.of("sessions", "show", "2", "--data-dir", data);
    Path html = dir.resolve("r.html");
    assertEquals(0, CliRun.of("report", "2", "--data-dir", data, "--out", html.toString()).code());
    String report = Files.readString(html);

    Pattern spot = Pattern.compile("(?i)tender spot:? +(at -?\\d+ cm, held \\d+:\\d\\d min)");
    List<String> inAnalyze = all(spot, analyze.out());
    assertEquals(List.of("at 5 cm, held 1:02 min", "at 6 cm, held 1:46 min"), inAnalyze.subList(0, 2), analyze.out());
    assertEquals(inAnalyze.subList(0, 2), inAnalyze.subList(2, 4), "timeline and verdicts: " + analyze.out());
    assertEquals(inAnalyze, all(spot, show.out()), "show's listing and checks: " + show.out());
    Pattern inTable = Pattern.compile("(at -?\\d+ cm, held \\d+:\\d\\d min)");
    assertTrue(all(inTable, report).containsAll(inAnalyze.subList(0, 2)), "report");
    assertTrue(analyze.out().contains("Positions in cm from the extension-hold position"), analyze.out());
  }

  /**
   * The report's CSV and JSON event details wrote the spot "at +5 cm" (as if the direction were known)
   * beside the JSON's own verdict, the HTML and sessions show's "at 5 cm".
   */
  @Test
  void theReportsCsvAndJsonWriteTheTenderSpotAsTheHtmlDoes() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", data).code());
    List<String> expected = List.of("at 5 cm, held 1:02 min", "at 6 cm, held 1:46 min");
    Pattern spot = Pattern.compile("(at [-+]?\\d+ cm, held \\d+:\\d\\d min)");
    CliRun csv = CliRun.of("report", "2", "--data-dir", data, "--csv");
    assertEquals(0, csv.code(), csv.err());
    assertEquals(expected, all(spot, csv.out()), csv.out());
    CliRun json = CliRun.of("report", "2", "--data-dir", data, "--json");
    assertEquals(0, json.code(), json.err());
    // the verdicts' two and the events' two
    assertEquals(List.of(expected.get(0), expected.get(1), expected.get(0), expected.get(1)), all(spot, json.out()));
  }

  @Test
  void positionsAreWholeCentimetresSignedOnlyWhenTheDirectionIsKnown() {
    assertEquals("tender spot at +4 cm, held 1:02 min", SpotText.of(4.4, true, 62));
    assertEquals("tender spot at -4 cm, held 45 s", SpotText.of(-4.4, false, 45));
    assertEquals("at 0 cm, held 1:00 min", SpotText.where(-0.2, false, 60));
    assertEquals("0 cm", SpotText.position(-0.2, true)); // at the landmark: no side
  }

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
