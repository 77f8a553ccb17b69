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
import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.core.protocol.ximu3.XImu3Decoder;
import com.rollercoach.io.sensors.ExportSources;
import com.rollercoach.io.sensors.SensorHeader;
import com.rollercoach.io.sensors.TableImport;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way in: every command and the window open session files here, and only here. It
 * recognises a file by its content, not its name, and accepts a file, a folder, or several files
 * that belong together (an accelerometer and a gyroscope table):
 *
 * <ul>
 *   <li>a Roller Coach recording (its magic bytes) or CSV ({@code t_s,ax_g,…});
 *   <li>sensor exports, read by the names and units in their headers ({@link TableImport}): phyphox
 *       (zip, folder, a pair, or either file of a pair, its sibling found beside it), x-IMU3 logs
 *       ({@code Inertial.csv} or its folder), x-io Fusion's {@code sensor_data.csv}, Sensor Logger
 *       (folder or zip), other tools' CSVs;
 *   <li>serial captures ({@link SerialCapture}): x-IMU3 messages, Arduino text lines.
 * </ul>
 *
 * Anything else is refused with one {@link InputFileException} line saying what was found and what is
 * needed. Reads are bounded: the format is told from the first {@link #SNIFF_BYTES} bytes, a line may
 * not exceed {@link TextLines#MAX_LINE} characters, zip entries are guarded against bombs.
 */
public final class SessionFiles {
  /** Metadata key for the sensor chip a device reported (a recording's HELLO), for display beside the id. */
  public static final String SENSOR_MODEL = "sensor_model";

  /** How much of a file is looked at to tell its format. */
  static final int SNIFF_BYTES = 1 << 16;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

  private SessionFiles() {}

  /**
   * Opens a session: one file, one folder, or the files of one export (e.g. {@code
   * Accelerometer.csv} and {@code Gyroscope.csv}).
   *
   * @throws InputFileException (one line: where and why) when it cannot be read as a session
   */
  public static SessionFile open(Path... paths) {
    if (paths.length == 0) throw new InputFileException("no session file given");
    Path first = paths[0];
    try {
      for (Path p : paths) {
        if (!Files.exists(p)) throw new InputFileException(p + ": no such file");
      }
      if (paths.length > 1) return tables(first, ExportSources.files(List.of(paths)));
      if (Files.isDirectory(first)) return folder(first);
      if (!Files.isRegularFile(first)) throw new InputFileException(first + ": not a regular file");
      return file(first);
    } catch (InputFileException e) {
      throw e;
    } catch (IOException e) {
      throw readError(first, e);
    } catch (RuntimeException e) {
      // a library's unchecked failure on hostile bytes (a zip's malformed entry name…): still one line
      throw new InputFileException(first + ": cannot read (" + clip(String.valueOf(e.getMessage())) + ")", e);
    }
  }

  /** One line for an I/O failure: the message as is if it already names the file. */
  static InputFileException readError(Path path, Throwable e) {
    if (e instanceof InputFileException i) return i;
    if (e instanceof NoSuchFileException) return new InputFileException(path + ": no such file", e);
    if (e instanceof AccessDeniedException) return new InputFileException(path + ": permission denied", e);
    String m = String.valueOf(e.getMessage());
    return new InputFileException(m.startsWith(path.toString()) ? clip(m) : path + ": cannot read (" + clip(m) + ")", e);
  }

  private static String clip(String s) {
    String one = s.replace('\n', ' ').replace('\r', ' ');
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  private static SessionFile folder(Path dir) throws IOException {
    ExportSources.Found found = ExportSources.folder(dir);
    if (found.tables().isEmpty()) {
      throw new InputFileException(dir + ": no sensor tables (.csv) in this folder — Roller Coach opens"
          + " a phyphox, Sensor Logger or x-IMU3 export folder, or a session file");
    }
    return tables(dir, found);
  }

  private static SessionFile tables(Path path, ExportSources.Found found) {
    return new SensorExport(path, TableImport.plan(found.tables()), found.device(), found.startTime());
  }

  private static SessionFile file(Path path) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    if (head.length == 0) throw new InputFileException(path + ": empty file");
    if (RecordingFormat.isRecording(path)) return new Recording(path);
    if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) {
      ExportSources.Found found = ExportSources.zip(path);
      if (found.tables().isEmpty()) {
        throw new InputFileException(path + ": a zip with no sensor tables (.csv) in it — Roller Coach"
            + " opens a phyphox or Sensor Logger export zip");
      }
      return tables(path, found);
    }
    if (startsWith(head, OLE2)) {
      throw new InputFileException(path + ": an Excel (.xls) or other Office file. " + ExportSources.EXCEL_ADVICE);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".ximu3") || XImu3Decoder.looksLike(head, 0, head.length)) return SerialCapture.xImu3(path);
    requireText(path, head);
    String header = firstLine(path);
    if (header == null) throw new InputFileException(path + ": no data, only blank or comment lines");
    if (isOwnCsvHeader(header)) return new Csv(path);
    Optional<SensorHeader> table = SensorHeader.parse(header, path.getFileName().toString());
    if (table.isPresent()) {
      boolean both = table.get().hasAccel() && table.get().hasGyro();
      if (!both) return tables(path, ExportSources.siblings(path));
      // one table holding both sensors: only the device is taken from its folder (x-IMU3's Command.json…)
      String device;
      try {
        device = ExportSources.siblings(path).device();
      } catch (InputFileException | IOException e) {
        device = "";
      }
      return tables(path, new ExportSources.Found(List.of(TableImport.Source.of(path)), device));
    }
    // A header that names columns we cannot place must not be read by position as a headerless
    // capture: "foo,bar,…" or a reordered header over numbers would be analysed as the wrong axes.
    if (looksLikeHeader(header)) throw unknownHeader(path, header, null);
    try {
      return SerialCapture.text(path, LineLayout.auto());
    } catch (InputFileException e) {
      if (!looksLikeHeader(header)) throw e;
      throw unknownHeader(path, header, e);
    }
  }

  private static InputFileException unknownHeader(Path path, String header, Exception cause) {
    List<String> names = SensorHeader.split(header, SensorHeader.separatorOf(header));
    return new InputFileException(path + ": the header " + SensorHeader.abbreviate(names)
        + " names no time column with x, y, z accelerometer and gyroscope columns; Roller Coach"
        + " reads e.g. t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps, or 'Time (s)', 'Acceleration x (m/s^2)'…,"
        + " 'Gyroscope x (rad/s)'… with the units in brackets (docs/sensors.md)", cause);
  }

  /** Arduino Serial Plotter data ("AccelX:0.10,…") is not a header. */
  private static final java.util.regex.Pattern PLOTTER_PAIR = java.util.regex.Pattern.compile("[A-Za-z_]\\w*\\s*:\\s*[-+.]?\\d");

  /** Four or more separated names, mostly words: a CSV header rather than a sketch's chatter. */
  private static boolean looksLikeHeader(String line) {
    List<String> f = SensorHeader.split(line, SensorHeader.separatorOf(line));
    if (f.size() < 4 || PLOTTER_PAIR.matcher(line).find()) return false;
    int words = 0;
    for (String s : f) {
      String t = s.strip().replace("\"", "");
      if (!t.isEmpty() && Character.isLetter(t.charAt(0))) words++;
    }
    return words * 2 > f.size();
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) return false;
    for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
    return true;
  }

  /**
   * Refuses a file whose first bytes are not text: a control byte (NUL…) or bytes that are not UTF-8
   * in its first line, or in more than 2% of the first {@link #SNIFF_BYTES}. A few stray bytes
   * further on are left to the readers: a serial capture often starts with noise from the moment
   * the port opened, which its decoder skips and counts.
   */
  private static void requireText(Path path, byte[] head) {
    int firstLineEnd = head.length;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n') {
        firstLineEnd = i;
        break;
      }
    }
    int bad = 0;
    int controls = 0;
    int firstBad = -1;
    boolean firstIsControl = false;
    for (int i = 0; i < head.length; i++) {
      int b = head[i] & 0xff;
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0c || b == 0x7f) {
        bad++;
        controls++;
        if (firstBad < 0) {
          firstBad = i;
          firstIsControl = true;
        }
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(head);
    CharBuffer out = CharBuffer.allocate(head.length + 1);
    while (in.hasRemaining()) {
      CoderResult r = utf8.decode(in, out, true);
      if (!r.isError()) break;
      int at = in.position();
      // a multi-byte character cut by the sniff window is not an error
      if (head.length == SNIFF_BYTES && at + r.length() >= head.length && head.length - at < 4) break;
      bad++;
      if (firstBad < 0 || at < firstBad) {
        firstBad = at;
        firstIsControl = false;
      }
      in.position(at + r.length());
    }
    if (bad == 0 || firstBad > firstLineEnd && bad * 50 <= head.length) return;
    // NUL and other control bytes, or bytes mostly not UTF-8, are a binary file; else text in another encoding
    if (firstIsControl || controls > 0 || bad * 10 > head.length) {
      throw new InputFileException(String.format(Locale.ROOT,
          "%s: not a session file: binary content (byte 0x%02x at offset %d); Roller Coach reads"
              + " its recordings, CSV, sensor exports and serial captures (docs/sensors.md)",
          path, head[firstBad] & 0xff, firstBad));
    }
    throw new InputFileException(String.format(Locale.ROOT,
        "%s: not UTF-8 text (byte 0x%02x at offset %d): a binary file, or text saved in another"
            + " encoding — save it as UTF-8", path, head[firstBad] & 0xff, firstBad));
  }

  /** The first line that is neither blank nor a comment, read with the line limit. */
  private static String firstLine(Path path) throws IOException {
    try (TextLines lines = new TextLines(Files.newInputStream(path), path.toString())) {
      for (String l; (l = lines.next()) != null; ) {
        if (lines.lineNumber() > 1000) return null;
        if (!l.isBlank() && !l.startsWith("#")) return l;
      }
      return null;
    }
  }

  /**
   * The CSV reader on the file's bytes (its fast path, issue 15). It refuses a line longer than {@link
   * TextLines#MAX_LINE} (a 2 GB line without an end must not fill the memory) and bytes that are not
   * UTF-8 where it reads text, as the decoding reader used here before did.
   */
  private static CsvSampleReader boundedCsv(Path path) throws IOException {
    return CsvSampleReader.open(path);
  }

  /** The CSV reader's I/O failure (bytes that are not UTF-8, mostly) as one line. */
  private static InputFileException textError(Path path, java.io.UncheckedIOException e) {
    if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
      return new InputFileException(path + ": not UTF-8 text (a binary part, or text saved in another encoding)", e);
    }
    return readError(path, e.getCause());
  }

  /** Roller Coach's own CSV: a comma-separated header with {@code t_s} (its reader names what else is missing). */
  private static boolean isOwnCsvHeader(String header) {
    for (String f : header.split(",", -1)) if (f.trim().equals("t_s")) return true;
    return false;
  }

  /** A recording replays through the live path: its bytes go through the decoder again. */
  public static final class Recording implements SessionFile {
    private final Path path;
    private final RecordingHeader header;
    private final boolean deviceInHeader;
    private final List<String> warnings = new ArrayList<>();

    /** A device introduces itself within the first second; don't read further looking for it. */
    private static final int DEVICE_SCAN_ENTRIES = 2000;

    Recording(Path path) throws IOException {
      this.path = path;
      try (RecordingReader r = RecordingReader.open(path)) {
        RecordingHeader h = r.header();
        this.deviceInHeader = h.device().isPresent();
        this.header = deviceInHeader ? h : findDevice(r).map(h::withDevice).orElse(h);
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
        // the chip is shown beside the id when the recorder knew the device when it started (as before)
        if (deviceInHeader && m.get(SENSOR_MODEL) == null && !d.sensorModel().isEmpty()) {
          m = m.with(SENSOR_MODEL, d.sensorModel());
        }
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
  public static final class Csv implements SessionFile {
    private final Path path;
    private final SessionMetadata metadata;
    private final List<String> warnings = new ArrayList<>();

    Csv(Path path) throws IOException {
      this.path = path;
      try (CsvSampleReader r = boundedCsv(path)) {
        this.metadata = r.metadata();
      } catch (java.io.UncheckedIOException e) {
        throw textError(path, e);
      }
      firstRowsRate(path);
    }

    /**
     * Checks the rate of the first rows ({@link RateCheck#require(String, double[], int)}; nothing
     * when the file is too short to tell, or its rows are bad: the full read reports those).
     */
    private static void firstRowsRate(Path path) throws IOException {
      double[] t = new double[RATE_ROWS];
      int[] n = {0};
      final class Enough extends RuntimeException {
        Enough() {
          super(null, null, false, false);
        }
      }
      try (CsvSampleReader r = boundedCsv(path)) {
        r.readTo(new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            t[n[0]++] = s.tS();
            if (n[0] == t.length) throw new Enough();
          }
        });
      } catch (Enough | InputFileException | java.io.UncheckedIOException e) {
        // enough rows, or a fault the full read reports with its line
      }
      RateCheck.require(path.toString(), t, n[0]);
    }

    private static final int RATE_ROWS = 200;

    @Override
    public Path path() {
      return path;
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
      try (CsvSampleReader r = boundedCsv(path)) {
        r.readTo(
            new SampleSink() {
              @Override
              public void accept(ImuSample s) {
                pacer.await(s.tS());
                try {
                  sink.accept(s);
                } catch (java.io.UncheckedIOException e) {
                  throw new SinkFailed(e);
                }
              }

              @Override
              public void gap(double fromS, double toS, String reason) {
                try {
                  sink.gap(fromS, toS, reason);
                } catch (java.io.UncheckedIOException e) {
                  throw new SinkFailed(e);
                }
              }
            });
        warnings.addAll(r.warnings());
      } catch (SinkFailed e) {
        throw e.failure; // where the samples go failed (export onto a full disk): not this file's fault
      } catch (java.io.UncheckedIOException e) {
        throw textError(path, e);
      }
    }

    /** The sink's own I/O failure, carried past the catch that blames the file being read. */
    private static final class SinkFailed extends RuntimeException {
      final java.io.UncheckedIOException failure;

      SinkFailed(java.io.UncheckedIOException failure) {
        super(null, null, false, false);
        this.failure = failure;
      }
    }

    @Override
    public List<String> warnings() {
      return List.copyOf(warnings);
    }
  }
}
