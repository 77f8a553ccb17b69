package com.rollercoach.io;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.live.Pacer;
import com.rollercoach.io.live.RecordingReplay;
import com.rollercoach.io.recording.RecordingEntry;
import com.rollercoach.io.recording.RecordingFormat;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingReader;
import com.rollercoach.io.sensors.SensorSessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Opens a session file by what it is: a recording (by its magic bytes) or a CSV file. */
public final class SessionFiles {
  private SessionFiles() {}

  /**
   * @throws NoSuchFileException when there is no such file
   * @throws com.rollercoach.io.recording.RecordingFormatException for a damaged recording header
   * @throws com.rollercoach.io.csv.CsvFormatException (unchecked) for a CSV that cannot be read
   */
  public static SessionFile open(Path path) throws IOException {
    if (!Files.isRegularFile(path)) throw new NoSuchFileException(path.toString(), null, "no such file");
    if (RecordingFormat.isRecording(path)) return new RecordingFile(path);
    Optional<SessionFile> sensor = SensorSessionFiles.sessionFile(path);
    if (sensor.isPresent()) return sensor.get();
    return new CsvFile(path);
  }

  /** A recording replays through the live path: its bytes go through the decoder again. */
  private static final class RecordingFile implements SessionFile {
    private final Path path;
    private final RecordingHeader header;
    private final List<String> warnings = new ArrayList<>();

    /** A device introduces itself within the first second; don't read further looking for it. */
    private static final int DEVICE_SCAN_ENTRIES = 2000;

    RecordingFile(Path path) throws IOException {
      this.path = path;
      try (RecordingReader r = RecordingReader.open(path)) {
        RecordingHeader h = r.header();
        this.header = h.device().isPresent() ? h : findDevice(r).map(h::withDevice).orElse(h);
      }
    }

    /** The first DEVICE record, or the first HELLO in the recorded bytes. */
    private static Optional<DeviceInfo> findDevice(RecordingReader r) throws IOException {
      List<DeviceInfo> found = new ArrayList<>();
      StreamDecoder decoder = Decoders.standard().create(r.header().wireFormat(), new DecoderListener() {
        @Override
        public void sample(ImuSample sample) {}

        @Override
        public void deviceInfo(DeviceInfo info) {
          found.add(info);
        }
      });
      for (int i = 0; i < DEVICE_SCAN_ENTRIES && found.isEmpty(); i++) {
        RecordingEntry e = r.next();
        if (e == null) break;
        if (e instanceof RecordingEntry.Device d) found.add(d.info());
        if (e instanceof RecordingEntry.Bytes b) decoder.feed(b.data(), 0, b.data().length, b.hostTimeS());
      }
      return found.stream().findFirst();
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public Kind kind() {
      return Kind.RECORDING;
    }

    @Override
    public String description() {
      return path + " (recording of " + header.source() + ", " + header.startedAt() + ")";
    }

    @Override
    public SessionMetadata metadata() {
      SessionMetadata m = header.metadata()
          .with("recorded_from", header.source())
          .with("recorded_at", header.startedAt().toString());
      if (header.device().isPresent()) {
        var d = header.device().get();
        if (m.get(SessionMetadata.DEVICE) == null && !d.deviceId().isEmpty()) m = m.with(SessionMetadata.DEVICE, d.deviceId());
        if (m.get(SessionMetadata.SAMPLE_RATE_HZ) == null && Double.isFinite(d.sampleRateHz())) {
          m = m.with(SessionMetadata.SAMPLE_RATE_HZ, String.format(Locale.ROOT, "%.6g", d.sampleRateHz()));
        }
      }
      return m;
    }

    @Override
    public void play(SampleSink sink, Pacer pacer, LiveObserver observer) throws IOException {
      warnings.clear();
      try (RecordingReader r = RecordingReader.open(path)) {
        LivePath live = RecordingReplay.play(r, Decoders.standard(), sink, pacer, observer);
        live.finish();
        r.warning().ifPresent(warnings::add);
        if (live.decoderStats().crcFailures() > 0 || live.decoderStats().lostFrames() > 0) {
          warnings.add(String.format(Locale.ROOT, "%s: link quality: %d frames lost, %d CRC failures",
              path, live.decoderStats().lostFrames(), live.decoderStats().crcFailures()));
        }
        if (live.samplesRejected() > 0) warnings.add(path + ": " + badSamples(live));
      }
    }

    @Override
    public List<String> warnings() {
      return List.copyOf(warnings);
    }

    /** "3 bad samples dropped (1 non-finite value, …)": what the edge check refused. */
    private static String badSamples(LivePath live) {
      java.util.StringJoiner j = new java.util.StringJoiner(", ", " (", ")");
      live.samplesRejectedByReason().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> j.add(e.getValue() + " " + e.getKey().text()));
      long n = live.samplesRejected();
      return n + " bad sample" + (n == 1 ? "" : "s") + " dropped" + j;
    }
  }

  /** A CSV file in the project's import format. */
  private static final class CsvFile implements SessionFile {
    private final Path path;
    private final SessionMetadata metadata;
    private final List<String> warnings = new ArrayList<>();

    CsvFile(Path path) throws IOException {
      this.path = path;
      try (CsvSampleReader r = CsvSampleReader.open(path)) {
        this.metadata = r.metadata();
      }
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public Kind kind() {
      return Kind.CSV;
    }

    @Override
    public String description() {
      return path.toString();
    }

    @Override
    public SessionMetadata metadata() {
      return metadata;
    }

    @Override
    public void play(SampleSink sink, Pacer pacer, LiveObserver observer) throws IOException {
      warnings.clear();
      try (CsvSampleReader r = CsvSampleReader.open(path)) {
        r.readTo(
            new SampleSink() {
              @Override
              public void accept(ImuSample s) {
                pacer.await(s.tS());
                sink.accept(s);
              }

              @Override
              public void gap(double fromS, double toS, String reason) {
                sink.gap(fromS, toS, reason);
              }
            });
        warnings.addAll(r.warnings());
      }
    }

    @Override
    public List<String> warnings() {
      return List.copyOf(warnings);
    }
  }
}
