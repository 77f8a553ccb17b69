package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Planning a read of a phone export (accelerometer and gyroscope tables) opened the accelerometer's
 * table four times (to find it, then for its units, its rate and its time origin) and the gyroscope's
 * three: one look at each now serves all of them.
 */
class PlanOpensEachTableOnceTest {
  private static String table(String header, boolean accel) {
    StringBuilder b = new StringBuilder(header).append('\n');
    for (int i = 0; i < 1000; i++) {
      double t = i / 100.0;
      if (accel) b.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", t, 0.1, 0.2, 9.79));
      else b.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", t, 0.01, -0.02, 0.3));
    }
    return b.toString();
  }

  @Test
  void eachTableIsOpenedOnce() {
    Map<String, Integer> opens = new LinkedHashMap<>();
    Map<String, String> content = Map.of(
        "Accelerometer.csv", table("\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\"", true),
        "Gyroscope.csv", table("\"Time (s)\",\"Gyroscope x (rad/s)\",\"Gyroscope y (rad/s)\",\"Gyroscope z (rad/s)\"", false));
    List<TableImport.Source> sources = content.keySet().stream().sorted().map(name -> new TableImport.Source(name, () -> {
      opens.merge(name, 1, Integer::sum);
      return new ByteArrayInputStream(content.get(name).getBytes(StandardCharsets.UTF_8));
    })).toList();
    TableImport.Plan plan = TableImport.plan(sources);
    assertEquals("Accelerometer.csv + Gyroscope.csv", plan.describe());
    assertEquals(100, plan.rateHz(), 0.01);
    assertEquals(Map.of("Accelerometer.csv", 1, "Gyroscope.csv", 1), opens);
  }
}
