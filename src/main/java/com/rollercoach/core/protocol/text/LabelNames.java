package com.rollercoach.core.protocol.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Serial Plotter labels and header words to columns. People write {@code ax}, {@code accX},
 * {@code AccelX} (Adafruit's plotter example), {@code acc_x_g}, {@code gyroZ}, {@code rotX}…; a
 * trailing {@code _unit} part ({@code ax_g}, {@code gz_dps}, as in our CSV headers) states the unit.
 */
final class LabelNames {
  /**
   * What a label means.
   *
   * @param column the column; a time label without a unit ({@code t}, {@code time}) maps to
   *     {@link Column#T_MS} with {@code timeUnitKnown} false, to be settled from the data
   */
  record Meaning(
      Column column,
      boolean timeUnitKnown,
      Optional<AccelUnit> accelUnit,
      Optional<GyroUnit> gyroUnit) {}

  private static final Map<String, Column> BASES =
      Map.ofEntries(
          Map.entry("ax", Column.AX),
          Map.entry("ay", Column.AY),
          Map.entry("az", Column.AZ),
          Map.entry("accx", Column.AX),
          Map.entry("accy", Column.AY),
          Map.entry("accz", Column.AZ),
          Map.entry("accelx", Column.AX),
          Map.entry("accely", Column.AY),
          Map.entry("accelz", Column.AZ),
          Map.entry("accelerationx", Column.AX),
          Map.entry("accelerationy", Column.AY),
          Map.entry("accelerationz", Column.AZ),
          Map.entry("gx", Column.GX),
          Map.entry("gy", Column.GY),
          Map.entry("gz", Column.GZ),
          Map.entry("gyrx", Column.GX),
          Map.entry("gyry", Column.GY),
          Map.entry("gyrz", Column.GZ),
          Map.entry("gyrox", Column.GX),
          Map.entry("gyroy", Column.GY),
          Map.entry("gyroz", Column.GZ),
          Map.entry("gyroscopex", Column.GX),
          Map.entry("gyroscopey", Column.GY),
          Map.entry("gyroscopez", Column.GZ),
          Map.entry("rotx", Column.GX),
          Map.entry("roty", Column.GY),
          Map.entry("rotz", Column.GZ),
          Map.entry("rotationx", Column.GX),
          Map.entry("rotationy", Column.GY),
          Map.entry("rotationz", Column.GZ),
          Map.entry("wx", Column.GX),
          Map.entry("wy", Column.GY),
          Map.entry("wz", Column.GZ),
          Map.entry("ms", Column.T_MS),
          Map.entry("millis", Column.T_MS),
          Map.entry("tms", Column.T_MS),
          Map.entry("us", Column.T_US),
          Map.entry("micros", Column.T_US),
          Map.entry("tus", Column.T_US),
          Map.entry("ts", Column.T_S));

  private LabelNames() {}

  static Optional<Meaning> meaning(String label) {
    String lower = label.toLowerCase(Locale.ROOT);
    Optional<AccelUnit> accel = Optional.empty();
    Optional<GyroUnit> gyro = Optional.empty();
    int us = lower.lastIndexOf('_');
    if (us > 0) {
      String suffix = lower.substring(us + 1);
      Optional<AccelUnit> a = AccelUnit.parse(suffix);
      Optional<GyroUnit> g = GyroUnit.parse(suffix);
      if (suffix.equals("s")) {
        lower = "ts";
      } else if (a.isPresent() || g.isPresent()) {
        accel = a;
        gyro = g;
        lower = lower.substring(0, us);
      }
    }
    String base = lower.replaceAll("[^a-z0-9]", "");
    if (base.equals("t") || base.equals("time") || base.equals("timestamp")) {
      return Optional.of(new Meaning(Column.T_MS, false, accel, gyro));
    }
    Column c = BASES.get(base);
    if (c == null) return Optional.empty();
    if (c.isAccel()) gyro = Optional.empty();
    if (c.isGyro()) accel = Optional.empty();
    return Optional.of(new Meaning(c, true, accel, gyro));
  }
}
