package com.rollercoach.review.analysis;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session in the project's CSV format ({@code # key=value} metadata, a header, then rows with
 * {@code t_s}, accelerations in g or m/s² and rates in °/s or rad/s, by header name).
 *
 * <p>Interim reader for the review library until {@code io.csv} lands; it reads the same format.
 */
final class CsvRecording implements RecordingSource {
  private final Path file;
  private final SessionMetadata metadata;

  CsvRecording(Path file) throws IOException {
    this.file = file;
    Map<String, String> meta = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null && line.startsWith("#")) {
        int eq = line.indexOf('=');
        if (eq > 1) meta.put(line.substring(1, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    this.metadata = new SessionMetadata(meta);
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void replay(SampleSink sink) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      Columns cols = null;
      double lastT = Double.NEGATIVE_INFINITY;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split(",", -1);
        if (cols == null) {
          cols = Columns.of(f, file, lineNo);
          continue;
        }
        ImuSample s = cols.sample(f, file, lineNo);
        if (s.tS() <= lastT) {
          throw new RecordingFormatException(file + ":" + lineNo + ": time goes backwards");
        }
        lastT = s.tS();
        sink.accept(s);
      }
      if (cols == null) throw new RecordingFormatException(file + ": no header line");
    }
    sink.end();
  }

  private record Columns(int t, int[] acc, double accScale, int[] gyro, double gyroScale) {
    static Columns of(String[] header, Path file, int lineNo) throws RecordingFormatException {
      Map<String, Integer> idx = new HashMap<>();
      for (int i = 0; i < header.length; i++) idx.put(header[i].trim(), i);
      int t = need(idx, "t_s", file, lineNo);
      boolean g = idx.containsKey("ax_g");
      int[] acc = g ? trio(idx, "a", "_g", file, lineNo) : trio(idx, "a", "_mps2", file, lineNo);
      boolean dps = idx.containsKey("gx_dps");
      int[] gyro = dps ? trio(idx, "g", "_dps", file, lineNo) : trio(idx, "g", "_rads", file, lineNo);
      return new Columns(
          t, acc, g ? 1 : 1 / ImuSample.STANDARD_GRAVITY, gyro, dps ? 1 : Math.toDegrees(1));
    }

    ImuSample sample(String[] f, Path file, int lineNo) throws RecordingFormatException {
      return new ImuSample(
          num(f, t, file, lineNo),
          num(f, acc[0], file, lineNo) * accScale,
          num(f, acc[1], file, lineNo) * accScale,
          num(f, acc[2], file, lineNo) * accScale,
          num(f, gyro[0], file, lineNo) * gyroScale,
          num(f, gyro[1], file, lineNo) * gyroScale,
          num(f, gyro[2], file, lineNo) * gyroScale);
    }

    private static int[] trio(Map<String, Integer> idx, String p, String unit, Path file, int line)
        throws RecordingFormatException {
      return new int[] {
        need(idx, p + "x" + unit, file, line),
        need(idx, p + "y" + unit, file, line),
        need(idx, p + "z" + unit, file, line)
      };
    }

    private static int need(Map<String, Integer> idx, String name, Path file, int line)
        throws RecordingFormatException {
      Integer i = idx.get(name);
      if (i == null) throw new RecordingFormatException(file + ":" + line + ": no column " + name);
      return i;
    }

    private static double num(String[] f, int i, Path file, int line)
        throws RecordingFormatException {
      try {
        if (i >= f.length) throw new NumberFormatException("missing");
        return Double.parseDouble(f[i].trim());
      } catch (NumberFormatException e) {
        throw new RecordingFormatException(
            file + ":" + line + ": column " + (i + 1) + " is not a number");
      }
    }
  }
}
