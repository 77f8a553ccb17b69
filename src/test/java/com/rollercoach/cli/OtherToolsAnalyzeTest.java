package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Sensor Logger (iOS) and Physics Toolbox exports through the commands a user runs:
 * {@code analyze} and {@code export} read the iOS export with gravity added; the Physics Toolbox
 * files, whose readings change only ~15 times a second, and an iOS export without Gravity.csv are
 * refused in one line with exit code 2.
 */
class OtherToolsAnalyzeTest {
  @TempDir Path tmp;

  private static Path fixture(String p) throws Exception {
    return Path.of(OtherToolsAnalyzeTest.class.getResource("/sessionfiles/" + p).toURI());
  }

  private Path iosExport(String... files) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("ios-" + files.length));
    for (String f : files) Files.copy(fixture("sensorlogger-ios/" + f), d.resolve(f));
    return d;
  }

  @Test
  void sensorLoggerIosAnalyzesAndExports() throws Exception {
    Path d = iosExport("Accelerometer.csv", "Gravity.csv", "Gyroscope.csv", "Metadata.csv", "Annotation.csv");
    CliRun analyze = CliRun.of("analyze", d.toString());
    assertEquals(0, analyze.code(), analyze.err());
    assertTrue(analyze.err().contains("Accelerometer.csv with Gravity.csv + Gyroscope.csv, from iPhone 13"), analyze.err());
    CliRun json = CliRun.of("analyze", "--json", d.toString());
    assertEquals(0, json.code(), json.err());
    assertTrue(json.out().contains("\"samples\""), json.out());
    Path csv = tmp.resolve("out.csv");
    CliRun export = CliRun.of("export", d.resolve("Gravity.csv").toString(), "--out", csv.toString());
    assertEquals(0, export.code(), export.err());
    List<String> lines = Files.readAllLines(csv);
    int header = 0;
    while (!lines.get(header).startsWith("t_s,")) header++;
    String[] first = lines.get(header + 1).split(",");
    // x = 1.3066348253779112 (user) + 1.3136694001898168 (gravity) m/s^2, in g
    assertEquals((1.3066348253779112 + 1.3136694001898168) / 9.80665, Double.parseDouble(first[1]), 1e-4);
    assertEquals(300, lines.size() - header - 1);
  }

  @Test
  void refusalsAreOneLine() throws Exception {
    Path noGravity = iosExport("Accelerometer.csv", "Gyroscope.csv", "Metadata.csv");
    for (String[] c : List.of(
        new String[] {fixture("physicstoolbox/movement.csv").toString(), "Physics Toolbox repeats the last reading on every row"},
        new String[] {fixture("physicstoolbox/BOUAZIZ_BAGBAG_RADDAOUI_INPUT_N.csv").toString(), "too slow for rolling"},
        new String[] {noGravity.toString(), "on iOS its Gravity beside Accelerometer"})) {
      CliRun r = CliRun.of("analyze", c[0]);
      assertEquals(2, r.code(), c[0] + ": " + r.err());
      assertTrue(r.err().contains(c[1]), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
  }
}
