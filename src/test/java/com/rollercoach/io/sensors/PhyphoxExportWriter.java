package com.rollercoach.io.sensors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes tables the way phyphox's CSV export does (phyphox/phyphox-android DataExport.java,
 * CsvFormat.export): header of quoted names joined by the separator and ended by "\n"; each row's
 * numbers formatted with DecimalFormat "0.000000000E0" (English locale, the chosen decimal mark,
 * no grouping); "NaN" where a column is shorter than the longest; for the zip, one entry
 * "&lt;set name&gt;.csv" per export set, then meta/device.csv ("property","value") and meta/time.csv.
 */
final class PhyphoxExportWriter {
  private final char separator;
  private final DecimalFormat format;

  PhyphoxExportWriter(char separator, char decimalPoint) {
    this.separator = separator;
    format = (DecimalFormat) NumberFormat.getInstance(Locale.ENGLISH);
    format.applyPattern("0.000000000E0");
    DecimalFormatSymbols dfs = format.getDecimalFormatSymbols();
    dfs.setDecimalSeparator(decimalPoint);
    format.setDecimalFormatSymbols(dfs);
    format.setGroupingUsed(false);
  }

  /** One export set: column name → values (columns may differ in length). */
  static Map<String, double[]> set(String[] names, double[]... columns) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) m.put(names[i], columns[i]);
    return m;
  }

  byte[] table(Map<String, double[]> set) {
    StringBuilder sb = new StringBuilder();
    int j = 0;
    int rows = 0;
    for (Map.Entry<String, double[]> e : set.entrySet()) {
      sb.append('"').append(e.getKey()).append('"');
      if (++j < set.size()) sb.append(separator);
      rows = Math.max(rows, e.getValue().length);
    }
    sb.append('\n');
    List<double[]> cols = List.copyOf(set.values());
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < cols.size(); c++) {
        double[] col = cols.get(c);
        sb.append(i < col.length ? format.format(col[i]) : "NaN");
        if (c < cols.size() - 1) sb.append(separator);
      }
      sb.append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  void writeTable(Path file, Map<String, double[]> set) throws IOException {
    Files.write(file, table(set));
  }

  void writeZip(Path file, Map<String, Map<String, double[]>> sets) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, Map<String, double[]>> e : sets.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey() + ".csv"));
        z.write(table(e.getValue()));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("meta/device.csv"));
      String s = String.valueOf(separator);
      write(z, "\"property\"" + s + "\"value\"\n"
          + "\"version\"" + s + "\"1.2.0\"\n"
          + "\"deviceModel\"" + s + "\"Pixel 7\"\n"
          + "\"deviceBrand\"" + s + "\"google\"\n");
      z.closeEntry();
      z.putNextEntry(new ZipEntry("meta/time.csv"));
      write(z, "\"event\"" + s + "\"experiment time\"" + s + "\"system time\"" + s
          + "\"system time text\"\n\"START\"" + s + format.format(0.0) + s + "1764070000.000" + s
          + "\"2025-11-25 11:26:40.000 UTC+00:00\"\n");
      z.closeEntry();
    }
    Files.write(file, bytes.toByteArray());
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }
}
