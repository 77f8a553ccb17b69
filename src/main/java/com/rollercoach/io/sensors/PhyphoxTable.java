package com.rollercoach.io.sensors;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table of a phyphox CSV export, read row by row. phyphox (DataExport.java in
 * phyphox/phyphox-android) writes a header of quoted column names joined by the chosen separator,
 * then one row per sample with numbers as {@code 0.000000000E0} using the chosen decimal mark, and
 * {@code NaN} where a shorter column has no value. Its export dialog offers comma + decimal point,
 * tab + decimal point, semicolon + decimal comma and tab + decimal comma; all are detected here.
 *
 * <p>Columns are found by the names phyphox's sensor experiments give them: {@code Time (s)},
 * {@code Acceleration x (m/s^2)} (the "Acceleration with g" / "Accelerometer" experiments), {@code
 * Linear Acceleration x (m/s^2)} (gravity removed: refused, see {@link #LINEAR_REFUSAL}), {@code
 * Gyroscope x (rad/s)}. A translated or custom name is still accepted by its unit in brackets and an
 * x/y/z word, in x, y, z order.
 */
final class PhyphoxTable implements Closeable {
  /** Which sensors the table holds. */
  enum Kind {
    ACCELERATION,
    GYROSCOPE,
    BOTH
  }

  static final String GRAVITY_NEEDED =
      "Roller Coach needs gravity to see the roller turn and to tell when someone is on it:"
          + " record with 'Acceleration with g' (or the Roller Coach experiment, docs/sensors.md)";

  static final String LINEAR_REFUSAL =
      "holds phyphox 'Linear Acceleration', which has gravity removed by the phone. "
          + GRAVITY_NEEDED;

  private static final Pattern ACCEL =
      Pattern.compile("(linear\\s+)?acceleration\\s+([xyz])\\s*\\((m/s\\^?2|m/s²)\\)");
  private static final Pattern GYRO = Pattern.compile("gyroscope\\s+([xyz])\\s*\\(rad/s\\)");
  private static final Pattern TIME = Pattern.compile("(time|t)\\s*\\(s\\)");
  private static final Pattern AXIS_WORD = Pattern.compile("(?:^|[\\s_])([xyz])(?:$|[\\s_(])");

  private final String name;
  private final BufferedReader reader;
  private final char separator;
  private final Kind kind;
  private final int time;
  private final int[] accel = {-1, -1, -1};
  private final int[] gyro = {-1, -1, -1};
  private Boolean decimalComma;
  private long lineNumber = 1;
  private final ArrayDeque<double[]> lookahead = new ArrayDeque<>();
  private final ArrayDeque<Long> lookaheadLines = new ArrayDeque<>();
  private long currentLine;

  /**
   * Reads the header and classifies the table.
   *
   * @param name the file or zip entry, for messages
   * @throws SensorFormatException if the table is not a phyphox accelerometer/gyroscope table
   */
  PhyphoxTable(String name, InputStream in) throws IOException {
    this.name = name;
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null) throw new SensorFormatException(name + ": empty file");
    if (header.startsWith("\uFEFF")) header = header.substring(1);
    separator = separatorOf(header);
    List<String> names = new ArrayList<>();
    for (String raw : split(header, separator)) {
      names.add(unquote(raw).strip().toLowerCase(Locale.ROOT));
    }
    int t = -1;
    boolean linear = false;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      Matcher a = ACCEL.matcher(n);
      Matcher g = GYRO.matcher(n);
      if (t < 0 && TIME.matcher(n).matches()) {
        t = i;
      } else if (a.matches()) {
        if (a.group(1) != null) linear = true;
        else accel[a.group(2).charAt(0) - 'x'] = i;
      } else if (g.matches()) {
        gyro[g.group(1).charAt(0) - 'x'] = i;
      }
    }
    if (linear && accel[0] < 0) throw new SensorFormatException(name + " " + LINEAR_REFUSAL);
    byUnit(names, "(m/s^2)", accel);
    byUnit(names, "(m/s²)", accel);
    byUnit(names, "(rad/s)", gyro);
    if (t < 0) {
      throw new SensorFormatException(
          name + ": no 'Time (s)' column in header " + names + " — not a phyphox export?");
    }
    time = t;
    boolean hasAccel = accel[0] >= 0 && accel[1] >= 0 && accel[2] >= 0;
    boolean hasGyro = gyro[0] >= 0 && gyro[1] >= 0 && gyro[2] >= 0;
    if (hasAccel && hasGyro) kind = Kind.BOTH;
    else if (hasAccel) kind = Kind.ACCELERATION;
    else if (hasGyro) kind = Kind.GYROSCOPE;
    else {
      throw new SensorFormatException(
          name + ": no x, y, z acceleration (m/s^2) or gyroscope (rad/s) columns in " + names);
    }
  }

  /** Fills axes still missing from columns whose name carries {@code unit} and an x/y/z word. */
  private static void byUnit(List<String> names, String unit, int[] axes) {
    if (axes[0] >= 0 && axes[1] >= 0 && axes[2] >= 0) return;
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (!n.contains(unit) || n.contains("linear") || n.contains("abs")) continue;
      Matcher m = AXIS_WORD.matcher(n.replace(unit, " "));
      if (m.find() && axes[m.group(1).charAt(0) - 'x'] < 0) axes[m.group(1).charAt(0) - 'x'] = i;
    }
  }

  String name() {
    return name;
  }

  Kind kind() {
    return kind;
  }

  /** The line of the row {@link #next()} returned last, for messages. */
  long line() {
    return currentLine;
  }

  /** Looks ahead up to {@code n} rows without consuming them. */
  List<double[]> peek(int n) throws IOException {
    while (lookahead.size() < n) {
      double[] row = read();
      if (row == null) break;
      lookahead.add(row);
      lookaheadLines.add(lineNumber);
    }
    return new ArrayList<>(lookahead);
  }

  /**
   * The next complete row: {@code {t, x, y, z}} in the file's units (s, m/s², rad/s), or {@code
   * {t, ax, ay, az, gx, gy, gz}} for a table holding both sensors; null at the end. Rows with a
   * {@code NaN} (a shorter column) are skipped.
   */
  double[] next() throws IOException {
    if (!lookahead.isEmpty()) {
      currentLine = lookaheadLines.poll();
      return lookahead.poll();
    }
    double[] row = read();
    currentLine = lineNumber;
    return row;
  }

  private double[] read() throws IOException {
    while (true) {
      String line = reader.readLine();
      if (line == null) return null;
      lineNumber++;
      if (line.isBlank()) continue;
      List<String> cells = split(line, separator);
      if (decimalComma == null) decimalComma = separator != ',' && line.indexOf(',') >= 0;
      double[] row = kind == Kind.BOTH ? new double[7] : new double[4];
      row[0] = cell(cells, time, line);
      int k = 1;
      if (kind != Kind.GYROSCOPE) for (int i : accel) row[k++] = cell(cells, i, line);
      if (kind != Kind.ACCELERATION) for (int i : gyro) row[k++] = cell(cells, i, line);
      boolean complete = true;
      for (double v : row) if (Double.isNaN(v)) complete = false;
      if (complete) return row;
    }
  }

  private double cell(List<String> cells, int index, String line) {
    if (index >= cells.size()) {
      throw new SensorFormatException(
          name + " line " + lineNumber + ": " + cells.size() + " fields, expected more than " + index);
    }
    String s = unquote(cells.get(index)).strip();
    if (decimalComma) s = s.replace(',', '.');
    if (s.equalsIgnoreCase("nan") || s.isEmpty()) return Double.NaN;
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new SensorFormatException(
          name + " line " + lineNumber + ": '" + s + "' in column " + (index + 1) + " is not a number");
    }
  }

  private static char separatorOf(String header) {
    char best = ',';
    int bestCount = 0;
    for (char c : new char[] {',', '\t', ';'}) {
      int count = split(header, c).size();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }

  /** Splits at {@code sep} outside double quotes. */
  static List<String> split(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') quoted = !quoted;
      if (c == sep && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1);
    if (t.startsWith("'")) t = t.substring(1); // phyphox's formula-injection guard
    return t;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
