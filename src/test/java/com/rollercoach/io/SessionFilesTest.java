package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one opener over real exports (src/test/resources/sessionfiles, sources in its README) and over
 * the ways a file can be wrong: each is opened by content, played, and checked against gravity; each
 * refusal is one line saying what was found and what is needed.
 */
class SessionFilesTest {
  @TempDir Path dir;

  static Path fixture(String path) {
    try {
      return Path.of(SessionFilesTest.class.getResource("/sessionfiles/" + path).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String PHYPHOX = "phyphox-adtngrha";
  static final String XIMU3 = "x-imu3/x-IMU3 673B204B (UDP)";
  static final String LOGGER = "sensorlogger-android";

  /** Samples of a session, with checks every real export must pass. */
  static List<ImuSample> play(SessionFile f) throws IOException {
    List<ImuSample> out = new ArrayList<>();
    f.play(new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        out.add(s);
      }
    });
    assertTrue(out.size() > 100, f.description() + ": " + out.size() + " samples");
    double[] a = new double[out.size()];
    for (int i = 0; i < a.length; i++) {
      ImuSample s = out.get(i);
      a[i] = Math.sqrt(s.axG() * s.axG() + s.ayG() * s.ayG() + s.azG() * s.azG());
      if (i > 0) assertTrue(s.tS() > out.get(i - 1).tS(), "time increases at " + i);
    }
    Arrays.sort(a);
    assertEquals(1.0, a[a.length / 2], 0.15, f.description() + ": median |a| in g");
    return out;
  }

  @Test
  void phyphoxPairAsFolderOrEitherFileLinearAccelerationIgnored() throws IOException {
    SessionFile folder = SessionFiles.open(fixture(PHYPHOX));
    assertInstanceOf(SensorExport.class, folder);
    assertTrue(folder.description().contains("Accelerometer.csv + Gyroscope.csv"), folder.description());
    List<ImuSample> all = play(folder);
    // the gyroscope table says deg/s: 1.450762302E-1 deg/s is the first reading
    for (String one : List.of("Accelerometer.csv", "Gyroscope.csv")) {
      List<ImuSample> s = play(SessionFiles.open(fixture(PHYPHOX + "/" + one)));
      assertEquals(all.size(), s.size(), one + ": its sibling is found");
      assertEquals(all.get(50).gzDps(), s.get(50).gzDps(), 1e-12);
    }
    List<ImuSample> pair = play(SessionFiles.open(fixture(PHYPHOX + "/Gyroscope.csv"), fixture(PHYPHOX + "/Accelerometer.csv")));
    assertEquals(all.size(), pair.size());
    assertTrue(Math.abs(all.get(0).gxDps()) < 1, "deg/s kept as deg/s, not taken for rad/s");
    assertEquals(100, folder.metadata().number(SessionMetadata.SAMPLE_RATE_HZ).orElseThrow(), 2);
  }

  @Test
  void phyphoxZipWithOrWithoutMetaInAFolderAndWithLinearFirst() throws IOException {
    Path src = fixture(PHYPHOX);
    String meta = "\"property\",\"value\"\n\"deviceModel\",\"Pixel 7\"\n\"deviceBrand\",\"google\"\n";
    Path withMeta = zip("with-meta.zip", new String[][] {
        {"Linear Acceleration.csv", src.resolve("Linear Acceleration.csv").toString()},
        {"Accelerometer.csv", src.resolve("Accelerometer.csv").toString()},
        {"Gyroscope.csv", src.resolve("Gyroscope.csv").toString()},
        {"meta/device.csv", "=" + meta}});
    SessionFile z = SessionFiles.open(withMeta);
    assertEquals("google Pixel 7", z.deviceId().orElseThrow());
    int n = play(z).size();
    Path remade = zip("remade.zip", new String[][] {
        {"My Experiment/Gyroscope.csv", src.resolve("Gyroscope.csv").toString()},
        {"My Experiment/Accelerometer.csv", src.resolve("Accelerometer.csv").toString()}});
    assertEquals(n, play(SessionFiles.open(remade)).size());
    assertTrue(SessionFiles.open(remade).deviceId().isEmpty());
  }

  @Test
  void xImu3LogFolderOrItsInertialCsv() throws IOException {
    SessionFile folder = SessionFiles.open(fixture(XIMU3));
    assertEquals("673B204B", folder.deviceId().orElseThrow(), "from Command.json's ping");
    List<ImuSample> s = play(folder);
    assertEquals(362, s.size());
    assertEquals(19.150794, s.get(0).tS(), 1e-9, "Timestamp (us)");
    assertEquals(0.996598, s.get(0).azG(), 1e-9, "Accelerometer Z (g)");
    assertEquals(0.066303, s.get(0).gzDps(), 1e-9, "Gyroscope Z (deg/s)");
    SessionFile inertial = SessionFiles.open(fixture(XIMU3 + "/Inertial.csv"));
    assertEquals(362, play(inertial).size());
    assertEquals(50, inertial.metadata().number(SessionMetadata.SAMPLE_RATE_HZ).orElseThrow(), 1);
  }

  @Test
  void fusionSensorDataCsv() throws IOException {
    List<ImuSample> s = play(SessionFiles.open(fixture("fusion/sensor_data.csv")));
    assertEquals(400, s.size());
    assertEquals(0.9970807, s.get(0).azG(), 1e-9);
    assertEquals(0.1080897, s.get(0).gzDps(), 1e-9);
  }

  @Test
  void sensorLoggerFolderZipAndEitherFileUseTotalAcceleration() throws IOException {
    SessionFile folder = SessionFiles.open(fixture(LOGGER));
    assertEquals("SM-S926U1", folder.deviceId().orElseThrow(), "from Metadata.csv");
    assertTrue(folder.description().contains("TotalAcceleration.csv + Gyroscope.csv"), folder.description());
    List<ImuSample> s = play(folder);
    // columns z,y,x in m/s^2 and rad/s; seconds_elapsed is the time
    assertEquals(1.423729419708252 / 9.80665, s.get(0).axG(), 1e-6);
    assertTrue(s.get(0).tS() < 1, "seconds_elapsed, not epoch ns: " + s.get(0).tS());
    Path src = fixture(LOGGER);
    List<String[]> entries = new ArrayList<>();
    for (String f : List.of("Accelerometer.csv", "Gravity.csv", "Gyroscope.csv", "Metadata.csv", "TotalAcceleration.csv")) {
      entries.add(new String[] {f, src.resolve(f).toString()});
    }
    SessionFile z = SessionFiles.open(zip("sensorlogger.zip", entries.toArray(String[][]::new)));
    assertEquals(s.size(), play(z).size());
    assertEquals("SM-S926U1", z.deviceId().orElseThrow());
    // Metadata.csv's "recording epoch time" (1707663721288 ms) dates the session, folder and zip alike
    assertEquals("2024-02-11T15:02:01.288Z", folder.metadata().get("start_time"));
    assertEquals("2024-02-11T15:02:01.288Z", z.metadata().get("start_time"));
    assertEquals(s.size(), play(SessionFiles.open(src.resolve("Accelerometer.csv"))).size(),
        "the gravity-free Accelerometer.csv leads to TotalAcceleration.csv beside it");
  }

  @Test
  void sensorLoggerWithTheAccelerometerInGAsOnIosKeepsTheGyroscopeInRadPerS() throws IOException {
    Path ios = Files.createDirectories(dir.resolve("ios"));
    Path src = fixture(LOGGER);
    Files.copy(src.resolve("Gyroscope.csv"), ios.resolve("Gyroscope.csv"));
    StringBuilder g = new StringBuilder();
    for (String line : Files.readAllLines(src.resolve("TotalAcceleration.csv"))) {
      String[] f = line.split(",");
      if (f[0].equals("time")) {
        g.append(line).append('\n');
        continue;
      }
      g.append(f[0]).append(',').append(f[1]);
      for (int i = 2; i < 5; i++) g.append(',').append(Double.parseDouble(f[i]) / 9.80665);
      g.append('\n');
    }
    Files.writeString(ios.resolve("TotalAcceleration.csv"), g);
    List<ImuSample> s = play(SessionFiles.open(ios));
    List<ImuSample> android = play(SessionFiles.open(src));
    assertEquals(android.size(), s.size());
    assertEquals(android.get(10).gxDps(), s.get(10).gxDps(), 1e-9, "rad/s whatever the accelerometer's unit");
    assertEquals(android.get(10).axG(), s.get(10).axG(), 1e-9);
  }

  // ---- refusals: one line, what was found, what is needed ----

  /**
   * A header naming columns we cannot place is refused, not read by position as a headerless
   * Arduino capture (that analysed "foo,bar,…" over our own sample as a session, silently).
   */
  @Test
  void aHeaderOfUnknownNamesIsRefusedNotReadByPosition() throws IOException {
    Path f = Files.writeString(dir.resolve("renamed.csv"),
        "foo,bar,baz,qux,quux,corge,grault\n0.00,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n0.02,0,0,1,0,0,0\n");
    String m = refusal(f);
    assertTrue(m.contains("renamed.csv: the header") && m.contains("names no time column"), m);
  }

  /** Two whole sessions named together, or a folder of them, are refused, not one taken silently. */
  @Test
  void severalWholeSessionsAreRefusedNotOneTakenSilently() throws IOException {
    Path a = Files.copy(Path.of("samples/typical-session.csv"), dir.resolve("a.csv"));
    Path b = Files.copy(Path.of("samples/fast-roller.csv"), dir.resolve("b.csv"));
    String both = refusal(a, b);
    assertTrue(both.contains("2 files that are each a whole session") && both.contains("a.csv")
        && both.contains("b.csv"), both);
    assertTrue(refusal(dir).contains("each a whole session"), refusal(dir));
    assertEquals(a, SessionFiles.open(a).path());
  }

  /** The one-line refusal that opening and playing {@code p} ends in. */
  static String refusal(Path... p) {
    InputFileException e = assertThrows(InputFileException.class, () -> {
      SessionFile f = SessionFiles.open(p);
      f.play(new SampleSink() {
        @Override
        public void accept(ImuSample s) {}
      });
    });
    String m = e.getMessage();
    assertTrue(!m.contains("\n") && m.length() < 600, "one short line: " + m);
    return m;
  }

  @Test
  void accelerometerOnlyLinearOnlyAndGyroscopeOnly() throws IOException {
    Path only = Files.createDirectories(dir.resolve("only"));
    Files.copy(fixture(PHYPHOX + "/Accelerometer.csv"), only.resolve("Accelerometer.csv"));
    assertTrue(refusal(only.resolve("Accelerometer.csv")).contains(
        "accelerometer only ([Accelerometer.csv]): Roller Coach needs the gyroscope too — in phyphox,"), "phyphox advice");
    Path lin = Files.createDirectories(dir.resolve("lin"));
    Files.copy(fixture(PHYPHOX + "/Linear Acceleration.csv"), lin.resolve("Linear Acceleration.csv"));
    Files.copy(fixture(PHYPHOX + "/Gyroscope.csv"), lin.resolve("Gyroscope.csv"));
    assertTrue(refusal(lin).contains("Linear Acceleration.csv holds linear acceleration, which has gravity removed"));
    Path logger = Files.createDirectories(dir.resolve("logger"));
    Files.copy(fixture(LOGGER + "/Gyroscope.csv"), logger.resolve("Gyroscope.csv"));
    assertTrue(refusal(logger).startsWith("gyroscope only ([Gyroscope.csv]): Roller Coach needs the accelerometer"
        + " with gravity too — in Sensor Logger"), refusal(logger));
  }

  @Test
  void aNominal25HzSensorOnASlowClockWithMillisecondStampsIsAccepted() throws IOException {
    // 25 Hz on a clock 1.5 % slow, stamped to the millisecond: steps of 41 and 40 ms, median 41 ms
    StringBuilder ms = new StringBuilder("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
    for (int i = 0; i < 400; i++) {
      ms.append(String.format(java.util.Locale.ROOT, "%.3f", Math.rint(i * 40.6) / 1000)).append(",0,0,1,0,0,0\n");
    }
    Path f = Files.writeString(dir.resolve("ms25.csv"), ms);
    assertEquals(400, play(SessionFiles.open(f)).size());
    // and a true 20 Hz one is still refused
    StringBuilder slow = new StringBuilder("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
    for (int i = 0; i < 400; i++) slow.append(i * 0.05).append(",0,0,1,0,0,0\n");
    Path s = Files.writeString(dir.resolve("twenty.csv"), slow);
    assertTrue(refusal(s).contains("20.0 samples per second is too slow"), refusal(s));
  }

  @Test
  void tooLowARateAndUnitsThatContradictGravity() throws IOException {
    StringBuilder slow = new StringBuilder("Time (s),Acceleration x (m/s^2),Acceleration y (m/s^2),"
        + "Acceleration z (m/s^2),Gyroscope x (rad/s),Gyroscope y (rad/s),Gyroscope z (rad/s)\n");
    for (int i = 0; i < 40; i++) slow.append(i * 0.5).append(",0.1,0.2,9.8,0.01,0.02,0.03\n");
    Path f = Files.writeString(dir.resolve("slow.csv"), slow);
    assertTrue(refusal(f).contains("2.00 samples per second is too slow for rolling: Roller Coach needs at least 25 Hz"), refusal(f));
    StringBuilder own = new StringBuilder("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
    for (int i = 0; i < 40; i++) own.append(i * 0.5).append(",0,0,1,0,0,0\n");
    Path o = Files.writeString(dir.resolve("own.csv"), own);
    assertTrue(refusal(o).contains("own.csv: 2.00 samples per second is too slow"), refusal(o));
    Path g = Files.writeString(dir.resolve("g.csv"), Files.readString(fixture("fusion/sensor_data.csv"))
        .replace("Accelerometer X (g)", "Accelerometer X (m/s^2)").replace("Accelerometer Y (g)", "Accelerometer Y (m/s^2)")
        .replace("Accelerometer Z (g)", "Accelerometer Z (m/s^2)"));
    assertTrue(refusal(g).matches(".*g\\.csv: the header says the accelerometer is in m/s\\^2, but the median \\|a\\| is 0\\.99\\d: the values are g"), refusal(g));
  }

  @Test
  void excelExportsAreRefusedWithTheWayOut() throws IOException {
    String xls = refusal(fixture(PHYPHOX + "/My Experiment adit 2023-04-16 18-40-30 (first 4 KiB).xls"));
    assertTrue(xls.contains("an Excel (.xls)") && xls.contains("choose a CSV format"), xls);
    Path xlsx = zip("phyphox.xlsx", new String[][] {{"[Content_Types].xml", "=<Types/>"}, {"xl/workbook.xml", "=<workbook/>"}});
    assertTrue(refusal(xlsx).contains("an Excel workbook (.xlsx)"), refusal(xlsx));
  }

  @Test
  void binaryAndNonUtf8FilesAreOneLineNeverAStackTrace() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    assertTrue(refusal(Files.write(dir.resolve("junk.csv"), junk)).contains("not a session file: binary content"));
    byte[] latin = "Zeit (s);Beschleunigung x (m/s²)\n".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(refusal(Files.write(dir.resolve("latin.csv"), latin)).contains("latin.csv: not UTF-8 text (byte 0xb2 at offset"));
    // valid at the start, then a Latin-1 byte far past the format sniff: the reader stops with one line
    StringBuilder csv = new StringBuilder("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
    for (int i = 0; i < 5000; i++) csv.append(String.format(Locale.ROOT, "%.3f,0,0,1,0,0,0\n", i * 0.01));
    byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = Arrays.copyOf(head, head.length + 20);
    System.arraycopy("50.000,0,0,1,0,\u00b0\n".getBytes(StandardCharsets.ISO_8859_1), 0, bad, head.length, 16);
    String m = refusal(Files.write(dir.resolve("late.csv"), bad));
    assertTrue(m.contains("not UTF-8 text"), m);
  }

  @Test
  void readsAreBoundedAndMessagesNeverEmbedAWholeHeader() throws IOException {
    Path oneLine = dir.resolve("oneline.csv");
    try (OutputStream out = Files.newOutputStream(oneLine)) {
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 64; i++) out.write(block); // 64 MB without a line end
    }
    assertTrue(refusal(oneLine).contains("line 1: longer than 65536 characters"), refusal(oneLine));
    // a valid CSV whose third line never ends
    Path late = dir.resolve("late-long.csv");
    try (OutputStream out = Files.newOutputStream(late)) {
      out.write("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n0,0,0,1,0,0,0\n0.01,".getBytes(StandardCharsets.US_ASCII));
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) '1');
      for (int i = 0; i < 32; i++) out.write(block);
    }
    assertTrue(refusal(late).contains("late-long.csv: cannot read (line 3: longer than 65536 characters"), refusal(late));
    StringBuilder wide = new StringBuilder("Time (s)");
    for (int i = 0; i < 3000; i++) wide.append(",Column number ").append(i);
    wide.append('\n').append("0").append(",1".repeat(3000)).append('\n');
    String m = refusal(Files.writeString(dir.resolve("wide.csv"), wide));
    assertTrue(m.length() < 600 && m.contains("and 2993 more") && m.contains("names no time column"), m);
  }

  @Test
  void zipBombsStopAtTheGuard() throws IOException {
    Path bomb = dir.resolve("bomb.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new ZipEntry("Accelerometer.csv"));
      z.write("Time (s),Acceleration x (m/s^2),Acceleration y (m/s^2),Acceleration z (m/s^2)\n".getBytes(StandardCharsets.US_ASCII));
      byte[] rows = "0.01,0.0,0.0,9.8\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 40; i++) z.write(rows); // 45 MB of one repeated row compresses ~1000:1
      z.closeEntry();
      z.putNextEntry(new ZipEntry("Gyroscope.csv"));
      z.write("Time (s),Gyroscope x (rad/s),Gyroscope y (rad/s),Gyroscope z (rad/s)\n".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 1000; i++) z.write(String.format(Locale.ROOT, "%.2f,0,0,0%n", i * 0.01).getBytes(StandardCharsets.US_ASCII));
      z.closeEntry();
    }
    assertTrue(Files.size(bomb) < 200_000);
    String m = refusal(bomb);
    assertTrue(m.contains("bomb.zip!Accelerometer.csv: inflates to more than"), m);
  }

  @Test
  void missingEmptyAndUnknownFiles() throws IOException {
    assertTrue(refusal(dir.resolve("nope.csv")).endsWith("nope.csv: no such file"));
    assertTrue(refusal(Files.writeString(dir.resolve("empty.csv"), "")).endsWith("empty.csv: empty file"));
    assertTrue(refusal(Files.createDirectories(dir.resolve("photos"))).contains("no sensor tables (.csv) in this folder"));
    String notes = refusal(Files.writeString(dir.resolve("notes.txt"), "shopping list\nmilk\n"));
    assertTrue(notes.contains("not a sensor capture"), notes);
  }

  /** A zip of {name, source file} or {name, "=literal content"} entries. */
  private Path zip(String name, String[][] entries) throws IOException {
    Path z = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      for (String[] e : entries) {
        out.putNextEntry(new ZipEntry(e[0]));
        out.write(e[1].startsWith("=") ? e[1].substring(1).getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(Path.of(e[1])));
        out.closeEntry();
      }
    }
    return z;
  }
}
