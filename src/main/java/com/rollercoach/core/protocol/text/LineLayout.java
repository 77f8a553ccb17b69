package com.rollercoach.core.protocol.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the user told us about a text stream, once: the meaning of each field, the units, the
 * nominal sample rate. Anything left empty is detected from the data (see {@link LayoutGuesser}) or
 * from a {@code #} header line in the stream itself.
 *
 * @param columns field meanings in line order, empty when not stated
 * @param accelUnit empty when not stated
 * @param gyroUnit empty when not stated
 * @param sampleRateHz nominal rate for streams without a time column; NaN when unknown
 */
public record LineLayout(
    List<Column> columns,
    Optional<AccelUnit> accelUnit,
    Optional<GyroUnit> gyroUnit,
    double sampleRateHz) {

  public LineLayout {
    columns = List.copyOf(columns);
  }

  /** Nothing stated: everything is detected. */
  public static LineLayout auto() {
    return new LineLayout(List.of(), Optional.empty(), Optional.empty(), Double.NaN);
  }

  public boolean hasColumns() {
    return !columns.isEmpty();
  }

  public LineLayout withColumns(List<Column> c) {
    return new LineLayout(c, accelUnit, gyroUnit, sampleRateHz);
  }

  public LineLayout withUnits(AccelUnit a, GyroUnit g) {
    return new LineLayout(columns, Optional.ofNullable(a), Optional.ofNullable(g), sampleRateHz);
  }

  public LineLayout withSampleRate(double hz) {
    return new LineLayout(columns, accelUnit, gyroUnit, hz);
  }

  /** Fills what this layout leaves open from {@code other} (a header line, a profile). */
  public LineLayout orElse(LineLayout other) {
    return new LineLayout(
        hasColumns() ? columns : other.columns,
        accelUnit.isPresent() ? accelUnit : other.accelUnit,
        gyroUnit.isPresent() ? gyroUnit : other.gyroUnit,
        Double.isNaN(sampleRateHz) ? other.sampleRateHz : sampleRateHz);
  }

  /**
   * Parses {@code --columns t_ms,ax,ay,az,gx,gy,gz} (comma, space or tab separated).
   *
   * @throws IllegalArgumentException naming the entry that is not a known column, or a missing axis
   */
  public static List<Column> parseColumns(String text) {
    List<Column> out = new ArrayList<>();
    for (String part : text.trim().split("[,;\\s]+")) {
      if (part.isEmpty()) continue;
      out.add(
          Column.parse(part)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown column '"
                              + part
                              + "' (known: t_ms, t_us, t_s, ax, ay, az, gx, gy, gz, skip)")));
    }
    requireComplete(out);
    return Collections.unmodifiableList(out);
  }

  /** Every one of the six axes exactly once, at most one time column. */
  static void requireComplete(List<Column> columns) {
    for (Column axis : List.of(Column.AX, Column.AY, Column.AZ, Column.GX, Column.GY, Column.GZ)) {
      long n = columns.stream().filter(c -> c == axis).count();
      if (n != 1) {
        throw new IllegalArgumentException(
            "columns " + spell(columns) + " must name " + axis.spelling() + " exactly once");
      }
    }
    if (columns.stream().filter(Column::isTime).count() > 1) {
      throw new IllegalArgumentException("columns " + spell(columns) + " name more than one time");
    }
  }

  static String spell(List<Column> columns) {
    StringBuilder sb = new StringBuilder();
    for (Column c : columns) {
      if (sb.length() > 0) sb.append(',');
      sb.append(c.spelling());
    }
    return sb.toString();
  }

  /**
   * Parses {@code --units g,dps} (accelerometer first, gyroscope second; either order is accepted
   * because the spellings do not overlap).
   *
   * @return this layout's units replaced
   */
  public LineLayout withUnitsText(String text) {
    AccelUnit a = null;
    GyroUnit g = null;
    for (String part : text.trim().split("[,;\\s]+")) {
      if (part.isEmpty()) continue;
      Optional<AccelUnit> au = AccelUnit.parse(part);
      Optional<GyroUnit> gu = GyroUnit.parse(part);
      if (au.isPresent() && a == null) a = au.get();
      else if (gu.isPresent() && g == null) g = gu.get();
      else {
        throw new IllegalArgumentException(
            "unknown or repeated unit '"
                + part
                + "' (accelerometer: g, m/s^2, mg; gyroscope: dps, rad/s, mdps)");
      }
    }
    if (a == null || g == null) {
      throw new IllegalArgumentException(
          "units '" + text + "' must give one accelerometer and one gyroscope unit, e.g. g,dps");
    }
    return withUnits(a, g);
  }
}
