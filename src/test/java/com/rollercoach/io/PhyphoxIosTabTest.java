package com.rollercoach.io;

import static com.rollercoach.io.SessionFilesTest.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.sensors.SensorHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real phyphox for iOS export (1.2.0, iPhone16,2) in its "CSV (Tabulator, decimal point)" flavour,
 * with its device.csv and time.csv beside the data rather than in meta/ (src/test/resources/
 * sessionfiles/phyphox-ios-tab): the "Acceleration (without g)" experiment's Raw Data.csv. Read by
 * its tab-separated header, checked against gravity, and refused in one line as linear acceleration
 * — the metadata files beside it are not mistaken for tables. (Already handled before this round;
 * kept as the real tab/iOS case.)
 */
class PhyphoxIosTabTest {
  static final String DIR = "phyphox-ios-tab";

  @Test
  void theTabSeparatedHeaderIsLinearAccelerationInMPerS2() throws IOException {
    List<String> lines = Files.readAllLines(fixture(DIR + "/Raw Data.csv"));
    SensorHeader h = SensorHeader.parse(lines.get(0), "Raw Data.csv").orElseThrow();
    assertEquals('\t', h.separator());
    assertTrue(h.linearOnly(), "Linear Acceleration x (m/s^2)…");
    assertArrayEquals(new int[] {1, 2, 3}, h.accel());
    assertEquals(1, h.accelToMps2(), 0);
    assertEquals(SensorHeader.Tool.PHYPHOX, h.tool());
    // physics: gravity is indeed missing — |a| is a fraction of 9.81 m/s^2
    double[] m = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      String[] c = lines.get(i).split("\t");
      double x = Double.parseDouble(c[1]);
      double y = Double.parseDouble(c[2]);
      double z = Double.parseDouble(c[3]);
      m[i - 1] = Math.sqrt(x * x + y * y + z * z);
    }
    Arrays.sort(m);
    assertTrue(m[m.length / 2] < 3, "median |a| " + m[m.length / 2]);
  }

  @Test
  void theFolderAndTheFileAreRefusedAsLinearAccelerationInOneLine() {
    for (var p : List.of(fixture(DIR), fixture(DIR + "/Raw Data.csv"))) {
      String msg = assertThrows(InputFileException.class, () -> SessionFiles.open(p)).getMessage();
      assertTrue(msg.endsWith("Raw Data.csv holds linear acceleration, which has gravity removed by the phone. "
          + "Roller Coach needs gravity to see the roller turn and to tell when someone is on it: record acceleration"
          + " with g (phyphox 'Acceleration with g', Sensor Logger's TotalAcceleration.csv on Android, or on iOS its"
          + " Gravity beside Accelerometer)"), msg);
      assertTrue(!msg.contains("\n"), msg);
    }
  }
}
