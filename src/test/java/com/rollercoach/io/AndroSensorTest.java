package com.rollercoach.io;

import static com.rollercoach.io.SessionFilesTest.fixture;
import static com.rollercoach.io.SessionFilesTest.play;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.io.sensors.SensorHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AndroSensor's CSV (a real export in src/test/resources/sessionfiles/androsensor: {@code
 * ACCELEROMETER X (m/s²),…,Time since start in ms ,YYYY-MO-DD HH-MI-SS_SSS}, one row every 0.5 s, no
 * gyroscope). Its time column was not recognised, so it was refused as a header naming no time
 * column; now it is read, and this export is refused for what it lacks: the gyroscope.
 */
class AndroSensorTest {
  @TempDir Path dir;

  static final String REAL = "androsensor/record1.csv";

  @Test
  void theRealExportIsAccelerometerOnlyAndSaysSo() throws IOException {
    String header = Files.readAllLines(fixture(REAL)).get(0);
    SensorHeader h = SensorHeader.parse(header, "record1.csv").orElseThrow();
    assertEquals(13, h.time(), "'Time since start in ms '");
    assertEquals(1e-3, h.timeToS(), 0);
    assertEquals(1, h.accelToMps2(), 0, "m/s²");
    assertEquals(SensorHeader.Tool.ANDROSENSOR, h.tool());
    // physics: the real values are m/s², |a| ≈ 9.8 (the phone lying, then moved)
    List<String> rows = Files.readAllLines(fixture(REAL)).subList(1, 121);
    double[] m = new double[rows.size()];
    for (int i = 0; i < m.length; i++) {
      String[] c = rows.get(i).split(",");
      double x = Double.parseDouble(c[0]);
      double y = Double.parseDouble(c[1]);
      double z = Double.parseDouble(c[2]);
      m[i] = Math.sqrt(x * x + y * y + z * z);
    }
    Arrays.sort(m);
    assertEquals(9.81, m[m.length / 2], 1.0);

    InputFileException e = assertThrows(InputFileException.class, () -> SessionFiles.open(fixture(REAL)));
    assertTrue(e.getMessage().startsWith("accelerometer only ([record1.csv]): Roller Coach needs the gyroscope too"
        + " — in AndroSensor, switch on the gyroscope as well"), e.getMessage());
  }

  /** The real header with the gyroscope's columns as AndroSensor names them, at 0.5 s and at 20 ms. */
  @Test
  void withTheGyroscopeItIsReadAndAtItsDefaultIntervalRefusedAsSlow() throws IOException {
    String real = Files.readAllLines(fixture(REAL)).get(0);
    String header = real.replace("PROXIMITY (i),", "GYROSCOPE X (rad/s),GYROSCOPE Y (rad/s),GYROSCOPE Z (rad/s),PROXIMITY (i),");
    for (int stepMs : new int[] {500, 20}) {
      StringBuilder s = new StringBuilder(header).append('\n');
      for (int i = 0; i < 300; i++) {
        s.append(String.format(Locale.ROOT, "-0.3831,5.8897,7.3167,0.1,-0.2,%.4f,8,47.261,,,,NaN,,,,0 / 0,%d,2022-03-16 14:07:17:870%n",
            0.001 * i, 26 + stepMs * i));
      }
      Path f = Files.writeString(dir.resolve("Sensor_record_" + stepMs + ".csv"), s);
      if (stepMs == 500) {
        String m = assertThrows(InputFileException.class, () -> SessionFiles.open(f)).getMessage();
        assertTrue(m.contains("2.00 samples per second is too slow"), m);
        continue;
      }
      List<ImuSample> out = play(SessionFiles.open(f));
      assertEquals(300, out.size());
      assertEquals(0.026, out.get(0).tS(), 1e-9, "ms since start");
      assertEquals(Math.toDegrees(0.1), out.get(0).gxDps(), 1e-9, "rad/s");
      assertEquals(7.3167 / 9.80665, out.get(0).azG(), 1e-9, "m/s²");
    }
  }
}
