package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.InputFileException;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Physics Toolbox Sensor Suite's multi-sensor export (real files in
 * src/test/resources/sessionfiles/physicstoolbox, one with semicolons and decimal commas, one with
 * commas): {@code time,gFx,gFy,gFz,ax,ay,az,wx,wy,wz,} after a blank line. The g-Force Meter (gF, in
 * g, with gravity) is the accelerometer, not {@code ax..az} (its linear accelerometer, gravity
 * removed, which was read before as if it were the accelerometer), and {@code wx..wz} are rad/s
 * (they were taken for deg/s). The app writes a row whenever any sensor reads, repeating the
 * others' last reading: these files hold 44 rows a second but only ~15 readings, and are refused as
 * too slow, saying so.
 */
class PhysicsToolboxTest {
  @TempDir Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(PhysicsToolboxTest.class.getResource("/sessionfiles/physicstoolbox/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final List<String> FILES = List.of("movement.csv", "BOUAZIZ_BAGBAG_RADDAOUI_INPUT_N.csv");

  @Test
  void gForceIsTheAccelerometerInGAndTheGyroscopeIsRadPerS() throws IOException {
    for (String name : FILES) {
      try (InputStream in = Files.newInputStream(fixture(name)); SensorTable t = new SensorTable(name, in)) {
        SensorHeader h = t.header();
        assertEquals(SensorHeader.Tool.PHYSICS_TOOLBOX, h.tool(), name);
        assertEquals(name.startsWith("movement") ? ';' : ',', h.separator(), name);
        assertArrayEquals(new int[] {1, 2, 3}, h.accel(), name + ": gFx, gFy, gFz, not ax, ay, az");
        assertArrayEquals(new int[] {7, 8, 9}, h.gyro(), name + ": wx, wy, wz");
        assertEquals(SensorHeader.G, h.accelToMps2(), 0, name);
        assertEquals(1, h.gyroToRads(), 0, name);
        assertEquals(SensorTable.Kind.BOTH, t.kind());

        List<double[]> rows = new ArrayList<>();
        for (double[] r; (r = t.next()) != null; ) rows.add(r);
        // the first rows, before both sensors have read, hold 0,0,0 for the one that has not: skipped
        assertTrue(rows.size() > 270 && rows.size() < 300, name + ": " + rows.size());
        assertTrue(sq(rows.get(0), 1) > 0.25 && sq(rows.get(0), 4) > 0, name + ": first row is a reading of both");
        // physics 1: at 1 g the median |gF| (decimal commas read as decimals)
        double[] m = new double[rows.size()];
        for (int i = 0; i < m.length; i++) m[i] = Math.sqrt(sq(rows.get(i), 1));
        Arrays.sort(m);
        assertEquals(1.0, m[m.length / 2], 0.1, name + ": median |gF| in g");
        // physics 2: gravity's direction in the phone (gF, looked at every 0.5 s so that the
        // movement's own acceleration does not add up) turns no more than the gyroscope says; read as
        // rad/s the gyroscope covers it, read as deg/s it would be 57 times too small
        double turned = 0;
        double[] last = null;
        for (double[] r : rows) {
          if (last == null) {
            last = r;
          } else if (r[0] - last[0] >= 0.5) {
            turned += angle(last, r);
            last = r;
          }
        }
        double integral = 0;
        for (int i = 1; i < rows.size(); i++) {
          integral += Math.sqrt(sq(rows.get(i - 1), 4)) * (rows.get(i)[0] - rows.get(i - 1)[0]);
        }
        assertTrue(turned > 0.5, name + ": the phone was moving: " + turned);
        assertTrue(turned < integral, name + ": rad/s covers the turn: " + turned + " vs " + integral);
        assertTrue(turned > 5 * Math.toRadians(integral), name + ": deg/s would not: " + turned);
      }
    }
  }

  @Test
  void heldReadingsAreRefusedAsTooSlowInOneLine() {
    for (String name : FILES) {
      InputFileException e = assertThrows(InputFileException.class, () -> SessionFiles.open(fixture(name)));
      String m = e.getMessage();
      assertTrue(m.contains(name + " (readings, not rows: Physics Toolbox repeats the last reading on every row;")
          && m.contains("too slow for rolling"), m);
      assertTrue(m.matches(".*: 1[45]\\.\\d samples per second .*"), "~15 readings a second: " + m);
      assertTrue(!m.contains("\n"), m);
    }
  }

  @Test
  void atAFastSamplingRateItIsReadInGAndRadPerS() throws IOException {
    // the real file's layout (blank line, header, trailing ';', decimal commas) at 100 readings a second
    StringBuilder s = new StringBuilder("\ntime;gFx;gFy;gFz;ax;ay;az;wx;wy;wz;\n");
    for (int i = 0; i < 400; i++) {
      double t = i * 0.01;
      double a = 0.5 * Math.sin(t); // turning about x at 0.5 cos(t) rad/s
      s.append(String.format(Locale.ROOT, "%.6f;%.4f;%.4f;%.4f;0.0100;-0.0200;0.0300;%.4f;0.0000;0.0000;%n",
          t, 0.0, Math.sin(a), Math.cos(a), 0.5 * Math.cos(t)).replace('.', ','));
    }
    Path f = Files.writeString(dir.resolve("Physics Toolbox.csv"), s);
    SessionFile file = SessionFiles.open(f);
    List<ImuSample> out = new ArrayList<>();
    file.play(new SampleSink() {
      @Override
      public void accept(ImuSample x) {
        out.add(x);
      }
    });
    assertEquals(400, out.size());
    ImuSample first = out.get(0);
    assertEquals(1.0, first.azG(), 1e-9, "gFz in g, not the linear az");
    assertEquals(Math.toDegrees(0.5), first.gxDps(), 1e-9, "wx in rad/s");
  }

  private static double sq(double[] r, int first) {
    return r[first] * r[first] + r[first + 1] * r[first + 1] + r[first + 2] * r[first + 2];
  }

  private static double angle(double[] a, double[] b) {
    double dot = a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
    return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(sq(a, 1) * sq(b, 1)))));
  }
}
