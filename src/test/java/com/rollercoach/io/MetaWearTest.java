package com.rollercoach.io;

import static com.rollercoach.io.SessionFilesTest.fixture;
import static com.rollercoach.io.SessionFilesTest.play;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.io.sensors.SensorHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MbientLab MetaWear / MetaMotion exports (a real pair in src/test/resources/sessionfiles/metawear,
 * from the MetaWear app: one CSV per sensor, {@code epoch (ms),time (01:00),elapsed (s),x-axis
 * (g),…} and {@code …,x-axis (deg/s),…}). Each file counts {@code elapsed (s)} from its own first
 * sample — in the real pair the gyroscope started 0.398 s before the accelerometer — so merging by
 * it put the two sensors 0.4 s out of step; the shared {@code epoch (ms)} is the time base.
 */
class MetaWearTest {
  @TempDir Path dir;

  static final String ACC = "metawear/A-bench-heavy_MetaWear_2019-01-14T14.22.49.165_C42732BE255C_Accelerometer_12.500Hz_1.4.4.csv";
  static final String GYR = "metawear/A-bench-heavy_MetaWear_2019-01-14T14.22.49.165_C42732BE255C_Gyroscope_25.000Hz_1.4.4.csv";

  @Test
  void theRealHeadersAreTimedByTheEpochInGAndDegPerS() throws IOException {
    List<String> acc = Files.readAllLines(fixture(ACC));
    List<String> gyr = Files.readAllLines(fixture(GYR));
    SensorHeader a = SensorHeader.parse(acc.get(0), ACC).orElseThrow();
    SensorHeader g = SensorHeader.parse(gyr.get(0), GYR).orElseThrow();
    for (SensorHeader h : List.of(a, g)) {
      assertEquals(0, h.time(), "epoch (ms), not elapsed (s)");
      assertEquals(1e-3, h.timeToS(), 0);
    }
    assertTrue(a.hasAccel() && !a.hasGyro() && g.hasGyro() && !g.hasAccel());
    assertEquals(SensorHeader.G, a.accelToMps2(), 0);
    assertEquals(Math.PI / 180, g.gyroToRads(), 1e-15);

    // physics: |a| ≈ 1 in g; the gyroscope is deg/s — read as rad/s it would exceed any MEMS range
    // (58 rad/s > 34.9 = 2000 deg/s), and gravity's direction turns no more than it integrates
    double[] m = new double[acc.size() - 1];
    List<double[]> ar = rows(acc);
    for (int i = 0; i < m.length; i++) m[i] = Math.sqrt(sq(ar.get(i)));
    Arrays.sort(m);
    assertEquals(1.0, m[m.length / 2], 0.1);
    List<double[]> gr = rows(gyr);
    double max = 0;
    double integral = 0;
    for (int i = 1; i < gr.size(); i++) {
      integral += Math.toRadians(Math.sqrt(sq(gr.get(i - 1)))) * (gr.get(i)[0] - gr.get(i - 1)[0]) / 1000;
      for (int k = 1; k < 4; k++) max = Math.max(max, Math.abs(gr.get(i)[k]));
    }
    assertTrue(max > 35 && max < 2000, "deg/s: " + max);
    double turned = 0;
    double[] last = ar.get(0);
    for (double[] r : ar) {
      if (r[0] - last[0] < 500) continue;
      turned += Math.acos(Math.max(-1, Math.min(1, (r[1] * last[1] + r[2] * last[2] + r[3] * last[3])
          / Math.sqrt(sq(r) * sq(last)))));
      last = r;
    }
    assertTrue(turned > 0.5 && turned < integral, "gravity turned " + turned + " rad, gyroscope " + integral);
  }

  @Test
  void theRealPairAt12point5HzIsRefusedAsTooSlow() {
    for (Path[] p : List.of(new Path[] {fixture(ACC)}, new Path[] {fixture(GYR)},
        new Path[] {fixture("metawear")}, new Path[] {fixture(GYR), fixture(ACC)})) {
      InputFileException e = org.junit.jupiter.api.Assertions.assertThrows(InputFileException.class,
          () -> SessionFiles.open(p));
      String msg = e.getMessage();
      assertTrue(msg.contains("Accelerometer_12.500Hz_1.4.4.csv: 12.5 samples per second is too slow"), msg);
      assertTrue(!msg.contains("\n"), msg);
    }
  }

  /**
   * The real layout (its header lines) at 100 Hz, beside another recording's gyroscope file, the gyroscope starting 0.398 s before the
   * accelerometer as in the real pair, each file's elapsed counted from its own start; the
   * gyroscope turns at a rate that grows with the epoch: each sample must carry the gyroscope's
   * reading of its own instant.
   */
  @Test
  void accelerometerAndGyroscopeAreMergedOnTheirSharedEpoch() throws IOException {
    List<String> acc = Files.readAllLines(fixture(ACC));
    List<String> gyr = Files.readAllLines(fixture(GYR));
    long accStart = 1547472169751L;
    long gyrStart = 1547472169353L;
    StringBuilder a = new StringBuilder(acc.get(0)).append('\n');
    StringBuilder g = new StringBuilder(gyr.get(0)).append('\n');
    for (int i = 0; i < 500; i++) {
      long ea = accStart + 10L * i;
      long eg = gyrStart + 10L * i;
      a.append(String.format(Locale.ROOT, "%d,%s,%.3f,0.000,0.000,1.000%n", ea, stamp(ea), i * 0.01));
      g.append(String.format(Locale.ROOT, "%d,%s,%.3f,0.000,0.000,%.3f%n", eg, stamp(eg), i * 0.01, (eg - gyrStart) / 100.0));
    }
    Path d = Files.createDirectories(dir.resolve("mw"));
    Path af = Files.writeString(d.resolve("roll_MetaWear_2019-01-14T14.22.49.165_C42732BE255C_Accelerometer_100.000Hz_1.4.4.csv"), a);
    Files.writeString(d.resolve("roll_MetaWear_2019-01-14T14.22.49.165_C42732BE255C_Gyroscope_100.000Hz_1.4.4.csv"), g);
    // another recording in the same folder, whose gyroscope sorts first: not taken beside this one
    StringBuilder other = new StringBuilder(gyr.get(0)).append('\n');
    for (int i = 0; i < 500; i++) {
      other.append(String.format(Locale.ROOT, "%d,x,%.3f,0,0,0%n", gyrStart + 3_600_000 + 10L * i, i * 0.01));
    }
    Files.writeString(d.resolve("roll2_MetaWear_2019-01-14T15.22.49.165_C42732BE255C_Gyroscope_100.000Hz_1.4.4.csv"), other);
    SessionFile f = SessionFiles.open(af);
    assertEquals("C42732BE255C", f.deviceId().orElseThrow(), "the board's MAC address from the file names");
    List<ImuSample> s = play(f);
    assertTrue(s.size() > 450, "overlap of 4.6 s at 100 Hz: " + s.size());
    for (ImuSample x : List.of(s.get(0), s.get(s.size() / 2), s.get(s.size() - 40))) { // within the gyroscope's span
      // times start near 0 (the epoch's first whole second is the origin), in step with the epoch
      double epochMs = (x.tS() + 1547472169) * 1000;
      assertEquals((epochMs - gyrStart) / 100.0, x.gzDps(), 0.01, "gyroscope of the same instant at t=" + x.tS());
    }
    assertEquals(0.751, s.get(0).tS(), 1e-6, "the accelerometer's first epoch, 1547472169.751 s, less the origin");
  }

  private static String stamp(long epochMs) {
    return java.time.LocalDateTime.ofEpochSecond(epochMs / 1000, (int) (epochMs % 1000) * 1_000_000,
        java.time.ZoneOffset.ofHours(1)).toString();
  }

  private static List<double[]> rows(List<String> lines) {
    List<double[]> out = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      out.add(new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5])});
    }
    return out;
  }

  private static double sq(double[] r) {
    return r[1] * r[1] + r[2] * r[2] + r[3] * r[3];
  }
}
