package com.rollercoach.core.protocol.text;

import java.util.Locale;
import java.util.Optional;

/** How a text source states angular velocity, and the factor that turns it into °/s. */
public enum GyroUnit {
  /** Degrees per second: Arduino_LSM6DS3/LSM6DSOX/LSM9DS1 {@code readGyroscope}, x-IMU3. */
  DEG_PER_S(1.0),
  /** SI radians per second: Adafruit unified sensor library, Android, phyphox. */
  RAD_PER_S(180.0 / Math.PI),
  /** Thousandths of a degree per second (ST's mdps drivers). */
  MILLI_DEG_PER_S(0.001);

  private final double toDps;

  GyroUnit(double toDps) {
    this.toDps = toDps;
  }

  public double toDps(double value) {
    return value * toDps;
  }

  /** Accepts {@code dps}, {@code deg/s}, {@code °/s}, {@code rad/s}, {@code rads}, {@code mdps}. */
  public static Optional<GyroUnit> parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace("°", "deg");
    switch (s) {
      case "dps":
      case "deg/s":
      case "degs":
      case "degps":
        return Optional.of(DEG_PER_S);
      case "rad/s":
      case "rads":
      case "radps":
      case "rps":
        return Optional.of(RAD_PER_S);
      case "mdps":
        return Optional.of(MILLI_DEG_PER_S);
      default:
        return Optional.empty();
    }
  }

  public String symbol() {
    switch (this) {
      case DEG_PER_S:
        return "dps";
      case RAD_PER_S:
        return "rad/s";
      default:
        return "mdps";
    }
  }
}
