package com.rollercoach.io;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.protocol.text.AsciiLineDecoder;
import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.core.protocol.text.ResolvedLayout;
import com.rollercoach.core.protocol.ximu3.XImu3Decoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.Pacer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a sensor sent over its serial link, saved to a file and decoded as the live serial path
 * decodes them: x-IMU3 messages (its data-logger {@code .ximu3} files too), or the text lines of an
 * Arduino sketch (what the Serial Monitor shows, or {@code cat /dev/ttyACM0 > capture.txt}).
 */
public final class SerialCapture implements SessionFile {
  /** The text layout is settled from this much of the file (~10 s at 100 Hz), not the whole. */
  private static final int CHECK_BYTES = 1 << 20;

  /** The Arduino IDE's Serial Monitor with "Show timestamp": {@code 14:02:03.123 -> line}. */
  private static final Pattern IDE_STAMP = Pattern.compile("^(\\d{1,2}):(\\d{2}):(\\d{2})\\.(\\d{3}) ?-> ?(.*)$");

  /**
   * A sketch's own banner naming its rate, e.g. Arduino_LSM6DS3's "Accelerometer sample rate =
   * 104.00 Hz". Only sample/data/output rates: "Filter bandwidth set to: 21 Hz" is not a rate.
   */
  private static final Pattern BANNER_RATE = Pattern.compile(
      "(?i).*\\b(?:sample|sampling|data|output)\\s*rate\\s*(?:set\\s*to)?\\s*[=:]?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*hz.*");

  /** The file's own statement, {@code # rate_hz=100} (the decoder reads it too; the checks need it first). */
  private static final Pattern STATED_RATE = Pattern.compile("#\\s*rate_hz\\s*[=:]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*");

  /** Lines looked at for IDE stamps and a banner. */
  private static final int PRESCAN_LINES = 200;

  private final Path path;
  /** Null for x-IMU3 messages. */
  private final LineLayout layout;
  /** Lines carry the IDE's arrival times. */
  private boolean stamped;
  private final List<String> warnings = new ArrayList<>();
  private final SessionMetadata metadata;
  private String describedLayout = "";

  private SerialCapture(Path path, LineLayout stated) throws IOException {
    this.path = path;
    this.layout = stated == null ? null : prescan(stated);
    if (layout != null) check();
    this.metadata = scanMetadata();
  }

  /**
   * Looks at the first lines for the Serial Monitor's time stamps and for the sketch's banner rate
   * (used when the user stated none).
   */
  private LineLayout prescan(LineLayout stated) {
    double banner = Double.NaN;
    double fileRate = Double.NaN;
    int stamps = 0;
    int lines = 0;
    try (TextLines in = new TextLines(Files.newInputStream(path), path.toString())) {
      for (String l; lines < PRESCAN_LINES && (l = in.next()) != null; lines++) {
        Matcher m = IDE_STAMP.matcher(l);
        if (m.matches()) {
          stamps++;
          l = m.group(5);
        }
        Matcher b = BANNER_RATE.matcher(l);
        if (Double.isNaN(banner) && b.matches()) banner = Double.parseDouble(b.group(1));
        Matcher h = STATED_RATE.matcher(l);
        if (h.matches()) fileRate = Double.parseDouble(h.group(1));
      }
    } catch (IOException | InputFileException e) {
      // the decoder reports what is wrong with the bytes
    }
    stamped = stamps > 0 && stamps >= lines / 2;
    bannerRateHz = banner;
    if (!Double.isNaN(stated.sampleRateHz())) return stated;
    if (fileRate > 0) return stated.withSampleRate(fileRate);
    return banner > 0 ? stated.withSampleRate(banner) : stated;
  }

  private double bannerRateHz = Double.NaN;
  /** The stamp of the line being fed (Serial Monitor copies). */
  private double feedingStampS = Double.NaN;

  /** x-IMU3 messages. */
  static SerialCapture xImu3(Path path) throws IOException {
    return new SerialCapture(path, null);
  }

  /**
   * Text lines, with what the user stated about them ({@link LineLayout#auto()} when nothing).
   *
   * @throws InputFileException when the layout cannot be settled, naming what to state
   */
  public static SerialCapture text(Path path, LineLayout layout) throws IOException {
    return new SerialCapture(path, layout);
  }

  /** Settles the text layout before any sample is streamed, so a refusal stops cleanly. */
  private void check() throws IOException {
    // a sample's own time, or for a Serial Monitor copy the stamp of the line that completed it
    double[] times = new double[2000];
    int[] n = {0};
    AsciiLineDecoder d = new AsciiLineDecoder(layout, s -> {
      if (n[0] < times.length) times[n[0]++] = stamped ? feedingStampS : s.tS();
    });
    feed(d, CHECK_BYTES, () -> n[0] >= times.length || d.problem().isPresent());
    d.finish();
    if (d.problem().isPresent()) throw new InputFileException(path + ": " + inAFile(d.problem().get()));
    Optional<ResolvedLayout> r = d.layout();
    if (r.isEmpty() && n[0] == 0) {
      throw new InputFileException(path
          + ": no lines of accelerometer and gyroscope numbers found — not a sensor capture"
          + " (Roller Coach reads Arduino serial output, x-IMU3 logs and the CSV exports of phyphox,"
          + " Sensor Logger and x-IMU3: docs/sensors.md)");
    }
    boolean timed = stamped || r.map(x -> x.time() != null).orElse(false);
    if (!timed && Double.isNaN(layout.sampleRateHz()) && r.isEmpty()) {
      throw new InputFileException(path + ": \"Acceleration X: …\" / \"Rotation X: …\" blocks (Adafruit's"
          + " basic_readings) carry no time, and that example prints only twice a second (delay(500)),"
          + " too slow for rolling: upload its 'plotter' example instead (100 Hz)");
    }
    if (!timed && Double.isNaN(layout.sampleRateHz())) {
      throw new InputFileException(
          path + ": lines carry no time and a file has no arrival times: state the rate in a"
              + " first line such as '# rate_hz=100', or copy the Serial Monitor with \"Show timestamp\" on");
    }
    // Serial Monitor stamps bunch lines by USB packet (several share a millisecond): average them
    boolean averaged = stamped && n[0] > 1 && times[n[0] - 1] > times[0];
    double hz = averaged ? (n[0] - 1) / (times[n[0] - 1] - times[0])
        : timed ? RateCheck.rateHz(times, n[0]) : layout.sampleRateHz();
    if (timed && !averaged) RateCheck.require(path.toString(), times, n[0]);
    else RateCheck.require(path.toString(), hz);
    describedLayout = r.map(ResolvedLayout::describe).orElse("sensor blocks")
        + (stamped ? ", Serial Monitor time stamps" : "")
        + (Double.isNaN(bannerRateHz) ? "" : String.format(Locale.ROOT, ", %.4g Hz from the sketch's banner", bannerRateHz));
  }

  /**
   * The decoder's advice names live options ({@code --columns}, {@code --units}); a file states them
   * in its first lines instead. Three numbers a line is an accelerometer-only sketch.
   */
  private static String inAFile(String problem) {
    if (problem.startsWith("lines have 3 fields")) {
      return "lines have 3 numbers: an accelerometer-only sketch? Roller Coach needs the gyroscope too —"
          + " print gx, gy, gz on the same line (e.g. the SimpleAccelerometer and SimpleGyroscope examples combined)";
    }
    return problem.replaceAll("--columns ([^\\s;)]+)", "a first line '# columns=$1'")
        .replaceAll("--units ([^\\s;)]+)", "a first line '# units=$1'")
        .replace("state --columns", "state the columns in a first line such as '# columns=t_ms,ax,ay,az,gx,gy,gz'")
        .replace("state --units", "state the units in a first line such as '# units=g,dps'")
        .replace("check --units", "check the '# units=' line");
  }

  /**
   * Feeds the file to {@code d}: raw bytes, or, for a Serial Monitor copy, each line without its time
   * stamp at the stamp's time (midnight wrap bridged), as the live path would have seen it arrive.
   */
  private void feed(StreamDecoder d, long maxBytes, java.util.function.BooleanSupplier done) throws IOException {
    if (!stamped) {
      byte[] buf = new byte[65536];
      long total = 0;
      try (InputStream in = Files.newInputStream(path)) {
        for (int n; total < maxBytes && !done.getAsBoolean() && (n = in.read(buf)) > 0; total += n) d.feed(buf, 0, n, 0.0);
      }
      return;
    }
    double day = 0;
    double last = Double.NEGATIVE_INFINITY;
    long total = 0;
    try (TextLines in = new TextLines(Files.newInputStream(path), path.toString())) {
      for (String l; total < maxBytes && !done.getAsBoolean() && (l = in.next()) != null; ) {
        Matcher m = IDE_STAMP.matcher(l);
        double t = last;
        if (m.matches()) {
          t = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60
              + Integer.parseInt(m.group(3)) + Integer.parseInt(m.group(4)) / 1000.0 + day;
          if (t < last - 43200) {
            day += 86400;
            t += 86400;
          }
          l = m.group(5);
        }
        if (t == Double.NEGATIVE_INFINITY) continue; // a line before the first stamp has no time
        last = t;
        feedingStampS = t;
        byte[] b = (l + "\n").getBytes(StandardCharsets.UTF_8);
        total += b.length;
        d.feed(b, 0, b.length, t);
      }
    }
  }

  /** The device id a capture announces (an x-IMU3 ping response), from its first bytes. */
  private SessionMetadata scanMetadata() throws IOException {
    SessionMetadata m = SessionMetadata.empty();
    if (layout != null && !Double.isNaN(layout.sampleRateHz())) {
      m = m.with(SessionMetadata.SAMPLE_RATE_HZ, Double.toString(layout.sampleRateHz()));
    }
    if (layout != null) return m;
    DeviceInfo[] found = {null};
    XImu3Decoder d = new XImu3Decoder(new DecoderListener() {
      @Override
      public void sample(ImuSample sample) {}

      @Override
      public void deviceInfo(DeviceInfo info) {
        if (found[0] == null) found[0] = info;
      }
    });
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(CHECK_BYTES);
      d.feed(head, 0, head.length, 0.0);
    }
    if (found[0] != null && !found[0].deviceId().isBlank()) m = m.with(SessionMetadata.DEVICE, found[0].deviceId());
    return m;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public String description() {
    return layout == null ? path + " (x-IMU3 messages)" : path + " (text lines: " + describedLayout + ")";
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void play(SampleSink sink, Pacer pacer, LiveObserver observer) throws IOException {
    warnings.clear();
    DecoderListener listener = new DecoderListener() {
      double last = Double.NEGATIVE_INFINITY;

      @Override
      public void sample(ImuSample s) {
        last = s.tS();
        pacer.await(s.tS());
        sink.accept(s);
      }

      @Override
      public void deviceInfo(DeviceInfo info) {
        observer.deviceInfo(info);
      }

      @Override
      public void framesLost(long count, double fromS, double toS) {
        if (last > Double.NEGATIVE_INFINITY) sink.gap(fromS, toS, count + " sample(s) missing");
      }
    };
    StreamDecoder d = layout == null ? new XImu3Decoder(listener) : new AsciiLineDecoder(layout, listener);
    feed(d, Long.MAX_VALUE, () -> false);
    d.finish();
    if (d instanceof AsciiLineDecoder a) {
      if (a.malformedLines() > 0) {
        warnings.add(path + ": " + a.malformedLines() + " malformed line(s) skipped, last at "
            + a.lastMalformed().orElse("?"));
      }
      if (a.clockResets() > 0) warnings.add(path + ": " + a.clockResets() + " board reset(s) bridged");
    } else if (d instanceof XImu3Decoder x) {
      if (x.stats().resyncs() > 0) {
        warnings.add(String.format(Locale.ROOT, "%s: %d undecodable message(s) skipped, last: %s",
            path, x.stats().resyncs(), x.lastProblem().orElse("?")));
      }
    }
  }

  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
