package com.rollercoach.io.sensors;

import com.rollercoach.io.TextLines;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table of a sensor export (phyphox, x-IMU3, Fusion, Sensor Logger, other tools), read row by
 * row with bounded lines; its header is read by {@link SensorHeader}. Numbers may use a decimal comma
 * when the separator is not a comma (phyphox's semicolon and tab variants); a {@code NaN} or empty
 * cell (phyphox pads shorter columns with NaN) skips the row. Values come back in the file's own
 * units; {@link PhyphoxImport} resolves the units before merging.
 */
final class SensorTable implements Closeable {
  enum Kind {
    ACCELERATION,
    GYROSCOPE,
    BOTH
  }

  /** Comment or blank lines tolerated before the header (some loggers write a preamble). */
  private static final int MAX_PREAMBLE_LINES = 64;

  private final String name;
  private final TextLines lines;
  private final SensorHeader header;
  private final Kind kind;
  private Boolean decimalComma;
  /** Rows holding an infinite value ("inf", "Infinity"): a number no sensor gave; skipped and counted. */
  private long nonFinite;
  private final ArrayDeque<double[]> lookahead = new ArrayDeque<>();
  /** A gravity table added to this one's rows at equal times (Sensor Logger on iOS), or null. */
  private SensorTable gravity;
  private double[] gravityRow;
  /**
   * Physics Toolbox writes 0, 0, 0 for a sensor that has not read yet (its first rows): such
   * leading rows are no reading and are skipped, until both sensors have read once.
   */
  private boolean beforeFirstReadings;

  /**
   * Reads the header and classifies the table.
   *
   * @param name the file or zip entry, for messages and for the sensor of bare x/y/z columns
   * @throws SensorFormatException if the header names no time column and no x, y, z sensor set
   */
  SensorTable(String name, InputStream in) throws IOException {
    this.name = name;
    this.lines = new TextLines(in, name);
    String line;
    int skipped = 0;
    do {
      line = lines.next();
      if (line == null) {
        lines.close();
        throw new SensorFormatException(name + ": empty file");
      }
    } while ((line.isBlank() || line.startsWith("#")) && skipped++ < MAX_PREAMBLE_LINES);
    Optional<SensorHeader> h = SensorHeader.parse(line, name);
    if (h.isEmpty()) {
      lines.close();
      throw new SensorFormatException(name + ": the header " + SensorHeader.abbreviate(
          SensorHeader.split(line, SensorHeader.separatorOf(line)))
          + " names no time column with x, y, z accelerometer or gyroscope columns");
    }
    header = h.get();
    boolean a = header.hasAccel();
    boolean g = header.hasGyro();
    kind = a && g ? Kind.BOTH : a ? Kind.ACCELERATION : Kind.GYROSCOPE;
    beforeFirstReadings = header.tool() == SensorHeader.Tool.PHYSICS_TOOLBOX;
  }

  String name() {
    return name;
  }

  /**
   * Adds {@code g}'s x, y, z to this acceleration table's rows of the same time, before any row is
   * read: Sensor Logger on iOS writes the phone's acceleration without gravity ({@code
   * Accelerometer.csv}) and the gravity ({@code Gravity.csv}) from one motion update, row for row
   * with the same time stamps, in the same unit. A row without a gravity row of its time is left out.
   */
  void plusGravity(SensorTable g) {
    if (kind != Kind.ACCELERATION || g.kind != Kind.ACCELERATION || !lookahead.isEmpty()) {
      throw new IllegalStateException("gravity is added to an unread acceleration table");
    }
    gravity = g;
  }

  Kind kind() {
    return kind;
  }

  SensorHeader header() {
    return header;
  }

  /** Looks ahead up to {@code n} rows without consuming them. */
  List<double[]> peek(int n) {
    while (lookahead.size() < n) {
      double[] row = read();
      if (row == null) break;
      lookahead.add(row);
    }
    return new ArrayList<>(lookahead);
  }

  /**
   * The next complete row in the file's units: {@code {t, x, y, z}}, or {@code {t, ax, ay, az, gx,
   * gy, gz}} for a table holding both sensors; null at the end.
   */
  double[] next() {
    if (!lookahead.isEmpty()) return lookahead.poll();
    return read();
  }

  private double[] read() {
    while (true) {
      String line = lines.next();
      if (line == null) return null;
      if (line.isBlank() || line.startsWith("#")) continue;
      List<String> cells = SensorHeader.split(line, header.separator());
      if (decimalComma == null) decimalComma = header.separator() != ',' && line.indexOf(',') >= 0;
      double[] row = kind == Kind.BOTH ? new double[7] : new double[4];
      row[0] = cell(cells, header.time());
      int k = 1;
      if (kind != Kind.GYROSCOPE) for (int i : header.accel()) row[k++] = cell(cells, i);
      if (kind != Kind.ACCELERATION) for (int i : header.gyro()) row[k++] = cell(cells, i);
      boolean complete = true;
      boolean infinite = false;
      for (double v : row) {
        if (Double.isNaN(v)) complete = false;
        if (Double.isInfinite(v)) infinite = true;
      }
      if (beforeFirstReadings) {
        if (zeros(row, 1) || (kind == Kind.BOTH && zeros(row, 4))) continue;
        beforeFirstReadings = false;
      }
      if (infinite) nonFinite++;
      else if (complete && (gravity == null || addGravity(row))) return row;
    }
  }

  private static boolean zeros(double[] row, int first) {
    return row[first] == 0 && row[first + 1] == 0 && row[first + 2] == 0;
  }

  /** Adds the gravity row of {@code row}'s time; false (the row is left out) when there is none. */
  private boolean addGravity(double[] row) {
    while (gravityRow == null || gravityRow[0] < row[0]) {
      gravityRow = gravity.read();
      if (gravityRow == null) return false;
    }
    if (gravityRow[0] != row[0]) return false;
    for (int i = 1; i < 4; i++) row[i] += gravityRow[i];
    return true;
  }

  private double cell(List<String> cells, int index) {
    if (index >= cells.size()) {
      throw new SensorFormatException(name + " line " + lines.lineNumber() + ": " + cells.size()
          + " fields, expected more than " + index);
    }
    String s = SensorHeader.unquote(cells.get(index)).strip();
    if (decimalComma) s = s.replace(',', '.');
    if (s.equalsIgnoreCase("nan") || s.isEmpty()) return Double.NaN;
    try {
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      if (lower.equals("inf") || lower.equals("+inf")) return Double.POSITIVE_INFINITY;
      if (lower.equals("-inf")) return Double.NEGATIVE_INFINITY;
      // "Infinity" parses; an overflowing literal like 1e999 does too, and is counted as non-finite
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      String shown = s.length() > 20 ? s.substring(0, 20) + "…" : s;
      throw new SensorFormatException(name + " line " + lines.lineNumber() + ": '" + shown
          + "' in column " + (index + 1) + " is not a number");
    }
  }

  /** Rows skipped for an infinite value so far. */
  public long nonFiniteRows() {
    return nonFinite;
  }

  @Override
  public void close() throws IOException {
    try {
      lines.close();
    } finally {
      if (gravity != null) gravity.close();
    }
  }
}
