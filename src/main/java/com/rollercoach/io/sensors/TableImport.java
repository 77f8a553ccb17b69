package com.rollercoach.io.sensors;

import com.rollercoach.core.sample.ImuSample;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.RateCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns the tables of a sensor export into one sample stream: a table holding both sensors, or an
 * accelerometer table and a gyroscope table merged by time ({@link AccelGyroMerger}) while both
 * files are read side by side, so memory stays flat however long the recording.
 *
 * <p>{@link #plan} chooses the tables and settles their units before any sample is streamed, so a
 * refusal is one line at open time: accelerometer with gravity is required (linear acceleration is
 * used only to explain the refusal, and a with-g table is chosen over it when both are there), the
 * units the header states are checked against gravity (median |a| ≈ 9.81 m/s²), units it does not
 * state are decided from the same check, and a rate below {@link RateCheck#MIN_RATE_HZ} is refused.
 */
public final class TableImport {
  /** Gyroscope readings further apart than this are not interpolated across. */
  static final double MAX_GYRO_GAP_S = 0.25;

  /** Rows whose median |a| and time step are checked. */
  private static final int CHECK_ROWS = 500;

  static final String GRAVITY_NEEDED =
      "Roller Coach needs gravity to see the roller turn and to tell when someone is on it:"
          + " record acceleration with g (phyphox 'Acceleration with g', Sensor Logger's TotalAcceleration.csv"
          + " on Android, or on iOS its Gravity beside Accelerometer)";

  /** A table to read: a name for messages (file, or zip!entry) and a way to open its bytes afresh. */
  public record Source(String name, Opener opener) {
    public static Source of(Path file) {
      return new Source(file.toString(), () -> Files.newInputStream(file));
    }
  }

  /** Opens a source's bytes; each call starts from the beginning. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** What was imported. */
  public record Report(long samples, long droppedAccel, List<String> sources, java.util.Optional<String> badSamples) {}

  /**
   * The tables chosen and their units.
   *
   * @param accel the accelerometer table (the combined table when {@code gyro} is null)
   * @param gravity a gravity table added row by row to {@code accel} (Sensor Logger on iOS writes
   *     the phone's acceleration without gravity and the gravity apart, for the same instants), or null
   * @param gyro the gyroscope table, null when {@code accel} holds both sensors
   * @param originS subtracted from the tables' times: 0, or for wall-clock times (MetaWear's epoch ms)
   *     the whole second of their first sample, so that a session's times start near 0
   */
  public record Plan(Source accel, Source gravity, Units accelUnits, Source gyro, Units gyroUnits, double rateHz,
      double originS) {
    public String describe() {
      String a = gravity == null ? name(accel) : name(accel) + " with " + name(gravity);
      return gyro == null ? a : a + " + " + name(gyro);
    }

    private static String name(Source s) {
      return s.name().replaceAll(".*[/\\\\!]", "");
    }
  }

  /** Factors from a table's numbers to seconds, m/s² and rad/s. */
  record Units(double timeToS, double accelToMps2, double gyroToRads) {}

  private TableImport() {}

  /** Reads CSV files into {@code sink} (checks as {@link #plan}); the caller ends the sink. */
  public static Report read(List<Path> files, SampleSink sink) {
    List<Source> sources = files.stream().map(Source::of).toList();
    return read(plan(sources), sink);
  }

  /**
   * Chooses the tables among {@code sources} and settles their units.
   *
   * @throws SensorFormatException with one line saying what was found and what is needed
   */
  public static Plan plan(List<Source> sources) {
    List<Found> found = new ArrayList<>();
    List<String> notTables = new ArrayList<>();
    for (Source s : sources) {
      try (SensorTable t = open(s)) {
        // its first rows too, while it is open: units, rate and time origin are all planned on them
        List<double[]> rows;
        try {
          rows = t.peek(CHECK_ROWS);
        } catch (RuntimeException e) {
          rows = null; // a table not chosen need not read; one chosen says why when peeked again
        }
        found.add(new Found(s, t.kind(), t.header(), rows));
      } catch (SensorFormatException e) {
        notTables.add(e.getMessage());
      } catch (IOException e) {
        throw new SensorFormatException(s.name() + ": cannot read (" + e.getMessage() + ")", e);
      }
    }
    if (found.isEmpty()) {
      throw new SensorFormatException(notTables.size() == 1 ? notTables.get(0)
          : "no accelerometer or gyroscope table among " + names(sources));
    }
    // with-g tables first: "Total" (Sensor Logger), then by name, so the choice does not depend on zip order
    found.sort(Comparator.comparing((Found f) -> !f.source.name().toLowerCase(Locale.ROOT).contains("total"))
        .thenComparing(f -> f.source.name()));
    // Several tables that each hold both sensors are several sessions (a folder of recordings, two
    // files named together), not one export: taking one of them silently analysed the wrong session.
    List<String> whole = found.stream()
        .filter(f -> f.kind == SensorTable.Kind.BOTH && !f.header.linearOnly())
        .map(f -> f.source.name()).toList();
    if (whole.size() > 1) {
      throw new SensorFormatException(whole.size() + " files that are each a whole session (" + String.join(", ",
          whole.subList(0, Math.min(3, whole.size()))) + (whole.size() > 3 ? ", …" : "")
          + "): open one at a time; 'sessions import' takes several");
    }
    SensorHeader.Tool tool = found.get(0).header.tool();
    SensorFormatException gravityProblem = null;
    for (Found f : found) {
      if (f.kind == SensorTable.Kind.BOTH && !f.header.linearOnly()) {
        Peek p = f.peek();
        Units u;
        try {
          u = units(p, null);
        } catch (SensorFormatException e) {
          gravityProblem = e;
          continue;
        }
        return new Plan(f.source, null, u, null, u, rate(p, u), origin(p, u, null, null));
      }
    }
    Found gyro = found.stream().filter(f -> f.kind == SensorTable.Kind.GYROSCOPE).findFirst().orElse(null);
    Found accel = null;
    Peek accelPeek = null;
    Source gravity = null;
    Units accelUnits = null;
    for (Found f : found) {
      if (f.kind != SensorTable.Kind.ACCELERATION || f.header.linearOnly() || f.header.gravityOnly()) continue;
      try {
        Peek p = f.peek();
        accelUnits = units(p, null);
        accel = f;
        accelPeek = p;
        break;
      } catch (SensorFormatException e) {
        if (gravityProblem == null) gravityProblem = e;
      }
    }
    Found gravityTable = found.stream().filter(f -> f.header.gravityOnly()).findFirst().orElse(null);
    Found userAccel = found.stream().filter(f -> f.header.linearOnly()
        && f.header.tool() == SensorHeader.Tool.SENSOR_LOGGER).findFirst().orElse(null);
    if (accel == null && gravityProblem == null && gravityTable != null && userAccel != null) {
      // Sensor Logger on iOS writes no TotalAcceleration.csv: its Accelerometer.csv (gravity removed)
      // plus Gravity.csv, from the same motion updates, is the acceleration with g
      accelPeek = peek(userAccel.source, gravityTable.source);
      accelUnits = units(accelPeek, null);
      accel = userAccel;
      gravity = gravityTable.source;
    }
    if (accel == null) {
      if (gravityProblem != null) throw gravityProblem;
      Found linear = found.stream().filter(f -> f.header.linearOnly()).findFirst().orElse(null);
      if (linear != null) {
        throw new SensorFormatException(linear.source.name()
            + " holds linear acceleration, which has gravity removed by the phone. " + GRAVITY_NEEDED);
      }
      if (gravityTable != null) {
        throw new SensorFormatException(gravityTable.source.name() + " holds only the gravity the phone"
            + " estimated, not the accelerometer. " + GRAVITY_NEEDED);
      }
      throw new SensorFormatException("gyroscope only (" + names(found) + "): Roller Coach needs the"
          + " accelerometer with gravity too — " + tool.advice);
    }
    if (gyro == null) {
      throw new SensorFormatException("accelerometer only (" + names(found) + "): Roller Coach needs"
          + " the gyroscope too — " + tool.advice);
    }
    Peek gyroPeek = gyro.peek();
    Units gyroUnits = units(gyroPeek, accelUnits);
    return new Plan(accel.source, gravity, accelUnits, gyro.source, gyroUnits,
        rate(accelPeek, accelUnits), origin(accelPeek, accelUnits, gyroPeek, gyroUnits));
  }

  /** Times at or beyond this are a wall clock (seconds since 1970: ≥ 1e9 since 2001), not uptime. */
  static final double WALL_CLOCK_S = 1e8;

  /**
   * The plan's time origin: for tables timed by a wall clock, the whole second of their earliest
   * first sample (one origin for both tables, so they stay in step); else 0, times kept as they are.
   */
  private static double origin(Peek accel, Units au, Peek gyro, Units gu) {
    double first = firstTime(accel, au);
    if (gyro != null) first = Math.min(first, firstTime(gyro, gu));
    return Double.isFinite(first) && first >= WALL_CLOCK_S ? Math.floor(first) : 0;
  }

  private static double firstTime(Peek p, Units u) {
    return p.rows().isEmpty() ? Double.NaN : p.rows().get(0)[0] * u.timeToS;
  }

  /**
   * A table found among the sources, with its first rows ({@code rows}, null when they could not be
   * read with it: {@link #peek()} reads them again and says why).
   */
  private record Found(Source source, SensorTable.Kind kind, SensorHeader header, List<double[]> rows) {
    Peek peek() {
      return rows != null ? new Peek(source.name(), null, kind, header, rows) : TableImport.peek(source, null);
    }
  }

  /**
   * What planning reads of a table, once: its kind, header and first {@value #CHECK_ROWS} rows (with
   * {@code gravity}'s added, when given). Units, rate and time origin are all settled on them; each
   * opened the table again before (three times for one table).
   */
  private record Peek(String name, String gravityName, SensorTable.Kind kind, SensorHeader header,
      List<double[]> rows) {}

  private static Peek peek(Source s, Source gravity) {
    try (SensorTable t = open(s, gravity)) {
      return new Peek(s.name(), gravity == null ? null : gravity.name(), t.kind(), t.header(), t.peek(CHECK_ROWS));
    } catch (IOException e) {
      throw new SensorFormatException(s.name() + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static SensorTable open(Source s) throws IOException {
    InputStream in = s.opener().open();
    try {
      return new SensorTable(s.name(), in);
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** {@code s}, with {@code gravity} (if not null) added to each of its rows at the same time. */
  private static SensorTable open(Source s, Source gravity) throws IOException {
    SensorTable t = open(s);
    if (gravity == null) return t;
    try {
      t.plusGravity(open(gravity));
      return t;
    } catch (IOException | RuntimeException e) {
      t.close();
      throw e;
    }
  }

  /**
   * The table's units: the header's where it states them, checked against gravity; else decided
   * from the data. {@code accelUnits} is given for a gyroscope-only table (its unit follows the
   * accelerometer's library convention when it cannot be told from the values).
   */
  private static Units units(Peek p, Units accelUnits) {
    List<double[]> rows = p.rows();
    if (rows.isEmpty() && p.gravityName() != null) {
      throw new SensorFormatException(p.name() + " and " + p.gravityName() + " share no time: Roller Coach adds"
          + " the gravity to the acceleration of the same instant — export them from the same recording");
    }
    if (rows.isEmpty()) throw new SensorFormatException(p.name() + ": no data rows");
    SensorHeader h = p.header();
    double timeToS = timeUnit(h.timeToS(), rows);
    double toMps2 = Double.NaN;
    if (p.kind() != SensorTable.Kind.GYROSCOPE) toMps2 = accelUnit(p.name(), h, rows);
    double toRads = Double.NaN;
    if (p.kind() != SensorTable.Kind.ACCELERATION) {
      int first = p.kind() == SensorTable.Kind.BOTH ? 4 : 1;
      double accelScale = Double.isNaN(toMps2) ? accelUnits == null ? Double.NaN : accelUnits.accelToMps2 : toMps2;
      toRads = gyroUnit(h.gyroToRads(), rows, first, accelScale);
    }
    return new Units(timeToS, toMps2, toRads);
  }

  private static double timeUnit(double stated, List<double[]> rows) {
    if (!Double.isNaN(stated)) return stated;
    double first = Math.abs(rows.get(0)[0]);
    if (first > 1e17) return 1e-9; // epoch nanoseconds (Sensor Logger's "time")
    if (first > 1e14) return 1e-6;
    if (first > 1e11) return 1e-3;
    double[] t = new double[rows.size()];
    for (int i = 0; i < t.length; i++) t[i] = rows.get(i)[0];
    double step = 1 / RateCheck.rateHz(t, t.length);
    if (!(step > 0)) return 1;
    return step >= 1000 ? 1e-6 : step >= 1 ? 1e-3 : 1; // micros(), millis(), seconds
  }

  private static double accelUnit(String name, SensorHeader h, List<double[]> rows) {
    double[] m = new double[rows.size()];
    for (int i = 0; i < m.length; i++) {
      double[] r = rows.get(i);
      m[i] = Math.sqrt(r[1] * r[1] + r[2] * r[2] + r[3] * r[3]);
    }
    Arrays.sort(m);
    double median = m[m.length / 2];
    double stated = h.accelToMps2();
    if (!Double.isNaN(stated)) {
      double mps2 = median * stated;
      if (mps2 >= 5 && mps2 <= 15) return stated;
      if (median < 0.6) throw gravityMissing(name, median * stated);
      String unit = stated == 1 ? "m/s^2" : stated == SensorHeader.G ? "g" : "mg";
      String actual = median >= 6 && median <= 14 ? "m/s^2" : median >= 0.6 && median <= 1.6 ? "g" : "neither g nor m/s^2";
      throw new SensorFormatException(String.format(Locale.ROOT,
          "%s: the header says the accelerometer is in %s, but the median |a| is %.3g: the values are %s",
          name, unit, median, actual));
    }
    if (median >= 0.6 && median <= 1.6) return SensorHeader.G;
    if (median >= 6 && median <= 14) return 1;
    if (median >= 600 && median <= 1600) return SensorHeader.G / 1000;
    if (median < 0.6) throw gravityMissing(name, median);
    throw new SensorFormatException(String.format(Locale.ROOT,
        "%s: the median |a| is %.4g, which is neither g (≈1), m/s^2 (≈9.8) nor mg (≈1000): raw"
            + " sensor counts? Roller Coach needs the accelerometer in g or m/s^2", name, median));
  }

  private static SensorFormatException gravityMissing(String name, double median) {
    return new SensorFormatException(String.format(Locale.ROOT,
        "%s: the median |a| is %.2f, not about 9.81 m/s^2 (1 g): gravity is missing, as in linear"
            + " acceleration. %s", name, median, GRAVITY_NEEDED));
  }

  /**
   * No MEMS gyroscope exceeds ±2000 °/s = 34.9 rad/s, so larger readings are °/s; otherwise the
   * unit follows the accelerometer's library convention: g with °/s (Arduino_LSM*, x-IMU3), m/s²
   * with rad/s (phyphox, Android, Sensor Logger).
   */
  private static double gyroUnit(double stated, List<double[]> rows, int first, double accelToMps2) {
    if (!Double.isNaN(stated)) return stated;
    double max = 0;
    for (double[] r : rows) for (int i = first; i < first + 3; i++) max = Math.max(max, Math.abs(r[i]));
    if (max > 35) return Math.PI / 180;
    return accelToMps2 == SensorHeader.G ? Math.PI / 180 : 1;
  }

  private static double rate(Peek p, Units u) {
    List<double[]> rows = p.rows();
    double[] times = new double[rows.size()];
    for (int i = 0; i < times.length; i++) times[i] = rows.get(i)[0] * u.timeToS;
    double hz = RateCheck.rateHz(times, times.length);
    String what = p.name();
    boolean byReadings = false;
    if (p.header().tool() == SensorHeader.Tool.PHYSICS_TOOLBOX && rows.size() > 1) {
      // Physics Toolbox writes a row whenever any sensor reads, repeating the others' last reading:
      // the rate that matters is how often the readings change, the slower sensor's
      double span = times[times.length - 1] - times[0];
      double readings = Math.min(changes(rows, 1), p.kind() == SensorTable.Kind.BOTH ? changes(rows, 4) : Long.MAX_VALUE);
      double changing = span > 0 ? readings / span : Double.NaN;
      if (changing < hz) {
        hz = changing;
        byReadings = true;
        what = p.name() + " (readings, not rows: Physics Toolbox repeats the last reading on every row;"
            + " choose its fastest sampling rate)";
      }
    }
    try {
      // the rows' own times, which also tell a coarse time column; or the readings' rate
      if (byReadings) RateCheck.require(what, hz);
      else RateCheck.require(what, times, times.length);
    } catch (com.rollercoach.io.InputFileException e) {
      throw new SensorFormatException(e.getMessage(), e);
    }
    return hz;
  }

  /** Rows whose three values from {@code first} differ from the row before. */
  private static long changes(List<double[]> rows, int first) {
    long n = 0;
    for (int i = 1; i < rows.size(); i++) {
      double[] a = rows.get(i - 1);
      double[] b = rows.get(i);
      if (a[first] != b[first] || a[first + 1] != b[first + 1] || a[first + 2] != b[first + 2]) n++;
    }
    return n;
  }

  /**
   * Streams the planned tables into {@code sink} (in g and °/s); the caller ends the sink.
   *
   * @throws SensorFormatException naming the file, line and reason
   */
  public static Report read(Plan plan, SampleSink sink) {
    List<SensorTable> open = new ArrayList<>();
    try {
      SensorTable accel = open(plan.accel(), plan.gravity());
      open.add(accel);
      SensorTable gyro = null;
      if (plan.gyro() != null) {
        gyro = open(plan.gyro());
        open.add(gyro);
      }
      return merge(accel, plan.accelUnits(), gyro, plan.gyroUnits(), plan.originS(), sink);
    } catch (IOException e) {
      throw new SensorFormatException("cannot read " + plan.describe() + ": " + e.getMessage(), e);
    } finally {
      for (SensorTable t : open) {
        try {
          t.close();
        } catch (IOException ignored) {
          // reading is over; a failing close loses nothing
        }
      }
    }
  }

  private static Report merge(SensorTable accelTable, Units au, SensorTable gyroTable, Units gu, double origin,
      SampleSink sink) {
    // the one edge rule set (SampleValidator) behind the merger: a runaway clock or an impossible
    // value costs that sample, counted with its reason; infinite cells were skipped by the tables
    com.rollercoach.core.sample.SampleValidator edge = new com.rollercoach.core.sample.SampleValidator(sink);
    AccelGyroMerger merger = new AccelGyroMerger(edge, MAX_GYRO_GAP_S);
    double[] aRange = {Double.NaN, Double.NaN};
    double[] gRange = {Double.NaN, Double.NaN};
    double toG = au.accelToMps2 / SensorHeader.G;
    // each table's rows pass the edge rules on their own clock before the merger, which would
    // otherwise drop every row after a runaway timestamp as "not increasing"
    RowEdge rows = new RowEdge();
    double[] aEdge = {Double.NEGATIVE_INFINITY};
    double[] gEdge = {Double.NEGATIVE_INFINITY};
    if (gyroTable == null) {
      double toDps = Math.toDegrees(au.gyroToRads);
      for (double[] r; (r = accelTable.next()) != null; ) {
        double t = r[0] * au.timeToS - origin;
        if (!rows.ok(aEdge, new ImuSample(t, r[1] * toG, r[2] * toG, r[3] * toG, r[4] * toDps, r[5] * toDps, r[6] * toDps))) continue;
        track(aRange, t);
        track(gRange, t);
        merger.gyro(t, r[4] * toDps, r[5] * toDps, r[6] * toDps);
        merger.accel(t, r[1] * toG, r[2] * toG, r[3] * toG);
      }
    } else {
      double toDps = Math.toDegrees(gu.gyroToRads);
      double[] a = accelTable.next();
      double[] g = gyroTable.next();
      while (a != null || g != null) {
        if (g != null && (a == null || g[0] * gu.timeToS <= a[0] * au.timeToS)) {
          double t = g[0] * gu.timeToS - origin;
          if (!rows.ok(gEdge, new ImuSample(t, 0, 0, 0, g[1] * toDps, g[2] * toDps, g[3] * toDps))) {
            g = gyroTable.next();
            continue;
          }
          track(gRange, t);
          merger.gyro(t, g[1] * toDps, g[2] * toDps, g[3] * toDps);
          g = gyroTable.next();
        } else {
          double t = a[0] * au.timeToS - origin;
          if (!rows.ok(aEdge, new ImuSample(t, a[1] * toG, a[2] * toG, a[3] * toG, 0, 0, 0))) {
            a = accelTable.next();
            continue;
          }
          track(aRange, t);
          merger.accel(t, a[1] * toG, a[2] * toG, a[3] * toG);
          a = accelTable.next();
        }
      }
    }
    merger.end();
    List<String> names = gyroTable == null ? List.of(accelTable.name()) : List.of(accelTable.name(), gyroTable.name());
    if (merger.emitted() == 0) {
      throw new SensorFormatException(String.format(Locale.ROOT,
          "accelerometer (%.1f–%.1f s) and gyroscope (%.1f–%.1f s) do not overlap in %s:"
              + " were they recorded in different runs?",
          aRange[0], aRange[1], gRange[0], gRange[1], names));
    }
    long infinite = accelTable.nonFiniteRows() + (gyroTable == null ? 0 : gyroTable.nonFiniteRows());
    long bad = infinite + rows.rejected + edge.rejected();
    java.util.Optional<String> badSamples = java.util.Optional.empty();
    if (bad > 0) {
      java.util.StringJoiner why = new java.util.StringJoiner(", ", " (", ")");
      if (infinite > 0) why.add(infinite + " " + com.rollercoach.core.sample.SampleValidator.Reason.NON_FINITE.text());
      java.util.EnumMap<com.rollercoach.core.sample.SampleValidator.Reason, Long> all = new java.util.EnumMap<>(rows.counts);
      edge.rejectedByReason().forEach((r, n) -> all.merge(r, n, Long::sum));
      all.forEach((r, n) -> why.add(n + " " + r.text()));
      badSamples = java.util.Optional.of(bad + " bad sample" + (bad == 1 ? "" : "s") + " dropped" + why);
    }
    return new Report(merger.emitted() - edge.rejected(), merger.dropped(), names, badSamples);
  }

  /** {@link com.rollercoach.core.sample.SampleValidator#check} applied to table rows, counted by reason. */
  private static final class RowEdge {
    final java.util.EnumMap<com.rollercoach.core.sample.SampleValidator.Reason, Long> counts =
        new java.util.EnumMap<>(com.rollercoach.core.sample.SampleValidator.Reason.class);
    long rejected;

    boolean ok(double[] lastT, ImuSample row) {
      var reason = com.rollercoach.core.sample.SampleValidator.check(row, lastT[0]);
      // a repeated time is the merger's business (kept as before: dropped as a duplicate)
      if (reason == null) {
        lastT[0] = row.tS();
        return true;
      }
      if (row.tS() == lastT[0]) return true;
      rejected++;
      counts.merge(reason, 1L, Long::sum);
      return false;
    }
  }

  private static void track(double[] range, double t) {
    if (Double.isNaN(range[0])) range[0] = t;
    range[1] = t;
  }

  private static String names(List<?> items) {
    List<String> n = new ArrayList<>();
    for (Object o : items) {
      String s = o instanceof Source src ? src.name() : ((Found) o).source.name();
      n.add(s.replaceAll(".*[/\\\\!]", ""));
    }
    return n.size() > 6 ? n.subList(0, 6) + " and " + (n.size() - 6) + " more" : n.toString();
  }
}
