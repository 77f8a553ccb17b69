package com.rollercoach.core.protocol.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies a text line by shape ({@link ParsedLine}). Stateless. */
final class LineParser {
  private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
  private static final Pattern FIELD_SEPARATORS = Pattern.compile("[,;\\s]+");
  private static final Pattern PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:\\s*(" + NUMBER + "|nan|inf|-inf|ovf)");
  private static final Pattern PAIR_SEPARATORS = Pattern.compile("[,;\\s]*");
  private static final Pattern TRIPLE =
      Pattern.compile(
          "\\s*([A-Za-z][A-Za-z ]*?)\\s+X\\s*:\\s*("
              + NUMBER
              + ")\\s*,\\s*Y\\s*:\\s*("
              + NUMBER
              + ")\\s*,\\s*Z\\s*:\\s*("
              + NUMBER
              + ")\\s*(\\S*)\\s*");
  private static final Pattern HEADER = Pattern.compile("#\\s*([A-Za-z_][\\w.]*)\\s*[=:]\\s*(.*)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_()/^.'-]*");

  private LineParser() {}

  static ParsedLine parse(String raw) {
    String line = raw.strip();
    if (line.isEmpty()) return new ParsedLine.Chatter();
    if (line.charAt(0) == '#') {
      Matcher h = HEADER.matcher(line);
      return h.matches()
          ? new ParsedLine.Header(h.group(1).toLowerCase(Locale.ROOT), h.group(2).strip())
          : new ParsedLine.Chatter();
    }
    char c = line.charAt(0);
    if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') return numbers(line);
    if (line.indexOf(':') > 0) {
      Matcher t = TRIPLE.matcher(line);
      if (t.matches()) {
        return new ParsedLine.Triple(
            t.group(1).strip(),
            Double.parseDouble(t.group(2)),
            Double.parseDouble(t.group(3)),
            Double.parseDouble(t.group(4)),
            t.group(5));
      }
      ParsedLine pairs = pairs(line);
      if (pairs != null) return pairs;
    }
    String[] tokens = FIELD_SEPARATORS.split(line);
    for (String token : tokens) {
      if (!WORD.matcher(token).matches()) return new ParsedLine.Chatter();
    }
    return new ParsedLine.Words(List.of(tokens));
  }

  /** Hand-split (no regex): this is the hot path when a long capture file is imported. */
  private static ParsedLine numbers(String line) {
    double[] values = new double[8];
    int count = 0;
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSeparator(line.charAt(i))) i++;
      if (i >= n) break;
      int start = i;
      while (i < n && !isSeparator(line.charAt(i))) i++;
      String token = line.substring(start, i);
      double v = parseNumber(token);
      if (Double.isNaN(v)) {
        return new ParsedLine.Broken(
            "field " + (count + 1) + " '" + clip(token) + "' is not a number");
      }
      if (count == values.length) values = java.util.Arrays.copyOf(values, count * 2);
      values[count++] = v;
    }
    return new ParsedLine.Numbers(java.util.Arrays.copyOf(values, count));
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == ';' || c == ' ' || c == '\t';
  }

  /**
   * A finite number, or NaN for anything else — including Arduino's {@code Print::printFloat}
   * placeholders {@code nan}, {@code inf} and {@code ovf}, which mean the sensor read failed.
   */
  static double parseNumber(String token) {
    int n = token.length();
    if (n == 0 || n > 32) return Double.NaN;
    for (int i = 0; i < n; i++) {
      char ch = token.charAt(i);
      boolean ok =
          (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
      if (!ok) return Double.NaN;
    }
    try {
      double v = Double.parseDouble(token);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Label:value pairs covering the whole line (only separators in between), else null. */
  private static ParsedLine pairs(String line) {
    Matcher m = PAIR.matcher(line);
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    int last = 0;
    String broken = null;
    while (m.find()) {
      if (!PAIR_SEPARATORS.matcher(line.substring(last, m.start())).matches()) return null;
      labels.add(m.group(1));
      double v = parseNumber(m.group(2));
      if (Double.isNaN(v) && broken == null) {
        broken = "value of '" + m.group(1) + "' is '" + m.group(2) + "'";
      }
      values.add(v);
      last = m.end();
    }
    if (labels.isEmpty() || !PAIR_SEPARATORS.matcher(line.substring(last)).matches()) return null;
    if (broken != null) return new ParsedLine.Broken(broken);
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) v[i] = values.get(i);
    return new ParsedLine.Labelled(List.copyOf(labels), v);
  }

  static String clip(String s) {
    return s.length() <= 16 ? s : s.substring(0, 16) + "…";
  }
}
