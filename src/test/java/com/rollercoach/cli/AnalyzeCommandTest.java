package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.Main;
import com.rollercoach.core.SyntheticSession;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze} end to end, in-process through {@link Main#run}. */
class AnalyzeCommandTest {
  @TempDir Path dir;

  /** 10 s idle, get on, 12 strokes of 15 cm, a 30 s dwell, 8 strokes, a 60 s hold, get off. */
  private Path session(double diameterInFile, double radiusCm) throws IOException {
    SyntheticSession s =
        new SyntheticSession()
            .radius(radiusCm)
            .axis(-0.2, 0.9, 0.4)
            .idle(10)
            .getOn()
            .strokes(12, 15, 3.0)
            .rest(30)
            .strokes(8, 15, 3.0)
            .rest(60)
            .getOff()
            .idle(10);
    Path file = dir.resolve("session.csv");
    try (CsvSampleWriter w =
        CsvSampleWriter.create(
            file, new SessionMetadata(Map.of("roller_diameter_cm", Double.toString(diameterInFile))))) {
      s.play(w::accept);
    }
    return file;
  }

  @Test
  void jsonReportsTheSessionInTheFilesClock() throws IOException {
    Path file = session(15, 7.5);
    CliRun r = CliRun.of("analyze", file.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(20, j.get("passes").asInt());
    assertEquals(10, j.get("rolls").asInt());
    assertEquals(1, j.get("dwells").size());
    JsonNode dwell = j.get("dwells").get(0);
    assertEquals(73, dwell.get("start_s").asDouble(), 1.0);
    assertEquals(103, dwell.get("end_s").asDouble(), 1.0);
    JsonNode hold = j.get("extension_holds").get(0);
    assertEquals(143, hold.get("start_s").asDouble(), 1.0);
    assertEquals(203, hold.get("end_s").asDouble(), 1.0);
    assertEquals(12, hold.get("breaths").asInt(), 1);
    assertEquals(s().durationS(), j.get("duration_s").asDouble(), 0.05);
    assertEquals(3.0, j.get("pace_cm_s").asDouble(), 0.5);
    assertEquals(15, j.get("range_cm").asDouble(), 0.5);
  }

  private static SyntheticSession s() {
    return new SyntheticSession().idle(10).getOn().strokes(12, 15, 3.0).rest(30).strokes(8, 15, 3.0).rest(60).getOff().idle(10);
  }

  @Test
  void rollerDiameterOptionOverridesTheFile() throws IOException {
    // the roller really is 10 cm across, the file claims 15: the option scales positions right
    Path file = session(15, 5.0);
    JsonNode wrong = new ObjectMapper().readTree(CliRun.of("analyze", file.toString(), "--json").out());
    JsonNode right =
        new ObjectMapper()
            .readTree(CliRun.of("analyze", file.toString(), "--json", "--roller-diameter-cm", "10").out());
    assertEquals(15, right.get("range_cm").asDouble(), 0.5);
    assertEquals(22.5, wrong.get("range_cm").asDouble(), 0.8);
    assertEquals(10, right.get("roller_diameter_cm").asDouble());
  }

  @Test
  void readableSummaryShowsTimelineCountsAndVerdicts() throws IOException {
    CliRun r = CliRun.of("analyze", session(15, 7.5).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("20 passes, 10 rolls"), r.out());
    assertTrue(r.out().contains("Timeline"), r.out());
    assertTrue(r.out().contains("extension hold"), r.out());
    assertTrue(r.out().contains("10 rolls: within the 10–20 target."), r.out());
  }

  @Test
  void aCaptureSaysOnStderrWhatItWasReadAsAndTheProjectCsvDoesNot() throws IOException {
    // an Arduino sketch's lines with a millisecond column, as docs/sensors.md shows them
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) text.append(i * 10).append(",0.01,0.02,0.99,0.1,-0.2,0.3\n");
    Path capture = Files.writeString(dir.resolve("capture.txt"), text);
    CliRun r = CliRun.of("analyze", capture.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("read " + capture + " (text lines: t_ms,ax,ay,az,gx,gy,gz in g and dps"), r.err());
    CliRun plain = CliRun.of("analyze", session(15, 7.5).toString());
    assertFalse(plain.err().contains("read "), plain.err());
  }

  @Test
  void badFileIsOneLineWithFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps\n0,0,0,1,0,0\n");
    CliRun r = CliRun.of("analyze", bad.toString());
    assertEquals(2, r.code());
    assertEquals(
        "roller-coach: " + bad + ":1: missing column gz_dps (or gz_rads) in the header",
        r.err().strip());
    assertFalse(r.err().contains("Exception"));
  }

  @Test
  void missingFileIsOneLine() {
    CliRun r = CliRun.of("analyze", dir.resolve("nope.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().strip().endsWith("nope.csv: no such file"), r.err());
  }

  /**
   * The timeline's rolling lines never span a break off the roller or a hold: on the two-sets sample
   * each lies inside one "on the roller" period and ends where the hold begins.
   */
  @Test
  void timelineRollingLinesStayInsideTheirSetAndBeforeTheHold() {
    CliRun r = CliRun.of("analyze", "samples/two-sets.csv");
    assertEquals(0, r.code(), r.err());
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\s*(\\d+):(\\d+) – (\\d+):(\\d+)\\s+(.*)$");
    java.util.List<double[]> on = new java.util.ArrayList<>();
    java.util.List<double[]> rolling = new java.util.ArrayList<>();
    double holdStart = Double.NaN;
    for (String l : r.out().split("\\R")) {
      var m = line.matcher(l);
      if (!m.matches()) continue;
      double a = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
      double b = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
      String what = m.group(5);
      if (what.startsWith("on the roller")) on.add(new double[] {a, b});
      if (what.startsWith("rolling")) rolling.add(new double[] {a, b});
      if (what.startsWith("extension hold")) holdStart = a;
    }
    assertEquals(2, on.size(), r.out());
    assertEquals(2, rolling.size(), r.out());
    for (double[] x : rolling) {
      assertTrue(on.stream().anyMatch(o -> x[0] >= o[0] && x[1] <= o[1]), "rolling inside a set: " + r.out());
      assertTrue(x[1] <= holdStart, "rolling ends before the hold: " + r.out());
    }
  }
}
