package com.rollercoach.core.protocol.text;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.DecoderStats;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes what hobby sketches print over serial, unchanged: numbers separated by commas, spaces or
 * tabs, with or without a leading {@code millis()}/{@code micros()} column; Arduino Serial Plotter
 * {@code label:value} pairs; and Adafruit's one-sensor-per-line {@code Acceleration X: …, Y: …, Z:
 * … m/s^2} style. The meaning of fields and the units come from, in order: the user's {@link
 * LineLayout}, {@code #} header lines in the stream ({@code # columns=t_ms,ax,ay,az,gx,gy,gz},
 * {@code # units=g,dps}, {@code # rate_hz=104}), a word header row ({@code ax,ay,az,gx,gy,gz}), and
 * finally the {@link LayoutGuesser} heuristics over the first {@value LayoutGuesser#WINDOW} data
 * lines — which refuse rather than guess wrong; see {@link #problem()}.
 *
 * <p>Start-up chatter ("Adafruit MPU6050 test!", "Acceleration in G's") is skipped and counted as
 * ignored. A data line that does not fit (wrong field count, {@code nan}, a half line after a
 * reconnect, line noise) is skipped and counted as malformed, with its line number and byte
 * offset kept for the message; in {@link DecoderStats} malformed lines count as resyncs, because
 * the decoder skips to the next newline to recover. Time: see {@link SampleClock}.
 */
public final class AsciiLineDecoder implements StreamDecoder {
  public static final String FORMAT_NAME = "ascii-lines";

  private final LineLayout stated;
  private final DecoderListener listener;
  private final LineAssembler lines = new LineAssembler();
  private final LineAssembler.Sink sink = new Sink();

  private LineLayout fromStream = LineLayout.auto();
  private boolean wordHeaderSeen;
  private String deviceName = "";
  private final List<Pending> window = new ArrayList<>();
  private ResolvedLayout resolved;
  private SampleClock clock;
  private String refusal;

  private double[] tripleAccel;
  private double[] tripleGyro;

  private long samples;
  private long malformed;
  private long ignored;
  private long undecoded;
  private long bytes;
  private long lostFrames;
  private String lastMalformed;

  private record Pending(ParsedLine line, long number, long offset, double hostTimeS) {}

  public AsciiLineDecoder(LineLayout stated, DecoderListener listener) {
    this.stated = stated;
    this.listener = listener;
  }

  @Override
  public void feed(byte[] buf, int off, int len, double hostTimeS) {
    bytes += len;
    lines.feed(buf, off, len, hostTimeS, sink);
  }

  /**
   * End of input: a last unterminated line is decoded, and a stream shorter than the detection
   * window is settled with the lines it has.
   */
  @Override
  public void finish() {
    lines.finish(lines.lastHostTimeS(), sink);
    if (resolved == null && refusal == null && !window.isEmpty()) {
      settle(stated.orElse(fromStream));
    }
  }

  @Override
  public DecoderStats stats() {
    return new DecoderStats(samples, 0, malformed, lostFrames, bytes);
  }

  @Override
  public String formatName() {
    return FORMAT_NAME;
  }

  /** Why no samples come out, if the layout could not be settled; the user must state more. */
  public Optional<String> problem() {
    return Optional.ofNullable(refusal);
  }

  /** The settled layout, once there is one. */
  public Optional<ResolvedLayout> layout() {
    return Optional.ofNullable(resolved);
  }

  /** Data lines skipped because they did not fit. */
  public long malformedLines() {
    return malformed;
  }

  /** Where and why the last malformed line was skipped: {@code line 57 (byte 3120): …}. */
  public Optional<String> lastMalformed() {
    return Optional.ofNullable(lastMalformed);
  }

  /** Non-data lines skipped (banners, comments, blank lines). */
  public long ignoredLines() {
    return ignored;
  }

  /** Data lines dropped because the layout was refused. */
  public long undecodedLines() {
    return undecoded;
  }

  /** Board reboots seen as {@code millis()} restarting. */
  public long clockResets() {
    return clock == null ? 0 : clock.resets();
  }

  private final class Sink implements LineAssembler.Sink {
    @Override
    public void line(String text, long number, long offset, double hostTimeS) {
      onLine(LineParser.parse(text), number, offset, hostTimeS);
    }

    @Override
    public void garbage(String reason, long number, long offset, double hostTimeS) {
      malformed(number, offset, reason);
    }
  }

  private void onLine(ParsedLine line, long number, long offset, double hostTimeS) {
    if (line instanceof ParsedLine.Header h) {
      header(h);
    } else if (line instanceof ParsedLine.Words w) {
      words(w);
    } else if (line instanceof ParsedLine.Chatter) {
      ignored++;
    } else if (line instanceof ParsedLine.Broken b) {
      malformed(number, offset, b.reason());
    } else if (line instanceof ParsedLine.Triple t) {
      triple(t, number, offset, hostTimeS);
    } else if (resolved != null) {
      decode(line, number, offset, hostTimeS);
    } else if (refusal != null) {
      undecoded++;
    } else {
      window.add(new Pending(line, number, offset, hostTimeS));
      LineLayout effective = stated.orElse(fromStream);
      if (window.size() >= LayoutGuesser.WINDOW
          || (LayoutGuesser.fullyStated(effective) && line instanceof ParsedLine.Numbers)) {
        settle(effective);
      }
    }
  }

  private void settle(LineLayout effective) {
    List<ParsedLine> parsed = new ArrayList<>();
    for (Pending p : window) parsed.add(p.line());
    LayoutGuesser.Outcome outcome = LayoutGuesser.resolve(effective, parsed);
    if (outcome.layout() == null) {
      refusal = outcome.refusal();
      undecoded += window.size();
      window.clear();
      return;
    }
    resolved = outcome.layout();
    clock = new SampleClock(resolved.sampleRateHz(), resolved.wrapS(), new GapCounter());
    listener.deviceInfo(
        new DeviceInfo(
            0,
            deviceName,
            "",
            "text: " + resolved.describe(),
            Double.NaN,
            Double.NaN,
            resolved.sampleRateHz()));
    List<Pending> replay = new ArrayList<>(window);
    window.clear();
    for (Pending p : replay) decode(p.line(), p.number(), p.offset(), p.hostTimeS());
  }

  /** A header changes what the stream means: decide again from the next lines. */
  private void restartDetection() {
    resolved = null;
    clock = null;
    refusal = null;
    window.clear();
  }

  private void header(ParsedLine.Header h) {
    try {
      switch (h.key()) {
        case "columns":
          fromStream = fromStream.withColumns(LineLayout.parseColumns(h.value()));
          break;
        case "units":
          fromStream = fromStream.withUnitsText(h.value());
          break;
        case "rate":
        case "rate_hz":
        case "sample_rate_hz":
          fromStream = fromStream.withSampleRate(Double.parseDouble(h.value()));
          break;
        case "device":
          deviceName = h.value();
          return;
        default:
          ignored++;
          return;
      }
      restartDetection();
    } catch (IllegalArgumentException e) {
      refusal = "header '# " + h.key() + "=" + h.value() + "': " + e.getMessage();
    }
  }

  /** A row of words naming every axis is a column header; any other words are chatter. */
  private void words(ParsedLine.Words w) {
    List<Column> columns = new ArrayList<>();
    AccelUnit accel = null;
    GyroUnit gyro = null;
    for (String word : w.words()) {
      Optional<LabelNames.Meaning> m = LabelNames.meaning(word);
      if (m.isEmpty()) {
        ignored++;
        return;
      }
      if (m.get().column().isTime() && !m.get().timeUnitKnown()) {
        ignored++; // "t" alone: let the guesser settle the unit from the steps
        return;
      }
      columns.add(m.get().column());
      if (m.get().accelUnit().isPresent()) accel = m.get().accelUnit().get();
      if (m.get().gyroUnit().isPresent()) gyro = m.get().gyroUnit().get();
    }
    try {
      LineLayout.requireComplete(columns);
    } catch (IllegalArgumentException e) {
      ignored++;
      return;
    }
    if (wordHeaderSeen && columns.equals(fromStream.columns())) return;
    wordHeaderSeen = true;
    LineLayout layout = fromStream.withColumns(columns);
    if (accel != null && gyro != null) layout = layout.withUnits(accel, gyro);
    fromStream = layout;
    restartDetection();
  }

  private void decode(ParsedLine line, long number, long offset, double hostTimeS) {
    double t = Double.NaN;
    double[] a = new double[3];
    double[] g = new double[3];
    if (line instanceof ParsedLine.Numbers n && !resolved.positions().isEmpty()) {
      List<Column> cols = resolved.positions();
      double[] v = n.values();
      if (v.length != cols.size()) {
        malformed(number, offset, "expected " + cols.size() + " numbers, found " + v.length);
        return;
      }
      for (int i = 0; i < v.length; i++) {
        Column c = cols.get(i);
        if (c.isTime()) t = v[i] * c.secondsPerUnit();
        else if (c.isAccel()) a[c.axis()] = v[i];
        else if (c.isGyro()) g[c.axis()] = v[i];
      }
    } else if (line instanceof ParsedLine.Labelled l && !resolved.labels().isEmpty()) {
      int found = 0;
      for (Map.Entry<String, Column> e : resolved.labels().entrySet()) {
        int i = l.labels().indexOf(e.getKey());
        if (i < 0) {
          malformed(number, offset, "label '" + e.getKey() + "' missing");
          return;
        }
        Column c = e.getValue();
        double v = l.values()[i];
        if (c.isTime()) t = v * c.secondsPerUnit();
        else if (c.isAccel()) a[c.axis()] = v;
        else if (c.isGyro()) g[c.axis()] = v;
        found++;
      }
      if (found == 0) return;
    } else {
      malformed(number, offset, "line shape differs from the stream's");
      return;
    }
    double tS = resolved.time() != null ? clock.fromDevice(t, hostTimeS) : clock.fromHost(hostTimeS);
    if (Double.isNaN(tS)) return;
    emit(tS, resolved.accelUnit(), a, resolved.gyroUnit(), g);
  }

  /** Adafruit basic_readings: an acceleration line, then a rotation line, make one sample. */
  private void triple(ParsedLine.Triple t, long number, long offset, double hostTimeS) {
    String sensor = t.sensor().toLowerCase(Locale.ROOT);
    double[] xyz = {t.x(), t.y(), t.z()};
    if (sensor.startsWith("accel")) {
      AccelUnit unit =
          AccelUnit.parse(t.unit()).or(() -> stated.orElse(fromStream).accelUnit()).orElse(null);
      if (unit == null) {
        malformed(number, offset, "acceleration line without a unit; state --units");
        return;
      }
      tripleAccel = new double[] {unit.toG(xyz[0]), unit.toG(xyz[1]), unit.toG(xyz[2])};
    } else if (sensor.startsWith("rot") || sensor.startsWith("gyro")) {
      GyroUnit unit =
          GyroUnit.parse(t.unit()).or(() -> stated.orElse(fromStream).gyroUnit()).orElse(null);
      if (unit == null) {
        malformed(number, offset, "rotation line without a unit; state --units");
        return;
      }
      tripleGyro = new double[] {unit.toDps(xyz[0]), unit.toDps(xyz[1]), unit.toDps(xyz[2])};
    } else {
      ignored++;
      return;
    }
    if (tripleAccel != null && tripleGyro != null) {
      if (clock == null) {
        clock = new SampleClock(stated.orElse(fromStream).sampleRateHz(), Double.NaN, new GapCounter());
      }
      double tS = clock.fromHost(hostTimeS);
      emit(tS, AccelUnit.G, tripleAccel, GyroUnit.DEG_PER_S, tripleGyro);
      tripleAccel = null;
      tripleGyro = null;
    }
  }

  private void emit(double tS, AccelUnit au, double[] a, GyroUnit gu, double[] g) {
    samples++;
    listener.sample(
        new ImuSample(
            tS,
            au.toG(a[0]),
            au.toG(a[1]),
            au.toG(a[2]),
            gu.toDps(g[0]),
            gu.toDps(g[1]),
            gu.toDps(g[2])));
  }

  private void malformed(long number, long offset, String reason) {
    malformed++;
    lastMalformed = "line " + number + " (byte " + offset + "): " + reason;
  }

  private final class GapCounter implements DecoderListener {
    @Override
    public void sample(ImuSample sample) {}

    @Override
    public void framesLost(long count, double fromS, double toS) {
      lostFrames += count;
      listener.framesLost(count, fromS, toS);
    }
  }
}
