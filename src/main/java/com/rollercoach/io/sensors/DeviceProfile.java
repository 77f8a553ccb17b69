package com.rollercoach.io.sensors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.rollercoach.core.protocol.text.LineLayout;

/**
 * What a user says once about a sensor they own, saved as JSON in {@code ~/.roller-coach/profiles/
 * NAME.json} (or built in). Fields that are absent are detected.
 *
 * <pre>
 * {"name": "nano33", "format": "ascii-lines", "columns": "t_ms,ax,ay,az,gx,gy,gz",
 *  "units": "g,dps", "sample_rate_hz": 104, "baud": 115200}
 * {"name": "my-phone", "format": "phyphox", "address": "192.168.0.42:8080"}
 * </pre>
 *
 * @param format {@code ascii-lines} (Arduino text), {@code x-imu3}, {@code phyphox}, or {@code
 *     auto}
 * @param columns as for {@code --columns}
 * @param units as for {@code --units}
 * @param sampleRateHz nominal rate, for text without a time column
 * @param baud serial speed the sketch uses ({@code Serial.begin})
 * @param address phone address for {@code phyphox}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record DeviceProfile(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty("description") String description,
    @JsonProperty(value = "format", required = true) String format,
    @JsonProperty("columns") String columns,
    @JsonProperty("units") String units,
    @JsonProperty("sample_rate_hz") Double sampleRateHz,
    @JsonProperty("baud") Integer baud,
    @JsonProperty("address") String address) {

  public static final String ASCII = "ascii-lines";
  public static final String XIMU3 = "x-imu3";
  public static final String PHYPHOX = "phyphox";
  public static final String AUTO = "auto";

  /**
   * Checks the fields against each other.
   *
   * @throws IllegalArgumentException naming the field and why
   */
  public DeviceProfile validated() {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("name '" + name + "' must be letters, digits, . _ -");
    }
    if (!java.util.List.of(ASCII, XIMU3, PHYPHOX, AUTO).contains(format)) {
      throw new IllegalArgumentException(
          "format '" + format + "' must be ascii-lines, x-imu3, phyphox or auto");
    }
    if (PHYPHOX.equals(format) && address == null) {
      throw new IllegalArgumentException("a phyphox profile needs \"address\" (the phone's IP)");
    }
    layout(); // parses columns and units
    if (sampleRateHz != null && !(sampleRateHz > 0 && sampleRateHz <= 10_000)) {
      throw new IllegalArgumentException("sample_rate_hz " + sampleRateHz + " must be in (0, 10000]");
    }
    return this;
  }

  /** The text layout this profile states (for {@code ascii-lines}). */
  public LineLayout layout() {
    LineLayout l = LineLayout.auto();
    if (columns != null) {
      try {
        l = l.withColumns(LineLayout.parseColumns(columns));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("columns: " + e.getMessage(), e);
      }
    }
    if (units != null) {
      try {
        l = l.withUnitsText(units);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("units: " + e.getMessage(), e);
      }
    }
    if (sampleRateHz != null) l = l.withSampleRate(sampleRateHz);
    return l;
  }

  /** One line for listings. */
  public String summary() {
    StringBuilder sb = new StringBuilder(format);
    if (columns != null) sb.append(", columns ").append(columns);
    if (units != null) sb.append(", units ").append(units);
    if (sampleRateHz != null) sb.append(", ").append(sampleRateHz).append(" Hz");
    if (baud != null) sb.append(", ").append(baud).append(" baud");
    if (address != null) sb.append(", at ").append(address);
    return sb.toString();
  }
}
