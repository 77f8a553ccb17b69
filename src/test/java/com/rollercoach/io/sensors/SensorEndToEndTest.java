package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.cli.RollerCoachCommand;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.SessionAnalyzer;
import com.rollercoach.io.csv.CsvSampleReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One simulated session, written the way each sensor people own would deliver it, analyzed through
 * the project's file dispatch: the coaching result matches analyzing the original CSV.
 */
class SensorEndToEndTest {
  private static final double G = ImuSample.STANDARD_GRAVITY;
  @TempDir static Path dir;
  static Path csv;
  static List<ImuSample> samples = new ArrayList<>();
  static SessionAnalysis reference;

  @BeforeAll
  static void simulate() throws IOException {
    csv = dir.resolve("session.csv");
    int code = RollerCoachCommand.commandLine()
        .execute("simulate", "--seed", "3", "--out", csv.toString());
    assertEquals(0, code);
    try (CsvSampleReader r = CsvSampleReader.open(csv)) {
      r.readTo(new SampleSink() {
        @Override
        public void accept(ImuSample s) {
          samples.add(s);
        }
      });
    }
    reference = analyze(csv);
    assertTrue(reference.passes().size() > 10, "a session with passes to compare");
  }

  static SessionAnalysis analyze(Path file) {
    return SessionAnalyzer.analyze(file, OptionalDouble.of(10), null).analysis();
  }

  static void assertSameCoaching(SessionAnalysis a, String what) {
    String msg = what + ": passes " + a.passes().size() + " vs " + reference.passes().size()
        + ", dwells " + a.dwells().size() + " vs " + reference.dwells().size()
        + ", holds " + a.holds().size() + " vs " + reference.holds().size();
    System.out.println(msg);
    assertEquals(reference.passes().size(), a.passes().size(), msg);
    assertEquals(reference.rolls(), a.rolls(), msg);
    assertEquals(reference.dwells().size(), a.dwells().size(), msg);
    assertEquals(reference.holds().size(), a.holds().size(), msg);
  }

  @Test
  void phyphoxZip() throws IOException {
    int n = samples.size();
    double t0 = samples.get(0).tS();
    double[] at = new double[n], ax = new double[n], ay = new double[n], az = new double[n];
    double[] gt = new double[n], gx = new double[n], gy = new double[n], gz = new double[n];
    for (int i = 0; i < n; i++) {
      ImuSample s = samples.get(i);
      at[i] = s.tS() - t0;
      ax[i] = s.axG() * G;
      ay[i] = s.ayG() * G;
      az[i] = s.azG() * G;
      gt[i] = s.tS() - t0; // phones stamp both sensors; here they happen to coincide
      gx[i] = Math.toRadians(s.gxDps());
      gy[i] = Math.toRadians(s.gyDps());
      gz[i] = Math.toRadians(s.gzDps());
    }
    Map<String, Map<String, double[]>> sets = new LinkedHashMap<>();
    sets.put("Accelerometer", PhyphoxExportWriter.set(new String[] {"Time (s)",
        "Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)"}, at, ax, ay, az));
    sets.put("Gyroscope", PhyphoxExportWriter.set(new String[] {"Time (s)", "Gyroscope x (rad/s)",
        "Gyroscope y (rad/s)", "Gyroscope z (rad/s)"}, gt, gx, gy, gz));
    Path zip = dir.resolve("Roller Coach.zip");
    new PhyphoxExportWriter('\t', ',').writeZip(zip, sets);
    assertSameCoaching(analyze(zip), "phyphox zip");
  }

  @Test
  void arduinoSerialCaptureWithMillisAndTwoDecimals() throws IOException {
    // Serial.print(float) prints two decimals: 0.01 g and 0.01 °/s resolution, as a real sketch.
    Path log = dir.resolve("capture.txt");
    try (BufferedWriter w = Files.newBufferedWriter(log)) {
      w.write("Accelerometer sample rate = 104.00 Hz\r\n\r\nAcceleration in G's\r\nX\tY\tZ\r\n");
      for (ImuSample s : samples) {
        w.write(String.format(Locale.ROOT, "%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\r\n",
            Math.round(s.tS() * 1000), s.axG(), s.ayG(), s.azG(), s.gxDps(), s.gyDps(), s.gzDps()));
      }
    }
    assertSameCoaching(analyze(log), "Arduino capture");
  }

  @Test
  void xImu3DataLoggerFile() throws IOException {
    Path f = dir.resolve("session.ximu3");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("{\"ping\":{\"interface\":\"USB\",\"name\":\"x-IMU3\",\"sn\":\"65577B49\"}}\n");
      for (ImuSample s : samples) {
        w.write(String.format(Locale.ROOT, "I,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\r\n",
            Math.round(s.tS() * 1e6), s.gxDps(), s.gyDps(), s.gzDps(), s.axG(), s.ayG(), s.azG()));
      }
    }
    assertSameCoaching(analyze(f), "x-IMU3 file");
  }
}
