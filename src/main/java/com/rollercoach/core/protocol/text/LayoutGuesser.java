package com.rollercoach.core.protocol.text;

import com.rollercoach.core.Median;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settles what the user left open about a text stream from a window of its first data lines.
 *
 * <p>The heuristics, and when they refuse (a refusal names what to state instead):
 *
 * <ul>
 *   <li><b>Columns</b> (plain numbers): 6 fields are {@code ax,ay,az,gx,gy,gz}; 7 fields are a
 *       time followed by those six, provided the first field increases on ≥ 90 % of lines. Any
 *       other count is refused — 3 (accelerometer only, as Arduino's {@code SimpleAccelerometer}
 *       prints), 9 (with a magnetometer) or 6 in another order cannot be told apart by value.
 *       Serial Plotter labels are mapped by name ({@link LabelNames}); all six axes must be named.
 *   <li><b>Time unit</b> of a time column not stated: the median step between lines. Roller Coach
 *       needs 25–1000 Hz, so {@code millis()} steps by 1–40 and {@code micros()} by 1000–40000;
 *       a fractional step below 0.1 is seconds. Steps between 40 and 1000 are refused.
 *   <li><b>Accelerometer unit</b> not stated: the median magnitude |a| over the window. A roller
 *       moves gently, so |a| stays near gravity: 0.6–1.6 → g, 6–14 → m/s², 600–1600 → mg. Anything
 *       else (raw int16 counts such as 16384 per g, or a wrong column) is refused.
 *   <li><b>Gyroscope unit</b> not stated: its magnitude says little (a still roller reads ≈ 0 in
 *       any unit), so it follows the accelerometer's unit system: libraries that report g report
 *       °/s (Arduino_LSM6DS3, LSM6DSOX, LSM9DS1, x-IMU3), those that report m/s² report rad/s
 *       (Adafruit Unified Sensor, Android, phyphox), mg pairs with mdps (ST drivers). One check
 *       overrides the pairing: a reading above 35 "rad/s" (beyond any MEMS gyro's ±2000 °/s =
 *       34.9 rad/s) must be °/s.
 * </ul>
 */
final class LayoutGuesser {
  /** Lines the guesser looks at before deciding: ~0.3 s at 100 Hz, enough for stable medians. */
  static final int WINDOW = 32;

  private static final double MAX_GYRO_RAD_PER_S = 35.0;

  /** A decision: a layout, or why none could be made. */
  record Outcome(ResolvedLayout layout, String refusal) {
    static Outcome refuse(String why) {
      return new Outcome(null, why);
    }
  }

  private LayoutGuesser() {}

  /** True when nothing needs guessing, so the first data line can be decoded right away. */
  static boolean fullyStated(LineLayout stated) {
    return stated.hasColumns()
        && stated.accelUnit().isPresent()
        && stated.gyroUnit().isPresent();
  }

  static Outcome resolve(LineLayout stated, List<ParsedLine> window) {
    if (window.isEmpty()) return Outcome.refuse("no data lines");
    ParsedLine first = window.get(0);
    if (first instanceof ParsedLine.Labelled) return resolveLabelled(stated, window);
    return resolveNumbers(stated, window);
  }

  private static Outcome resolveNumbers(LineLayout stated, List<ParsedLine> window) {
    List<double[]> rows = new ArrayList<>();
    for (ParsedLine p : window) {
      if (p instanceof ParsedLine.Numbers n) rows.add(n.values());
    }
    int width = modeWidth(rows);
    List<double[]> same = new ArrayList<>();
    for (double[] r : rows) if (r.length == width) same.add(r);
    List<String> notes = new ArrayList<>();
    List<Column> columns;
    boolean timeUnitKnown = true;
    if (stated.hasColumns()) {
      columns = stated.columns();
      if (columns.size() != width) {
        return Outcome.refuse(
            "lines have "
                + width
                + " fields but the stated columns "
                + LineLayout.spell(columns)
                + " are "
                + columns.size());
      }
    } else if (width == 6) {
      columns = List.of(Column.AX, Column.AY, Column.AZ, Column.GX, Column.GY, Column.GZ);
      notes.add("6 fields taken as ax,ay,az,gx,gy,gz without time stamps");
    } else if (width == 7) {
      if (!increasing(same, 0)) {
        return Outcome.refuse(
            "7 fields but the first does not increase like a clock; state --columns");
      }
      columns =
          List.of(Column.T_MS, Column.AX, Column.AY, Column.AZ, Column.GX, Column.GY, Column.GZ);
      timeUnitKnown = false;
    } else {
      return Outcome.refuse(
          "lines have "
              + width
              + " fields; only 6 (ax..gz) or 7 (time + ax..gz) can be guessed: state --columns,"
              + " e.g. --columns t_ms,ax,ay,az,gx,gy,gz,skip");
    }
    int timeIndex = -1;
    for (int i = 0; i < columns.size(); i++) if (columns.get(i).isTime()) timeIndex = i;
    Column time = timeIndex < 0 ? null : columns.get(timeIndex);
    if (time != null && !timeUnitKnown) {
      Optional<Column> unit = timeUnit(column(same, timeIndex));
      if (unit.isEmpty()) {
        return Outcome.refuse(
            "time steps by "
                + fmt(medianStep(column(same, timeIndex)))
                + " per line: cannot tell millis from micros; state --columns t_ms,… or t_us,…");
      }
      time = unit.get();
      List<Column> fixed = new ArrayList<>(columns);
      fixed.set(timeIndex, time);
      columns = fixed;
      notes.add("first field taken as " + time.spelling() + " from its step per line");
    }
    double[][] accel = axes(same, columns, true);
    double[][] gyro = axes(same, columns, false);
    return finish(stated, columns, Map.of(), time, accel, gyro, Optional.empty(), Optional.empty(), notes);
  }

  private static Outcome resolveLabelled(LineLayout stated, List<ParsedLine> window) {
    ParsedLine.Labelled first = (ParsedLine.Labelled) window.get(0);
    Map<String, Column> byLabel = new LinkedHashMap<>();
    Optional<AccelUnit> accelHint = Optional.empty();
    Optional<GyroUnit> gyroHint = Optional.empty();
    boolean timeUnitKnown = true;
    String timeLabel = null;
    List<String> unknown = new ArrayList<>();
    for (String label : first.labels()) {
      Optional<LabelNames.Meaning> m = LabelNames.meaning(label);
      if (m.isEmpty()) {
        unknown.add(label);
        continue;
      }
      Column c = m.get().column();
      if (byLabel.containsValue(c)) continue;
      byLabel.put(label, c);
      if (c.isTime()) {
        timeUnitKnown = m.get().timeUnitKnown();
        timeLabel = label;
      }
      if (m.get().accelUnit().isPresent()) accelHint = m.get().accelUnit();
      if (m.get().gyroUnit().isPresent()) gyroHint = m.get().gyroUnit();
    }
    List<Column> missing = new ArrayList<>();
    for (Column axis : List.of(Column.AX, Column.AY, Column.AZ, Column.GX, Column.GY, Column.GZ)) {
      if (!byLabel.containsValue(axis)) missing.add(axis);
    }
    if (!missing.isEmpty()) {
      return Outcome.refuse(
          "labels "
              + first.labels()
              + " do not name "
              + LineLayout.spell(missing)
              + " (use ax/ay/az/gx/gy/gz, accX…, gyroX…)");
    }
    List<String> notes = new ArrayList<>();
    if (!unknown.isEmpty()) notes.add("ignoring labels " + unknown);
    List<double[]> rows = new ArrayList<>();
    List<Column> order = new ArrayList<>();
    for (String label : first.labels()) order.add(byLabel.getOrDefault(label, Column.SKIP));
    for (ParsedLine p : window) {
      if (p instanceof ParsedLine.Labelled l && l.labels().equals(first.labels())) {
        rows.add(l.values());
      }
    }
    Column time = null;
    if (timeLabel != null) {
      time = byLabel.get(timeLabel);
      if (!timeUnitKnown) {
        int idx = first.labels().indexOf(timeLabel);
        Optional<Column> unit = timeUnit(column(rows, idx));
        if (unit.isEmpty()) {
          return Outcome.refuse(
              "label '" + timeLabel + "' steps by " + fmt(medianStep(column(rows, idx)))
                  + ": cannot tell millis from micros; label it ms or us");
        }
        time = unit.get();
        byLabel.put(timeLabel, time);
        order.set(idx, time);
        notes.add("label '" + timeLabel + "' taken as " + time.spelling());
      }
    }
    return finish(
        stated, List.of(), byLabel, time, axes(rows, order, true), axes(rows, order, false),
        accelHint, gyroHint, notes);
  }

  private static Outcome finish(
      LineLayout stated,
      List<Column> positions,
      Map<String, Column> labels,
      Column time,
      double[][] accel,
      double[][] gyro,
      Optional<AccelUnit> accelHint,
      Optional<GyroUnit> gyroHint,
      List<String> notes) {
    AccelUnit a = stated.accelUnit().or(() -> accelHint).orElse(null);
    double m = medianMagnitude(accel);
    if (a != null && accel.length > 0) {
      String contradiction = contradiction(a, m);
      if (contradiction != null) return Outcome.refuse(contradiction);
    }
    if (a == null) {
      if (m >= 0.6 && m <= 1.6) a = AccelUnit.G;
      else if (m >= 6 && m <= 14) a = AccelUnit.METRES_PER_S2;
      else if (m >= 600 && m <= 1600) a = AccelUnit.MILLI_G;
      else {
        return Outcome.refuse(
            "accelerometer magnitude is about "
                + fmt(m)
                + ", not near 1 (g), 9.8 (m/s^2) or 1000 (mg): raw counts or wrong columns?"
                + " State --units, e.g. --units g,dps");
      }
      notes.add("accelerometer in " + a.symbol() + " (|a| ≈ " + fmt(m) + ")");
    }
    GyroUnit g = stated.gyroUnit().or(() -> gyroHint).orElse(null);
    if (g == null) {
      g =
          a == AccelUnit.G
              ? GyroUnit.DEG_PER_S
              : a == AccelUnit.METRES_PER_S2 ? GyroUnit.RAD_PER_S : GyroUnit.MILLI_DEG_PER_S;
      if (g == GyroUnit.RAD_PER_S && maxAbs(gyro) > MAX_GYRO_RAD_PER_S) {
        g = GyroUnit.DEG_PER_S;
        notes.add("gyroscope in dps (readings above 35 cannot be rad/s)");
      } else {
        notes.add(
            "gyroscope assumed in "
                + g.symbol()
                + " to match the accelerometer's "
                + a.symbol()
                + " (state --units to override)");
      }
    }
    double wrap = time == Column.T_US ? ResolvedLayout.MICROS_WRAP_S : Double.NaN;
    return new Outcome(
        new ResolvedLayout(positions, labels, time, a, g, stated.sampleRateHz(), wrap, notes),
        null);
  }

  /**
   * A stated accelerometer unit that the data plainly contradicts (the classic mix-up: a sketch
   * printing m/s² declared as g would make every reading ten times too large). Null if plausible.
   */
  private static String contradiction(AccelUnit stated, double magnitude) {
    boolean looksG = magnitude >= 0.6 && magnitude <= 1.6;
    boolean looksSi = magnitude >= 6 && magnitude <= 14;
    if (stated == AccelUnit.G && looksSi || stated == AccelUnit.METRES_PER_S2 && looksG) {
      return "accelerometer stated in "
          + stated.symbol()
          + " but |a| is about "
          + fmt(magnitude)
          + ", which looks like "
          + (looksSi ? "m/s^2" : "g")
          + ": check --units";
    }
    return null;
  }

  /** The unit of a time column from its median step; empty when ambiguous. */
  static Optional<Column> timeUnit(double[] values) {
    double step = medianStep(values);
    if (!(step > 0)) return Optional.empty();
    boolean integral = true;
    for (double v : values) if (v != Math.rint(v)) integral = false;
    if (!integral && step < 0.1) return Optional.of(Column.T_S);
    if (step <= 40) return Optional.of(Column.T_MS);
    if (step >= 1000 && step <= 40000) return Optional.of(Column.T_US);
    return Optional.empty();
  }

  private static boolean increasing(List<double[]> rows, int index) {
    if (rows.size() < 3) return false;
    int up = 0;
    for (int i = 1; i < rows.size(); i++) if (rows.get(i)[index] > rows.get(i - 1)[index]) up++;
    return up >= 0.9 * (rows.size() - 1);
  }

  private static int modeWidth(List<double[]> rows) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    for (double[] r : rows) counts.merge(r.length, 1, Integer::sum);
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(0);
  }

  private static double[] column(List<double[]> rows, int index) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) out[i] = rows.get(i)[index];
    return out;
  }

  private static double[][] axes(List<double[]> rows, List<Column> columns, boolean accel) {
    double[][] out = new double[rows.size()][3];
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      if (accel ? c.isAccel() : c.isGyro()) {
        for (int r = 0; r < rows.size(); r++) out[r][c.axis()] = rows.get(r)[i];
      }
    }
    return out;
  }

  static double medianStep(double[] values) {
    if (values.length < 2) return Double.NaN;
    double[] steps = new double[values.length - 1];
    for (int i = 1; i < values.length; i++) steps[i - 1] = values[i] - values[i - 1];
    return Median.of(steps, steps.length);
  }

  private static double medianMagnitude(double[][] xyz) {
    double[] m = new double[xyz.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = Math.sqrt(xyz[i][0] * xyz[i][0] + xyz[i][1] * xyz[i][1] + xyz[i][2] * xyz[i][2]);
    }
    return Median.of(m, m.length);
  }

  private static double maxAbs(double[][] xyz) {
    double max = 0;
    for (double[] v : xyz) for (double x : v) max = Math.max(max, Math.abs(x));
    return max;
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }
}
