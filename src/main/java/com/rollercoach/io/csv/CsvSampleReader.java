package com.rollercoach.io.csv;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SampleValidator;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SampleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the rows of an IMU CSV file to a {@link SampleSink}, one sample at a time, holding one line
 * in memory — an hour-long file costs no more than a minute-long one.
 *
 * <p>The format: {@code #} lines are comments, and {@code # key=value} comments before the header are
 * {@link SessionMetadata}. Then a header naming the columns, in any order: {@code t_s} (seconds, any
 * offset), {@code ax_g,ay_g,az_g} or {@code ax_mps2,ay_mps2,az_mps2}, {@code gx_dps,gy_dps,gz_dps} or
 * {@code gx_rads,gy_rads,gz_rads}. Other columns are ignored. Blank lines are skipped.
 *
 * <p>Bad input stops reading with a {@link CsvFormatException} "FILE:LINE: reason": a missing column, a
 * field that is not a number, no samples at all, more rows refused than kept. A row that is a number
 * but not a measurement ({@code nan}, {@code inf}, time backwards, a jump over an hour, beyond any
 * sensor's range) is refused by {@link SampleValidator}, the one edge rule set, and counted with its
 * reason in one warning; the rest of the file is used. A last line that does not parse (a logger cut
 * off mid-line by a power loss or unplug) is dropped with a warning: throwing the whole session away
 * would be worse. A row whose {@code t_s} repeats the previous one (a logger's coarse clock, a
 * Bluetooth burst stamped on arrival) is a sample like any other and is delivered; the note says
 * how many there were.
 */
public final class CsvSampleReader implements SampleFile {
  private static final Pattern METADATA = Pattern.compile("#\\s*([A-Za-z][\\w.\\-]*)\\s*=\\s*(.*?)\\s*");

  private final ByteRowParser rows;
  private final String name;
  private final List<String> warnings = new ArrayList<>();
  private SessionMetadata metadata;
  private CsvColumns columns;
  private boolean consumed;

  /**
   * @param name how messages name this input (usually the file name)
   */
  public CsvSampleReader(Reader reader, String name) {
    this(ByteRowParser.utf8(reader), name);
  }

  /**
   * Reads UTF-8 bytes; rows are parsed on the bytes themselves (the fast path: see {@link
   * ByteRowParser}).
   *
   * @param name how messages name this input (usually the file name)
   */
  public CsvSampleReader(InputStream bytes, String name) {
    this.rows = new ByteRowParser(bytes, name);
    this.name = name;
  }

  /** Opens a file (UTF-8); the caller closes the reader. */
  public static CsvSampleReader open(Path path) throws IOException {
    return new CsvSampleReader(Files.newInputStream(path), path.toString());
  }

  /** The {@code # key=value} lines before the header; reads up to and including the header. */
  @Override
  public SessionMetadata metadata() {
    readHeader();
    return metadata;
  }

  /**
   * Delivers every row to the sink in order and returns how many samples it delivered. Does not call
   * {@link SampleSink#end()}: the caller decides when the session is over.
   *
   * @throws CsvFormatException on bad input; samples before the bad line have been delivered
   */
  @Override
  public long readTo(SampleSink sink) {
    readHeader();
    if (consumed) throw new IllegalStateException("rows already read");
    consumed = true;
    Rows r = new Rows(sink);
    // One call per row, not the loop body inline: C1 (the launcher's only compiler) compiles a method
    // after ~200 calls but a loop only after 60 000 iterations (on-stack replacement), and the
    // interpreted loop over the first 60 000 rows was a tenth of `analyze` of an hour (JFR).
    while (r.next()) {
      // each call reads one row
    }
    long delivered = r.rowCount - r.edge.rejected();
    if (r.repeats > 0) {
      warnings.add(
          name + ":" + r.firstRepeatLine + ": " + r.repeats + " row" + (r.repeats == 1 ? "" : "s")
              + " repeat the previous t_s (a coarse clock, or samples delivered in a burst); kept, and"
              + " spaced on the device's clock for the analysis");
    }
    if (r.edge.rejected() > 0) {
      String why = r.edge.summary().orElseThrow();
      // Mostly bad rows is a broken file, not a few glitches: refuse it as before.
      if (r.edge.rejected() > delivered) {
        throw new CsvFormatException(
            name, r.firstBadLine, why + " of " + r.rowCount + " rows: not a usable recording");
      }
      warnings.add(name + ":" + r.firstBadLine + ": " + why);
    }
    if (delivered == 0) {
      throw new CsvFormatException(name, rows.lineNumber() + 1, "no samples in the file");
    }
    return delivered;
  }

  /** The data rows' loop state, one {@link #next} per row. */
  private final class Rows {
    private final double[] values = new double[7];
    private final int[] order = columns.order;
    private final int maxIndex = columns.maxIndex;
    private final double accelToG = columns.accelToG;
    private final double gyroToDps = columns.gyroToDps;
    // The one edge rule set: a NaN/inf value or a backwards or runaway timestamp costs that row,
    // counted with its reason, never the whole file.
    final SampleValidator edge;
    long rowCount;
    long repeats;
    long firstRepeatLine;
    long firstBadLine;

    Rows(SampleSink sink) {
      edge = new SampleValidator(sink);
    }

    /** Reads and delivers one row; false at the end of the data (or at an incomplete last line). */
    boolean next() {
      // the usual row in one pass; any other line (and every error) the general way
      if (!rows.fastRow(order, maxIndex, values)) {
        if (!rows.nextRow()) return false;
        try {
          rows.parseRow(order, maxIndex, values);
        } catch (CsvFormatException e) {
          if (!rows.currentIsLast()) throw e;
          warnings.add(
              name + ":" + e.line() + ": last line is incomplete (" + e.reason() + "), ignored");
          return false;
        }
      }
      rowCount++;
      double t = values[0];
      if (t == edge.lastTimeS() && repeats++ == 0) firstRepeatLine = rows.lineNumber();
      long before = edge.rejected();
      edge.accept(
          new ImuSample(
              t,
              values[1] * accelToG,
              values[2] * accelToG,
              values[3] * accelToG,
              values[4] * gyroToDps,
              values[5] * gyroToDps,
              values[6] * gyroToDps));
      if (edge.rejected() > before && firstBadLine == 0) firstBadLine = rows.lineNumber();
      return true;
    }
  }

  /** Things worth telling the user that did not stop reading (a dropped truncated line, repeated stamps). */
  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }

  private void readHeader() {
    if (columns != null) return;
    Map<String, String> meta = new LinkedHashMap<>();
    String line;
    while ((line = rows.nextTextLine()) != null) {
      if (line.isBlank()) continue;
      if (line.startsWith("#")) {
        Matcher m = METADATA.matcher(line);
        if (m.matches()) meta.putIfAbsent(m.group(1), m.group(2));
        continue;
      }
      metadata = new SessionMetadata(meta);
      columns = CsvColumns.of(Arrays.asList(line.split(",", -1)), name, rows.lineNumber());
      return;
    }
    throw new CsvFormatException(name, Math.max(1, rows.lineNumber()), "empty file: no header line");
  }
}
