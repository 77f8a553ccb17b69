package com.rollercoach.core.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Key/value facts about a recording ({@code # key=value} comment lines of a CSV, a HELLO frame, a
 * recording header). Well-known keys are constants here; unknown keys are kept as they are.
 */
public record SessionMetadata(Map<String, String> values) {
  public static final String ROLLER_DIAMETER_CM = "roller_diameter_cm";
  public static final String SAMPLE_RATE_HZ = "sample_rate_hz";
  public static final String DEVICE = "device";
  /** When the recording started (ISO-8601), which dates an import into the library. */
  public static final String START_TIME = "start_time";

  public SessionMetadata {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static SessionMetadata empty() {
    return new SessionMetadata(Map.of());
  }

  public String get(String key) {
    return values.get(key);
  }

  /** The value as a number, empty when absent or not a finite number. */
  public OptionalDouble number(String key) {
    String v = values.get(key);
    if (v == null) return OptionalDouble.empty();
    try {
      double d = Double.parseDouble(v.trim());
      return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  public SessionMetadata with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new SessionMetadata(copy);
  }
}
