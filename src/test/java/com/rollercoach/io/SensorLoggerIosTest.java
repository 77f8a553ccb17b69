package com.rollercoach.io;

import static com.rollercoach.io.SessionFilesTest.fixture;
import static com.rollercoach.io.SessionFilesTest.play;
import static com.rollercoach.io.SessionFilesTest.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sensor Logger on iOS (a real export, src/test/resources/sessionfiles/sensorlogger-ios): it writes
 * no TotalAcceleration.csv. Its Accelerometer.csv is CoreMotion's user acceleration (gravity
 * removed) and Gravity.csv the gravity, both m/s² and from the same motion updates as Gyroscope.csv
 * (rad/s); their sum is the acceleration with g. Before, such an export was refused as linear
 * acceleration, with advice to use a TotalAcceleration.csv that iOS never writes.
 */
class SensorLoggerIosTest {
  @TempDir Path dir;

  static final String IOS = "sensorlogger-ios";

  /** The files of an export with the app's default sensors (uncalibrated ones off). */
  private Path defaultExport(String... files) throws IOException {
    Path d = Files.createDirectories(dir.resolve("export-" + files.length + "-" + files[0]));
    for (String f : files) Files.copy(fixture(IOS + "/" + f), d.resolve(f));
    return d;
  }

  private static final String[] DEFAULT = {"Accelerometer.csv", "Gravity.csv", "Gyroscope.csv", "Metadata.csv", "Annotation.csv"};

  @Test
  void accelerometerPlusGravityIsTheAccelerationWithG() throws IOException {
    Path export = defaultExport(DEFAULT);
    SessionFile f = SessionFiles.open(export);
    assertTrue(f.description().contains("Accelerometer.csv with Gravity.csv + Gyroscope.csv"), f.description());
    assertEquals("iPhone 13", f.deviceId().orElseThrow(), "from Metadata.csv");
    List<ImuSample> s = play(f); // median |a| ≈ 1 g
    assertEquals(300, s.size(), "every row has its gravity row (same time stamps)");
    ImuSample first = s.get(0);
    assertEquals(0.073869873046875, first.tS(), 1e-12, "seconds_elapsed");
    // x: user 1.3066348253779112 + gravity 1.3136694001898168 m/s^2; columns are z,y,x
    assertEquals((1.3066348253779112 + 1.3136694001898168) / 9.80665, first.axG(), 1e-9);
    assertEquals((-0.12612228813767432 - 9.482108249276877) / 9.80665, first.azG(), 1e-9);
    assertEquals(Math.toDegrees(-0.37280353903770447), first.gxDps(), 1e-9, "Gyroscope.csv x in rad/s");
    assertEquals(100, f.metadata().number("sample_rate_hz").orElseThrow(), 1);

    // Physics: the sum agrees with the phone's raw accelerometer (AccelerometerUncalibrated.csv,
    // in g, sampled on its own clock) axis by axis over the 3 s — the sign and unit are right
    List<ImuSample> raw = play(SessionFiles.open(fixture(IOS)));
    double[] sum = mean(s);
    double[] rawMean = mean(raw);
    for (int k = 0; k < 3; k++) assertEquals(rawMean[k], sum[k], 0.05, "axis " + k + " in g");
    double maxDps = 0;
    for (ImuSample x : s) maxDps = Math.max(maxDps, Math.abs(x.gxDps()) + Math.abs(x.gyDps()) + Math.abs(x.gzDps()));
    assertTrue(maxDps > 20 && maxDps < 2000, "a phone moved by hand turns tens to hundreds of deg/s: " + maxDps);

    // either table given alone finds the others beside it; the zip reads the same
    assertEquals(300, play(SessionFiles.open(export.resolve("Gravity.csv"))).size());
    assertEquals(300, play(SessionFiles.open(export.resolve("Accelerometer.csv"))).size());
    Path zip = dir.resolve("2022-11-04_17-06-11.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String n : DEFAULT) {
        z.putNextEntry(new ZipEntry(n));
        z.write(Files.readAllBytes(export.resolve(n)));
        z.closeEntry();
      }
    }
    List<ImuSample> zs = play(SessionFiles.open(zip));
    assertEquals(300, zs.size());
    assertEquals(first.axG(), zs.get(0).axG(), 1e-12);
  }

  @Test
  void withTheUncalibratedAccelerometerOnThatIsUsedAsIs() throws IOException {
    SessionFile f = SessionFiles.open(fixture(IOS));
    assertTrue(f.description().contains("AccelerometerUncalibrated.csv + Gyroscope.csv"), f.description());
    List<ImuSample> s = play(f);
    // AccelerometerUncalibrated.csv is in g on iOS, taken as it is (columns time,seconds_elapsed,z,y,x)
    ImuSample first = s.get(0);
    String row = Files.readAllLines(fixture(IOS + "/AccelerometerUncalibrated.csv")).stream()
        .filter(l -> !l.startsWith("time") && Double.parseDouble(l.split(",")[1]) == first.tS())
        .findFirst().orElseThrow();
    assertEquals(Double.parseDouble(row.split(",")[2]), first.azG(), 1e-12);
    assertEquals(Double.parseDouble(row.split(",")[4]), first.axG(), 1e-12);
  }

  @Test
  void withoutGravityOrWithoutTheAccelerometerItSaysWhatToSwitchOn() throws IOException {
    String noGravity = refusal(defaultExport("Accelerometer.csv", "Gyroscope.csv", "Metadata.csv"));
    assertTrue(noGravity.contains("Accelerometer.csv holds linear acceleration") && noGravity.contains("on iOS its Gravity"),
        noGravity);
    String gravityOnly = refusal(defaultExport("Gravity.csv", "Gyroscope.csv", "Metadata.csv"));
    assertTrue(gravityOnly.contains("Gravity.csv holds only the gravity the phone estimated"), gravityOnly);
    String noGyro = refusal(defaultExport("Accelerometer.csv", "Gravity.csv"));
    assertTrue(noGyro.startsWith("accelerometer only") && noGyro.contains("on iOS switch on Gravity as well"), noGyro);
  }

  @Test
  void gravityFromAnotherRecordingSharesNoTimeAndIsRefused() throws IOException {
    Path d = defaultExport("Gyroscope.csv", "Accelerometer.csv");
    StringBuilder shifted = new StringBuilder();
    for (String line : Files.readAllLines(fixture(IOS + "/Gravity.csv"))) {
      String[] c = line.split(",", 3);
      shifted.append(line.startsWith("time") ? line : c[0] + "," + (Double.parseDouble(c[1]) + 0.0005) + "," + c[2]).append('\n');
    }
    Files.writeString(d.resolve("Gravity.csv"), shifted);
    String m = refusal(d);
    assertTrue(m.contains("share no time"), m);
  }

  private static double[] mean(List<ImuSample> s) {
    double[] m = new double[3];
    for (ImuSample x : s) {
      m[0] += x.axG() / s.size();
      m[1] += x.ayG() / s.size();
      m[2] += x.azG() / s.size();
    }
    return m;
  }
}
