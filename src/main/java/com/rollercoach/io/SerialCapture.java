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

/**
 * The bytes a sensor sent over its serial link, saved to a file and decoded as the live serial path
 * decodes them: x-IMU3 messages (its data-logger {@code .ximu3} files too), or the text lines of an
 * Arduino sketch (what the Serial Monitor shows, or {@code cat /dev/ttyACM0 > capture.txt}).
 */
public final class SerialCapture implements SessionFile {
  /** The text layout is settled from this much of the file (~10 s at 100 Hz), not the whole. */
  private static final int CHECK_BYTES = 1 << 20;

  private final Path path;
  /** Null for x-IMU3 messages. */
  private final LineLayout layout;
  private final List<String> warnings = new ArrayList<>();
  private final SessionMetadata metadata;
  private String describedLayout = "";

  private SerialCapture(Path path, LineLayout layout) throws IOException {
    this.path = path;
    this.layout = layout;
    if (layout != null) check();
    this.metadata = scanMetadata();
  }

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
    AsciiLineDecoder d = new AsciiLineDecoder(layout, s -> {});
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buf = new byte[65536];
      long total = 0;
      for (int n; total < CHECK_BYTES && (n = in.read(buf)) > 0; total += n) {
        d.feed(buf, 0, n, 0.0);
        if (d.layout().isPresent() || d.problem().isPresent()) break;
      }
    }
    d.finish();
    if (d.problem().isPresent()) {
      throw new InputFileException(path + ": " + d.problem().get()
          + " (in a file, state it in a first line such as '# columns=t_ms,ax,ay,az,gx,gy,gz'"
          + " or '# units=g,dps')");
    }
    ResolvedLayout r = d.layout().orElseThrow(() -> new InputFileException(path
        + ": no lines of accelerometer and gyroscope numbers found — not a sensor capture"
        + " (Roller Coach reads Arduino serial output, x-IMU3 logs and the CSV exports of phyphox,"
        + " Sensor Logger and x-IMU3: docs/sensors.md)"));
    if (r.time() == null && Double.isNaN(r.sampleRateHz())) {
      throw new InputFileException(
          path + ": lines carry no time and a file has no arrival times: state the rate in a"
              + " first line such as '# rate_hz=100' (live: --rate HZ or a profile)");
    }
    if (!Double.isNaN(r.sampleRateHz())) RateCheck.require(path.toString(), r.sampleRateHz());
    describedLayout = r.describe();
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
    byte[] buf = new byte[65536];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n; (n = in.read(buf)) > 0; ) d.feed(buf, 0, n, 0.0);
    }
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
