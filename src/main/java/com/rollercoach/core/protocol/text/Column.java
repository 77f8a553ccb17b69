package com.rollercoach.core.protocol.text;

import java.util.Locale;
import java.util.Optional;

/**
 * What one field of a text line means. Names follow the CSV import's header names without their
 * unit suffix, so {@code --columns t_ms,ax,ay,az,gx,gy,gz} reads like the file it describes.
 */
public enum Column {
  /** Device time in milliseconds: Arduino {@code millis()}. */
  T_MS(0.001),
  /** Device time in microseconds: Arduino {@code micros()}, x-IMU3 timestamps. */
  T_US(1e-6),
  /** Device time in seconds. */
  T_S(1.0),
  AX,
  AY,
  AZ,
  GX,
  GY,
  GZ,
  /** A field we do not use (temperature, magnetometer, a counter). */
  SKIP;

  private final double secondsPerUnit;

  Column() {
    this(Double.NaN);
  }

  Column(double secondsPerUnit) {
    this.secondsPerUnit = secondsPerUnit;
  }

  public boolean isTime() {
    return !Double.isNaN(secondsPerUnit);
  }

  public boolean isAccel() {
    return this == AX || this == AY || this == AZ;
  }

  public boolean isGyro() {
    return this == GX || this == GY || this == GZ;
  }

  /** Seconds per unit of a time column; NaN for other columns. */
  public double secondsPerUnit() {
    return secondsPerUnit;
  }

  /** The 0..2 axis index of an accelerometer or gyroscope column. */
  int axis() {
    switch (this) {
      case AX:
      case GX:
        return 0;
      case AY:
      case GY:
        return 1;
      case AZ:
      case GZ:
        return 2;
      default:
        throw new IllegalStateException(this + " has no axis");
    }
  }

  /** The {@code --columns} spelling: {@code t_ms}, {@code ax}, {@code skip}… */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses one {@code --columns} entry; {@code _}, {@code -} and {@code skip} mean "ignore". */
  public static Optional<Column> parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "_":
      case "-":
      case "skip":
        return Optional.of(SKIP);
      case "millis":
      case "ms":
        return Optional.of(T_MS);
      case "micros":
      case "us":
        return Optional.of(T_US);
      case "t":
      case "time":
        return Optional.of(T_S);
      default:
        for (Column c : values()) {
          if (c.spelling().equals(s)) return Optional.of(c);
        }
        return Optional.empty();
    }
  }
}
