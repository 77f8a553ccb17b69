package com.rollercoach.core.protocol.text;

import com.rollercoach.core.sample.ImuSample;
import java.util.Locale;
import java.util.Optional;

/** How a text source states acceleration, and the factor that turns it into g. */
public enum AccelUnit {
  /** Multiples of standard gravity: Arduino_LSM6DS3/LSM6DSOX/LSM9DS1 {@code readAcceleration}, x-IMU3. */
  G(1.0),
  /** SI, what Adafruit's unified sensor library, Android and phyphox report. */
  METRES_PER_S2(1.0 / ImuSample.STANDARD_GRAVITY),
  /** Thousandths of g, common in raw-ish sketches (ST's mg-based drivers). */
  MILLI_G(0.001);

  private final double toG;

  AccelUnit(double toG) {
    this.toG = toG;
  }

  public double toG(double value) {
    return value * toG;
  }

  /** Accepts the spellings people write: {@code g}, {@code m/s^2}, {@code m/s2}, {@code mps2}, {@code mg}. */
  public static Optional<AccelUnit> parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace("²", "2").replace("^", "");
    switch (s) {
      case "g":
      case "gs":
        return Optional.of(G);
      case "m/s2":
      case "mps2":
      case "ms2":
      case "m/s/s":
      case "si":
        return Optional.of(METRES_PER_S2);
      case "mg":
        return Optional.of(MILLI_G);
      default:
        return Optional.empty();
    }
  }

  public String symbol() {
    switch (this) {
      case G:
        return "g";
      case METRES_PER_S2:
        return "m/s^2";
      default:
        return "mg";
    }
  }
}
