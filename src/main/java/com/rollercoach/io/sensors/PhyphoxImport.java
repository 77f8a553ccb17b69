package com.rollercoach.io.sensors;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Imports phyphox exports: the zip phyphox shares (one CSV per export set plus {@code meta/}), or
 * CSV files taken out of it — an accelerometer table and a gyroscope table, or one table with
 * both. The two sensors are merged by time ({@link AccelGyroMerger}) while both files are read
 * side by side, so memory stays flat however long the recording.
 *
 * <p>Only acceleration <em>with</em> gravity is accepted: besides refusing "Linear Acceleration" by
 * name, the median |a| of the first rows must be near 9.8 m/s² — the physical check also catches a
 * translated or renamed linear-acceleration column.
 */
public final class PhyphoxImport {
  /** Gyroscope readings further apart than this are not interpolated across. */
  static final double MAX_GYRO_GAP_S = 0.25;

  /** Rows whose median |a| is checked for gravity. */
  private static final int GRAVITY_CHECK_ROWS = 500;

  /**
   * What was imported.
   *
   * @param device phone brand and model from {@code meta/device.csv}, empty if unknown
   */
  public record Report(long samples, long droppedAccel, String device, List<String> sources) {}

  private PhyphoxImport() {}

  /** True for a zip with a phyphox {@code meta/} folder or a CSV whose header names {@code Time (s)}. */
  public static boolean looksLikePhyphox(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (n.endsWith(".zip")) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
          return zip.getEntry("meta/device.csv") != null || zip.getEntry("meta/time.csv") != null;
        }
      }
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String header = r.readLine();
        return header != null
            && header.contains("Time (s)")
            && (header.contains("(m/s^2)") || header.contains("(rad/s)"));
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Reads {@code files} (one zip, or CSV files) into {@code sink}. The caller ends the sink (as
   * with every file reader, so a session can be made of several files).
   *
   * @throws SensorFormatException naming the file, line and reason
   */
  public static Report read(List<Path> files, SampleSink sink) {
    if (files.size() == 1 && files.get(0).toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return readZip(files.get(0), sink);
    }
    List<PhyphoxTable> tables = new ArrayList<>();
    try {
      for (Path f : files) tables.add(new PhyphoxTable(f.toString(), Files.newInputStream(f)));
      return merge(tables, "", sink);
    } catch (IOException e) {
      throw new SensorFormatException("cannot read " + files + ": " + e.getMessage(), e);
    } finally {
      closeAll(tables);
    }
  }

  private static Report readZip(Path path, SampleSink sink) {
    List<PhyphoxTable> tables = new ArrayList<>();
    try (ZipFile zip = new ZipFile(path.toFile())) {
      String device = "";
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName();
        if (entry.isDirectory()) continue;
        if (name.equals("meta/device.csv")) {
          device = device(zip.getInputStream(entry));
        } else if (!name.startsWith("meta/") && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          try {
            tables.add(new PhyphoxTable(path.getFileName() + "!" + name, zip.getInputStream(entry)));
          } catch (SensorFormatException notSensor) {
            // another export set (e.g. a computed "Absolute" table); only linear acceleration is
            // worth stopping for, because then the user recorded the wrong experiment
            if (notSensor.getMessage().contains("Linear Acceleration")) throw notSensor;
          }
        }
      }
      return merge(tables, device, sink);
    } catch (ZipException e) {
      throw new SensorFormatException(path + ": not a readable zip (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new SensorFormatException("cannot read " + path + ": " + e.getMessage(), e);
    } finally {
      closeAll(tables);
    }
  }

  private static Report merge(List<PhyphoxTable> tables, String device, SampleSink sink)
      throws IOException {
    PhyphoxTable both = null;
    PhyphoxTable accel = null;
    PhyphoxTable gyro = null;
    for (PhyphoxTable t : tables) {
      switch (t.kind()) {
        case BOTH -> both = both == null ? t : both;
        case ACCELERATION -> accel = accel == null ? t : accel;
        case GYROSCOPE -> gyro = gyro == null ? t : gyro;
      }
    }
    List<String> names = new ArrayList<>();
    for (PhyphoxTable t : tables) names.add(t.name());
    if (both == null && accel == null) {
      throw new SensorFormatException(
          "no accelerometer table (Acceleration x/y/z (m/s^2)) in " + names);
    }
    if (both == null && gyro == null) {
      throw new SensorFormatException(
          "no gyroscope table (Gyroscope x/y/z (rad/s)) in "
              + names
              + ": Roller Coach needs the rotation rate; phyphox runs one experiment at a time, so"
              + " record with an experiment that has both sensors (docs/sensors.md)");
    }
    PhyphoxTable accelSource = both != null ? both : accel;
    requireGravity(accelSource);
    AccelGyroMerger merger = new AccelGyroMerger(sink, MAX_GYRO_GAP_S);
    double[] aRange = {Double.NaN, Double.NaN};
    double[] gRange = {Double.NaN, Double.NaN};
    if (both != null) {
      for (double[] r; (r = both.next()) != null; ) {
        track(aRange, r[0]);
        track(gRange, r[0]);
        merger.gyro(r[0], Math.toDegrees(r[4]), Math.toDegrees(r[5]), Math.toDegrees(r[6]));
        accelRow(merger, r);
      }
    } else {
      double[] a = accel.next();
      double[] g = gyro.next();
      while (a != null || g != null) {
        if (g != null && (a == null || g[0] <= a[0])) {
          track(gRange, g[0]);
          merger.gyro(g[0], Math.toDegrees(g[1]), Math.toDegrees(g[2]), Math.toDegrees(g[3]));
          g = gyro.next();
        } else {
          track(aRange, a[0]);
          accelRow(merger, a);
          a = accel.next();
        }
      }
    }
    merger.end();
    if (merger.emitted() == 0) {
      throw new SensorFormatException(
          String.format(
              Locale.ROOT,
              "accelerometer (%.1f–%.1f s) and gyroscope (%.1f–%.1f s) do not overlap in %s:"
                  + " were they recorded in different phyphox runs?",
              aRange[0], aRange[1], gRange[0], gRange[1], names));
    }
    return new Report(merger.emitted(), merger.dropped(), device, names);
  }

  private static void accelRow(AccelGyroMerger merger, double[] r) {
    double g = ImuSample.STANDARD_GRAVITY;
    merger.accel(r[0], r[1] / g, r[2] / g, r[3] / g);
  }

  private static void track(double[] range, double t) {
    if (Double.isNaN(range[0])) range[0] = t;
    range[1] = t;
  }

  private static void requireGravity(PhyphoxTable table) throws IOException {
    List<double[]> rows = table.peek(GRAVITY_CHECK_ROWS);
    if (rows.isEmpty()) throw new SensorFormatException(table.name() + ": no data rows");
    double[] m = new double[rows.size()];
    for (int i = 0; i < m.length; i++) {
      double[] r = rows.get(i);
      m[i] = Math.sqrt(r[1] * r[1] + r[2] * r[2] + r[3] * r[3]);
    }
    Arrays.sort(m);
    double median = m[m.length / 2];
    if (median < 5.0 || median > 15.0) {
      throw new SensorFormatException(
          String.format(
              Locale.ROOT,
              "%s: median |a| is %.2f m/s^2, not about 9.81: %s",
              table.name(),
              median,
              median < 5.0
                  ? "gravity is missing, as in phyphox 'Linear Acceleration'. " + PhyphoxTable.GRAVITY_NEEDED
                  : "the values are not m/s^2"));
    }
  }

  /** Brand and model from phyphox's {@code meta/device.csv} ("property","value" rows). */
  private static String device(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String brand = "";
    String model = "";
    for (String line; (line = r.readLine()) != null; ) {
      char sep = line.indexOf('\t') >= 0 ? '\t' : line.contains("\";\"") ? ';' : ',';
      List<String> cells = PhyphoxTable.split(line, sep);
      if (cells.size() < 2) continue;
      String key = cells.get(0).replace("\"", "").strip();
      String value = cells.get(1).replace("\"", "").strip();
      if (key.equals("deviceBrand")) brand = value;
      if (key.equals("deviceModel")) model = value;
    }
    return (brand + " " + model).strip();
  }

  private static void closeAll(List<PhyphoxTable> tables) {
    for (PhyphoxTable t : tables) {
      try {
        t.close();
      } catch (IOException ignored) {
        // reading is over; a failing close loses nothing
      }
    }
  }
}
