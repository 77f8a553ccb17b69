package com.rollercoach.io.csv;

import com.rollercoach.core.sample.ImuSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each quantity sits in a CSV header, and the factor that converts it to the units of {@link
 * ImuSample} (g, °/s). Columns are found by name in any order; unknown columns are ignored.
 */
final class CsvColumns {
  static final String TIME = "t_s";
  private static final String[] AXES = {"x", "y", "z"};

  final int time;
  final int[] accel = new int[3];
  final int[] gyro = new int[3];
  final double accelToG;
  final double gyroToDps;
  /** Highest index any needed column has: a row with fewer fields is truncated. */
  final int maxIndex;
  /** Column indexes of t, ax, ay, az, gx, gy, gz in that order. */
  final int[] order;

  private CsvColumns(Map<String, Integer> byName, String file, long line) {
    time = require(byName, file, line, TIME, null);
    boolean accelInG = byName.containsKey("ax_g") || !byName.containsKey("ax_mps2");
    boolean gyroInDps = byName.containsKey("gx_dps") || !byName.containsKey("gx_rads");
    for (int i = 0; i < 3; i++) {
      String a = "a" + AXES[i];
      String g = "g" + AXES[i];
      accel[i] =
          accelInG
              ? require(byName, file, line, a + "_g", a + "_mps2")
              : require(byName, file, line, a + "_mps2", a + "_g");
      gyro[i] =
          gyroInDps
              ? require(byName, file, line, g + "_dps", g + "_rads")
              : require(byName, file, line, g + "_rads", g + "_dps");
    }
    accelToG = accelInG ? 1.0 : 1.0 / ImuSample.STANDARD_GRAVITY;
    gyroToDps = gyroInDps ? 1.0 : Math.toDegrees(1.0);
    int max = time;
    for (int i = 0; i < 3; i++) max = Math.max(max, Math.max(accel[i], gyro[i]));
    maxIndex = max;
    order = new int[] {time, accel[0], accel[1], accel[2], gyro[0], gyro[1], gyro[2]};
  }

  /** Maps a header's fields; throws naming the first missing column. */
  static CsvColumns of(List<String> header, String file, long line) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) byName.putIfAbsent(header.get(i).trim(), i);
    return new CsvColumns(byName, file, line);
  }

  private static int require(
      Map<String, Integer> byName, String file, long line, String name, String alternative) {
    Integer i = byName.get(name);
    if (i != null) return i;
    String either = alternative == null ? name : name + " (or " + alternative + ")";
    throw new CsvFormatException(file, line, "missing column " + either + " in the header");
  }
}
