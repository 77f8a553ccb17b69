package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same real exports through every command that takes a session file — analyze, replay, export,
 * sessions import (twice: the second is the same content), report, calibrate --input — and one
 * refusal through all of them: every command accepts what the others accept, and refuses alike.
 */
class EveryCommandOpensEveryFormatTest {
  @TempDir Path tmp;

  private static Path fixture(String p) throws URISyntaxException {
    return Path.of(EveryCommandOpensEveryFormatTest.class.getResource("/sessionfiles/" + p).toURI());
  }

  private List<Path> inputs() throws Exception {
    List<Path> in = new ArrayList<>();
    in.add(fixture("phyphox-adtngrha"));
    in.add(fixture("phyphox-adtngrha/Gyroscope.csv"));
    in.add(fixture("x-imu3/x-IMU3 673B204B (UDP)"));
    in.add(fixture("x-imu3/x-IMU3 673B204B (UDP)/Inertial.csv"));
    in.add(fixture("fusion/sensor_data.csv"));
    in.add(fixture("sensorlogger-android"));
    Path zip = tmp.resolve("Sensor Logger export.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String f : List.of("TotalAcceleration.csv", "Gyroscope.csv", "Metadata.csv")) {
        z.putNextEntry(new ZipEntry(f));
        z.write(Files.readAllBytes(fixture("sensorlogger-android/" + f)));
        z.closeEntry();
      }
    }
    in.add(zip);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      s.append(String.format(Locale.ROOT, "10:00:%06.3f -> %d,0.01,0.02,0.99,1.5,-0.5,0.25%n", i * 0.01, 900 + i * 10));
    }
    in.add(Files.writeString(tmp.resolve("serial monitor.txt"), s));
    return in;
  }

  /** Inputs (by index in {@link #inputs}) holding the session of the input before them. */
  private static final java.util.Set<Integer> SAME_AS_BEFORE = java.util.Set.of(1, 3, 6);

  /** Inputs run through every command: one of each tool (the rest through analyze and import). */
  private static final java.util.Set<Integer> FULL = java.util.Set.of(0, 3, 5, 7);

  @Test
  void everyCommandReadsEveryFormat() throws Exception {
    String data = tmp.resolve("data").toString();
    int n = 0;
    for (Path in : inputs()) {
      String f = in.toString();
      String what = in.getFileName().toString();
      CliRun analyze = CliRun.of("analyze", "--json", f);
      assertEquals(0, analyze.code(), what + ": analyze: " + analyze.err());
      assertTrue(analyze.out().contains("\"samples\""), what + ": " + analyze.out());

      if (!FULL.contains(n)) {
        // the other inputs: the library's view of them is enough (a report of it would repeat analyze)
        CliRun imported = CliRun.of("sessions", "import", "--data-dir", data, f);
        assertEquals(SAME_AS_BEFORE.contains(n) ? 2 : 0, imported.code(), what + ": import: " + imported.err());
        n++;
        continue;
      }
      CliRun replay = CliRun.of("replay", "--speed", "max", f);
      assertEquals(0, replay.code(), what + ": replay: " + replay.err());

      Path csv = tmp.resolve("export-" + n + ".csv");
      CliRun export = CliRun.of("export", f, "--out", csv.toString());
      assertEquals(0, export.code(), what + ": export: " + export.err());
      assertTrue(Files.size(csv) > 1000, what + ": exported");
      assertTrue(Files.readString(csv).contains("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps"));

      // the Gyroscope.csv of the phyphox folder, the folder's Inertial.csv, the Sensor Logger zip
      // hold the same sessions as the folder before them: recognised, not imported twice
      boolean sameAsBefore = SAME_AS_BEFORE.contains(n);
      CliRun imported = CliRun.of("sessions", "import", "--data-dir", data, f);
      assertEquals(sameAsBefore ? 2 : 0, imported.code(), what + ": import: " + imported.err());
      CliRun again = CliRun.of("sessions", "import", "--data-dir", data, f);
      assertEquals(2, again.code(), what + ": the same content again");
      assertTrue(again.err().contains("already in the library as session") && again.err().contains("(same content)"),
          what + ": " + again.err());

      Path html = tmp.resolve("report-" + n++ + ".html");
      CliRun report = CliRun.of("report", f, "--out", html.toString());
      assertEquals(0, report.code(), what + ": report: " + report.err());
      assertTrue(Files.size(html) > 1000);

      CliRun cal = CliRun.of("calibrate", "--input", f, "--out", tmp.resolve("cal.json").toString());
      String all = cal.out() + cal.err();
      // these are not calibration sessions: the procedure reads them and rejects the first step
      assertTrue(all.contains("calibration rejected at step 1"), what + ": calibrate: " + all);
      for (CliRun r : List.of(analyze, replay, export, imported, again, report, cal)) {
        assertFalse((r.out() + r.err()).contains("Exception"), what + ": " + r.err());
      }
    }
    CliRun list = CliRun.of("sessions", "list", "--data-dir", data);
    // the phyphox folder and its Gyroscope.csv, the x-IMU3 folder and its Inertial.csv, the
    // Sensor Logger folder and its zip are the same sessions: 5 distinct, not 8
    assertTrue(list.out().contains("5 session(s)"), list.out());
  }

  @Test
  void everyCommandRefusesAlikeInOneLine() throws IOException {
    Path only = Files.createDirectories(tmp.resolve("only"));
    Path acc = Files.writeString(only.resolve("Accelerometer.csv"),
        "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\"\n"
            + "0.00,0.1,0.2,9.8\n0.01,0.1,0.2,9.8\n0.02,0.1,0.2,9.8\n");
    String expected = "accelerometer only ([Accelerometer.csv]): Roller Coach needs the gyroscope too — in phyphox";
    String data = tmp.resolve("data").toString();
    String f = acc.toString();
    List<String[]> commands = List.of(
        new String[] {"analyze", f},
        new String[] {"replay", "--speed", "max", f},
        new String[] {"export", f, "--out", tmp.resolve("x.csv").toString()},
        new String[] {"sessions", "import", "--data-dir", data, f},
        new String[] {"report", f, "--out", tmp.resolve("r.html").toString()},
        new String[] {"calibrate", "--input", f, "--out", tmp.resolve("c.json").toString()});
    for (String[] c : commands) {
      CliRun r = CliRun.of(c);
      assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
      assertTrue(r.err().contains(expected), String.join(" ", c) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), String.join(" ", c) + ": " + r.err());
    }
  }
}
