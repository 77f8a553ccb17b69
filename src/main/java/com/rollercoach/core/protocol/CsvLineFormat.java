package com.rollercoach.core.protocol;

import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The minimal built-in text format: what a hobbyist's Arduino prints with the Arduino_LSM6DS3 example,
 * one reading per line, {@code ax,ay,az,gx,gy,gz} in g and °/s, optionally preceded by a {@code
 * millis()} column. Commas, semicolons, tabs or spaces separate fields; {@code #} lines are ignored.
 * Richer text formats (units headers, Serial Plotter labels, x-IMU3) plug into {@link
 * AutoDetectingDecoder} as further {@link TextFormat}s.
 *
 * <p>Time: the millis column when present (unsigned, so its 49.7-day wrap is far beyond a session);
 * otherwise the host receive time, the lines of one read spread evenly since the previous read
 * (serial drivers deliver lines in bursts; spreading keeps the samples' spacing plausible).
 */
public final class CsvLineFormat implements TextFormat {
  public static final String NAME = "ascii-csv";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double match(List<String> lines) {
    int data = 0;
    int good = 0;
    for (String line : lines) {
      if (line.startsWith("#")) continue;
      data++;
      if (parse(line) != null) good++;
    }
    // A first fragment (port opened mid-line) may fail; plain numbers are a weak signal, so cap at 0.5.
    return data == 0 || good < data - 1 || good == 0 ? 0 : 0.5 * good / data;
  }

  @Override
  public StreamDecoder newDecoder(DecoderListener listener) {
    return new Decoder(listener);
  }

  /** The numbers of a data line (6 or 7 of them), or null. */
  static double[] parse(String line) {
    String[] fields = line.trim().split("[,;\\t ]+");
    if (fields.length != 6 && fields.length != 7) return null;
    double[] v = new double[fields.length];
    try {
      for (int i = 0; i < fields.length; i++) {
        v[i] = Double.parseDouble(fields[i]);
        if (!Double.isFinite(v[i])) return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return v;
  }

  private static final class Decoder implements StreamDecoder {
    private static final int MAX_LINE = 512;

    private final DecoderListener listener;
    private final StringBuilder line = new StringBuilder();
    private final List<double[]> pending = new ArrayList<>();
    private double lastHostS = Double.NaN;
    private double lastT = Double.NEGATIVE_INFINITY;
    private long good;
    private long bad;
    private long bytes;

    Decoder(DecoderListener listener) {
      this.listener = listener;
    }

    @Override
    public void feed(byte[] buf, int off, int len, double hostTimeS) {
      bytes += len;
      for (int i = off; i < off + len; i++) {
        char c = (char) (buf[i] & 0xFF);
        if (c == '\n' || c == '\r') {
          endLine(hostTimeS);
        } else if (line.length() < MAX_LINE) {
          line.append(c);
        }
      }
      flush(hostTimeS);
      lastHostS = hostTimeS;
    }

    private void endLine(double hostTimeS) {
      String text = line.toString().trim();
      line.setLength(0);
      if (text.isEmpty() || text.startsWith("#")) return;
      double[] v = parse(text);
      if (v == null) {
        bad++;
        return;
      }
      pending.add(v);
    }

    private void flush(double hostTimeS) {
      int n = pending.size();
      for (int i = 0; i < n; i++) {
        double[] v = pending.get(i);
        int k = v.length - 6;
        double t;
        if (k == 1) {
          t = v[0] / 1000.0;
        } else if (Double.isNaN(lastHostS)) {
          t = hostTimeS;
        } else {
          t = lastHostS + (hostTimeS - lastHostS) * (i + 1) / n;
        }
        if (!(t > lastT)) {
          if (k == 1) {
            bad++; // a millis column that does not advance: a reset or a garbled line
            continue;
          }
          t = Math.nextUp(lastT);
        }
        lastT = t;
        good++;
        listener.sample(new ImuSample(t, v[k], v[k + 1], v[k + 2], v[k + 3], v[k + 4], v[k + 5]));
      }
      pending.clear();
    }

    @Override
    public DecoderStats stats() {
      return new DecoderStats(good, bad, 0, 0, bytes);
    }

    @Override
    public String formatName() {
      return NAME;
    }
  }
}
