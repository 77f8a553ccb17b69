package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhyphoxImportTest {
  private static final double G = ImuSample.STANDARD_GRAVITY;
  private static final String[] ACCEL_NAMES = {
    "Time (s)", "Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)",
    "Absolute acceleration (m/s^2)"
  };
  private static final String[] GYRO_NAMES = {
    "Time (s)", "Gyroscope x (rad/s)", "Gyroscope y (rad/s)", "Gyroscope z (rad/s)",
    "Absolute (rad/s)"
  };

  @TempDir Path dir;

  static final class Collect implements SampleSink {
    final List<ImuSample> samples = new ArrayList<>();
    boolean ended;

    @Override
    public void accept(ImuSample s) {
      if (!samples.isEmpty()) assertTrue(s.tS() > samples.get(samples.size() - 1).tS());
      samples.add(s);
    }

    @Override
    public void end() {
      ended = true;
    }
  }

  /** Phone lying flat, rolling about y at a steadily increasing rate 0.1·t rad/s. */
  static Map<String, double[]> accelSet(double rateHz, double seconds, double t0) {
    int n = (int) (rateHz * seconds);
    double[] t = new double[n], x = new double[n], y = new double[n], z = new double[n], a = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = t0 + i / rateHz;
      x[i] = 0.3;
      y[i] = -0.2;
      z[i] = G;
      a[i] = Math.sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
    }
    return PhyphoxExportWriter.set(ACCEL_NAMES, t, x, y, z, a);
  }

  static Map<String, double[]> gyroSet(double rateHz, double seconds, double t0) {
    int n = (int) (rateHz * seconds);
    double[] t = new double[n], x = new double[n], y = new double[n], z = new double[n], a = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = t0 + i / rateHz;
      y[i] = 0.1 * t[i];
      a[i] = Math.abs(y[i]);
    }
    return PhyphoxExportWriter.set(GYRO_NAMES, t, x, y, z, a);
  }

  @Test
  void zipWithAccelerometerAndGyroscopeSetsIsMergedByTime() throws IOException {
    Path zip = dir.resolve("Roller Coach 2025-11-25 11-26-40.zip");
    Map<String, Map<String, double[]>> sets = new LinkedHashMap<>();
    sets.put("Accelerometer", accelSet(200, 10, 0.0031));
    sets.put("Gyroscope", gyroSet(400, 10, 0.0007));
    new PhyphoxExportWriter(',', '.').writeZip(zip, sets);
    Collect c = new Collect();
    com.rollercoach.io.SessionFile f = com.rollercoach.io.SessionFiles.open(zip);
    f.play(c);
    assertTrue(c.samples.size() >= 1995, "all accel rows inside the gyro's span: " + c.samples.size());
    assertEquals("google Pixel 7", f.deviceId().orElseThrow());
    ImuSample s = c.samples.get(1000);
    assertEquals(0.0031 + 1000 / 200.0, s.tS(), 1e-8, "accelerometer times are the sample times");
    assertEquals(1.0, s.azG(), 1e-8);
    assertEquals(0.3 / G, s.axG(), 1e-8);
    assertEquals(Math.toDegrees(0.1 * s.tS()), s.gyDps(), 1e-6, "gyro interpolated to accel time");
  }

  @Test
  void separateFilesInSemicolonDecimalCommaDialect() throws IOException {
    PhyphoxExportWriter w = new PhyphoxExportWriter(';', ',');
    Path a = dir.resolve("Accelerometer.csv");
    Path g = dir.resolve("Gyroscope.csv");
    w.writeTable(a, accelSet(100, 5, 0));
    w.writeTable(g, gyroSet(100, 5, 0.004));
    assertTrue(Files.readString(a).contains("9,806650000E0"), "decimal comma written");
    Collect c = new Collect();
    TableImport.read(List.of(a, g), c);
    assertTrue(c.samples.size() >= 495);
    assertEquals(1.0, c.samples.get(10).azG(), 1e-8);
  }

  @Test
  void tabSeparatedTableHoldingBothSensors() throws IOException {
    String[] names = {
      "Time (s)", "Acceleration x (m/s^2)", "Acceleration y (m/s^2)", "Acceleration z (m/s^2)",
      "Gyroscope x (rad/s)", "Gyroscope y (rad/s)", "Gyroscope z (rad/s)"
    };
    int n = 300;
    double[] t = new double[n], ax = new double[n], ay = new double[n], az = new double[n];
    double[] gx = new double[n], gy = new double[n], gz = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * 0.01;
      az[i] = G;
      gz[i] = 0.5;
    }
    Path f = dir.resolve("Raw Data.csv");
    new PhyphoxExportWriter('\t', '.')
        .writeTable(f, PhyphoxExportWriter.set(names, t, ax, ay, az, gx, gy, gz));
    Collect c = new Collect();
    TableImport.read(List.of(f), c);
    assertEquals(n, c.samples.size());
    assertEquals(Math.toDegrees(0.5), c.samples.get(5).gzDps(), 1e-9);
  }

  @Test
  void linearAccelerationIsRefusedByNameAndByPhysics() throws IOException {
    PhyphoxExportWriter w = new PhyphoxExportWriter(',', '.');
    Map<String, double[]> linear = accelSet(100, 2, 0);
    Map<String, double[]> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : linear.entrySet()) {
      double[] v = e.getValue().clone();
      if (e.getKey().startsWith("Acceleration z")) java.util.Arrays.fill(v, 0.05);
      renamed.put(e.getKey().replace("Acceleration", "Linear Acceleration"), v);
    }
    Path lin = dir.resolve("Linear Acceleration.csv");
    w.writeTable(lin, renamed);
    Path g = dir.resolve("Gyroscope.csv");
    w.writeTable(g, gyroSet(100, 2, 0));
    SensorFormatException e =
        assertThrows(SensorFormatException.class, () -> TableImport.read(List.of(lin, g), new Collect()));
    assertTrue(e.getMessage().contains("gravity removed"), e.getMessage());

    // a translated export ("Lineare Beschleunigung x (m/s^2)") is caught by |a| ≈ 0
    Map<String, double[]> german = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> en : renamed.entrySet()) {
      german.put(en.getKey().replace("Linear Acceleration", "Beschleunigung").replace("Time", "Zeit")
          .replace("Zeit (s)", "Time (s)"), en.getValue());
    }
    Path de = dir.resolve("Beschleunigung.csv");
    w.writeTable(de, german);
    e = assertThrows(SensorFormatException.class, () -> TableImport.read(List.of(de, g), new Collect()));
    assertTrue(e.getMessage().contains("gravity is missing"), e.getMessage());
  }

  @Test
  void accelerometerAloneIsRefusedWithAReason() throws IOException {
    Path a = dir.resolve("Raw Data.csv");
    new PhyphoxExportWriter(',', '.').writeTable(a, accelSet(100, 2, 0));
    SensorFormatException e =
        assertThrows(SensorFormatException.class, () -> TableImport.read(List.of(a), new Collect()));
    assertTrue(e.getMessage().startsWith("accelerometer only ([Raw Data.csv]): Roller Coach needs the gyroscope too — in phyphox"), e.getMessage());
  }

  @Test
  void recordingsFromDifferentRunsDoNotOverlap() throws IOException {
    PhyphoxExportWriter w = new PhyphoxExportWriter(',', '.');
    Path a = dir.resolve("a.csv");
    Path g = dir.resolve("g.csv");
    w.writeTable(a, accelSet(100, 2, 0));
    w.writeTable(g, gyroSet(100, 2, 50));
    SensorFormatException e =
        assertThrows(SensorFormatException.class, () -> TableImport.read(List.of(a, g), new Collect()));
    assertTrue(e.getMessage().contains("do not overlap"), e.getMessage());
  }

  @Test
  void literalExportWithNaNPaddingAndABadCell() throws IOException, URISyntaxException {
    // test resources: the head of an "Acceleration with g" and a "Gyroscope" export as phyphox
    // writes them (comma, decimal point), the accelerometer table padded with NaN
    Path a = Path.of(getClass().getResource("/sensors/phyphox-acceleration-with-g.csv").toURI());
    Path g = Path.of(getClass().getResource("/sensors/phyphox-gyroscope.csv").toURI());
    Collect c = new Collect();
    TableImport.read(List.of(a, g), c);
    assertEquals(8, c.samples.size());
    assertEquals(9.80174 / G, c.samples.get(0).azG(), 1e-6);

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, Files.readString(a).replace("9.801740000E0", "9.80x"));
    SensorFormatException e =
        assertThrows(SensorFormatException.class, () -> TableImport.read(List.of(bad, g), new Collect()));
    assertTrue(e.getMessage().matches(".*bad\\.csv line 2: '9\\.80x'.*"), e.getMessage());
  }

  /** A single "inf" cell and one runaway timestamp cost their rows, counted with reasons; the rest is read. */
  @Test
  void anInfiniteCellAndARunawayTimeCostTheirRowsNotTheFile() throws IOException {
    StringBuilder text = new StringBuilder("Time (s)\tAcceleration x (m/s^2)\tAcceleration y (m/s^2)"
        + "\tAcceleration z (m/s^2)\tGyroscope x (rad/s)\tGyroscope y (rad/s)\tGyroscope z (rad/s)\n");
    int n = 300;
    for (int i = 0; i < n; i++) {
      String t = i == 100 ? "4e7" : Double.toString(i * 0.01); // a clock that jumped a year, then came back
      String gz = i == 200 ? "inf" : "0.5";
      text.append(t).append("\t0\t0\t9.80665\t0\t0\t").append(gz).append('\n');
    }
    Path f = dir.resolve("Raw Data.csv");
    Files.writeString(f, text);
    Collect c = new Collect();
    TableImport.Report r = TableImport.read(List.of(f), c);
    assertTrue(c.samples.stream().allMatch(s -> s.tS() < 3 && Double.isFinite(s.gzDps())));
    assertTrue(c.samples.size() >= n - 3, "the rest of the table is read: " + c.samples.size());
    String why = r.badSamples().orElseThrow();
    assertTrue(why.startsWith("2 bad samples dropped"), why);
    assertTrue(why.contains("1 non-finite value") && why.contains("1 time jumped over an hour"), why);
  }
}
