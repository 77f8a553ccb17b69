package com.rollercoach.core.protocol.text;

import java.util.List;
import java.util.Map;

/**
 * The settled meaning of a text stream's lines: where each axis is, which field is time and in
 * what unit, and the units of the readings.
 *
 * @param positions field meanings in order, for plain number lines (empty for labelled lines)
 * @param labels label to column, for Serial Plotter lines (empty for plain number lines)
 * @param time the time column, or null when lines carry no time
 * @param wrapS period after which the device time counter wraps, NaN if never within a session
 * @param notes what was guessed and why, for the user (empty when everything was stated)
 */
public record ResolvedLayout(
    List<Column> positions,
    Map<String, Column> labels,
    Column time,
    AccelUnit accelUnit,
    GyroUnit gyroUnit,
    double sampleRateHz,
    double wrapS,
    List<String> notes) {

  /** Arduino {@code micros()} is an unsigned 32-bit count: it wraps after 2³² µs ≈ 71.6 min. */
  public static final double MICROS_WRAP_S = 4294.967296;

  public ResolvedLayout {
    positions = List.copyOf(positions);
    labels = Map.copyOf(labels);
    notes = List.copyOf(notes);
  }

  /** One line for the user: {@code t_ms,ax,ay,az,gx,gy,gz in g and dps}. */
  public String describe() {
    String fields;
    if (!positions.isEmpty()) {
      fields = LineLayout.spell(positions);
    } else {
      StringBuilder sb = new StringBuilder();
      labels.entrySet().stream()
          .sorted(Map.Entry.comparingByValue())
          .forEach(
              e -> {
                if (sb.length() > 0) sb.append(',');
                sb.append(e.getKey()).append('=').append(e.getValue().spelling());
              });
      fields = "labels " + sb;
    }
    String timing =
        time != null
            ? ""
            : Double.isNaN(sampleRateHz)
                ? ", timed on arrival"
                : ", timed at " + sampleRateHz + " Hz";
    return fields + " in " + accelUnit.symbol() + " and " + gyroUnit.symbol() + timing;
  }
}
