package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One session has one number of gaps: {@code analyze}, {@code sessions show} and the report's data
 * quality table agree (show and the report counted every interval over three sample periods, 6, where
 * analyze, the live summary and the report's own timeline had the pipeline's 5).
 */
class GapsAgreeTest {
  @TempDir Path dir;

  @Test
  void analyzeSessionsShowAndTheReportCountTheSameGaps() throws Exception {
    Path csv = dir.resolve("gappy.csv");
    // seed 1: a Bluetooth sensor at 26 Hz whose stalls leave gaps, one of them under 0.25 s
    CliRun sim = CliRun.of("simulate", "--seed", "1", "--out", csv.toString());
    assertEquals(0, sim.code(), sim.err());
    CliRun analyzed = CliRun.of("analyze", csv.toString(), "--json");
    assertEquals(0, analyzed.code(), analyzed.err());
    JsonNode j = new ObjectMapper().readTree(analyzed.out());
    int gaps = j.get("gaps").size();
    assertTrue(gaps > 0, "the session should have gaps: " + j.get("gaps"));

    String data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("sessions", "import", csv.toString(), "--data-dir", data);
    assertEquals(0, imported.code(), imported.err());
    String id = imported.out().split(" as ")[1].split(" ")[0];
    String show = CliRun.of("sessions", "show", id, "--data-dir", data).out();
    assertEquals(gaps, number(Pattern.compile("Data +(\\d+) gap\\(s\\)"), show), show);

    Path html = dir.resolve("r.html");
    CliRun report = CliRun.of("report", id, "--data-dir", data, "--out", html.toString());
    assertEquals(0, report.code(), report.err());
    assertEquals(gaps, number(Pattern.compile("<td>Gaps</td><td>(\\d+),"), Files.readString(html)));
  }

  private static int number(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertTrue(m.find(), p + " not in " + text);
    return Integer.parseInt(m.group(1));
  }
}
