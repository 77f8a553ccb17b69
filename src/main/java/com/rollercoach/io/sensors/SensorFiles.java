package com.rollercoach.io.sensors;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Files from the sensors people own, for {@code analyze}, {@code replay} and {@code export}:
 * phyphox exports (zip or CSV), x-IMU3 data-logger files and captures, and serial captures of an
 * Arduino sketch ({@code .txt}/{@code .log}, what the Serial Monitor or {@code cat /dev/ttyACM0 >
 * file} saves). Our own CSV format and recordings are not claimed: their readers handle them.
 */
public final class SensorFiles {
  /** A sensor file that streams its samples, each {@link #play} reading the file afresh. */
  public interface SensorFile {
    Path path();

    /** One line for the user: what the file is and how it is read. */
    String description();

    SessionMetadata metadata();

    /** Streams every sample to {@code sink} (gaps too); the caller ends the sink. */
    void play(SampleSink sink) throws IOException;

    /** Lines skipped and such, from the last {@link #play}. */
    List<String> warnings();
  }

  private static final List<String> TEXT_EXTENSIONS = List.of(".txt", ".log", ".tsv", ".dat", ".serial");

  private SensorFiles() {}

  /**
   * The reader for {@code path}, or empty when it is not a sensor file this class reads.
   *
   * @param layout what the user stated about text lines ({@code --columns}, {@code --units},
   *     {@code --rate} or a profile); {@link LineLayout#auto()} when nothing
   * @throws SensorFormatException when it is one but cannot be read (naming file and reason)
   */
  public static Optional<SensorFile> open(Path path, LineLayout layout) throws IOException {
    if (!Files.isRegularFile(path)) throw new NoSuchFileException(path.toString(), null, "no such file");
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (PhyphoxImport.looksLikePhyphox(path)) return Optional.of(new PhyphoxFile(path));
    byte[] head = head(path, 4096);
    if (name.endsWith(".ximu3") || XImu3Decoder.looksLike(head, 0, head.length)) {
      return Optional.of(new DecodedFile(path, null));
    }
    if (TEXT_EXTENSIONS.stream().anyMatch(name::endsWith)) {
      DecodedFile f = new DecodedFile(path, layout);
      f.check();
      return Optional.of(f);
    }
    return Optional.empty();
  }

  private static byte[] head(Path path, int n) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(n);
    }
  }

  private static final class PhyphoxFile implements SensorFile {
    private final Path path;
    private final List<String> warnings = new ArrayList<>();
    private String device = "";

    PhyphoxFile(Path path) {
      this.path = path;
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public String description() {
      return path + " (phyphox export" + (device.isEmpty() ? "" : " from " + device) + ")";
    }

    @Override
    public SessionMetadata metadata() {
      SessionMetadata m = SessionMetadata.empty();
      return device.isEmpty() ? m : m.with(SessionMetadata.DEVICE, device);
    }

    @Override
    public void play(SampleSink sink) {
      warnings.clear();
      PhyphoxImport.Report r = PhyphoxImport.read(List.of(path), sink);
      device = r.device();
      if (r.droppedAccel() > 0) {
        warnings.add(path + ": " + r.droppedAccel()
            + " accelerometer samples had no gyroscope reading within "
            + PhyphoxImport.MAX_GYRO_GAP_S + " s and were left out");
      }
    }

    @Override
    public List<String> warnings() {
      return List.copyOf(warnings);
    }
  }

  /** A byte stream decoded as the serial path would: x-IMU3 (layout null) or Arduino text. */
  private static final class DecodedFile implements SensorFile {
    private final Path path;
    private final LineLayout layout;
    private final List<String> warnings = new ArrayList<>();
    private DeviceInfo device;
    private String describedLayout = "";

    DecodedFile(Path path, LineLayout layout) {
      this.path = path;
      this.layout = layout;
    }

    /** Settles the text layout before any sample is streamed, so a refusal stops cleanly. */
    void check() throws IOException {
      AsciiLineDecoder d = new AsciiLineDecoder(layout, s -> {});
      byte[] all = Files.readAllBytes(path);
      d.feed(all, 0, all.length, 0.0);
      d.finish();
      if (d.problem().isPresent()) {
        throw new SensorFormatException(path + ": " + d.problem().get()
            + " (in a file, state it in a first line such as '# columns=t_ms,ax,ay,az,gx,gy,gz'"
            + " or '# units=g,dps')");
      }
      ResolvedLayout r =
          d.layout()
              .orElseThrow(() -> new SensorFormatException(path + ": no data lines found"));
      if (r.time() == null && Double.isNaN(r.sampleRateHz())) {
        throw new SensorFormatException(
            path + ": lines carry no time and a file has no arrival times: state the rate in a"
                + " first line such as '# rate_hz=100' (live: --rate HZ or a profile)");
      }
      describedLayout = r.describe();
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public String description() {
      return layout == null
          ? path + " (x-IMU3 messages)"
          : path + " (text lines: " + describedLayout + ")";
    }

    @Override
    public SessionMetadata metadata() {
      SessionMetadata m = SessionMetadata.empty();
      if (device != null && !device.deviceId().isEmpty()) m = m.with(SessionMetadata.DEVICE, device.deviceId());
      if (layout != null && !Double.isNaN(layout.sampleRateHz())) {
        m = m.with(SessionMetadata.SAMPLE_RATE_HZ, Double.toString(layout.sampleRateHz()));
      }
      return m;
    }

    @Override
    public void play(SampleSink sink) throws IOException {
      warnings.clear();
      DecoderListener listener =
          new DecoderListener() {
            double last = Double.NEGATIVE_INFINITY;

            @Override
            public void sample(ImuSample s) {
              last = s.tS();
              sink.accept(s);
            }

            @Override
            public void deviceInfo(DeviceInfo info) {
              device = info;
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
          warnings.add(path + ": " + x.stats().resyncs() + " undecodable message(s) skipped, last: "
              + x.lastProblem().orElse("?"));
        }
      }
    }

    @Override
    public List<String> warnings() {
      return List.copyOf(warnings);
    }
  }
}
