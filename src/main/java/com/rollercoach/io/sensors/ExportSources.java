package com.rollercoach.io.sensors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.io.TextLines;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The tables of a sensor export, wherever they are — a folder, a zip (with or without phyphox's
 * {@code meta/}, tables at the top or in one folder), a pair of files, or one file whose sibling
 * sits beside it — and the device that wrote them, from the file each tool keeps it in: phyphox's
 * {@code meta/device.csv}, Sensor Logger's {@code Metadata.csv}, the x-IMU3 log's {@code
 * Command.json} (or its folder name, "x-IMU3 673B204B (UDP)").
 *
 * <p>Zip entries are read through a guard: at most {@link #MAX_ENTRY_BYTES} per entry and at most
 * {@link #MAX_RATIO} times the entry's compressed size, so a zip bomb stops with one line.
 */
public final class ExportSources {
  /** An hour at 500 Hz of phyphox CSV is ~150 MB; four times that is still a session. */
  static final long MAX_ENTRY_BYTES = 600L << 20;

  /** CSV numbers compress 3–10×; a hundredfold is a bomb, not a recording. */
  static final long MAX_RATIO = 100;

  /** Files looked at in a folder or zip: an export has a dozen; a home folder is not an export. */
  static final int MAX_ENTRIES = 1000;

  /** Tables and the device, for {@link TableImport#plan}. */
  public record Found(List<TableImport.Source> tables, String device, String startTime) {
    /** Tables and a device, with no recording time known (empty). */
    public Found(List<TableImport.Source> tables, String device) {
      this(tables, device, "");
    }
  }

  private ExportSources() {}

  /** Files given together (a pair): their tables, in the order given. */
  public static Found files(List<Path> files) {
    List<TableImport.Source> tables = new ArrayList<>();
    for (Path f : files) tables.add(TableImport.Source.of(f));
    return new Found(tables, "");
  }

  /** The tables in a folder (not recursive, except phyphox's {@code meta/}). */
  public static Found folder(Path dir) throws IOException {
    return folder(dir, null);
  }

  /**
   * The tables beside {@code first} in its folder, {@code first} ahead of the others (so that of two
   * accelerometer tables, the one the user named is used).
   */
  public static Found siblings(Path first) throws IOException {
    Path dir = first.toAbsolutePath().getParent();
    return folder(dir, first);
  }

  private static Found folder(Path dir, Path first) throws IOException {
    List<TableImport.Source> tables = new ArrayList<>();
    if (first != null) tables.add(TableImport.Source.of(first));
    String device = "";
    String start = "";
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (files.size() >= MAX_ENTRIES) {
          throw new SensorFormatException(dir + ": more than " + MAX_ENTRIES + " files: not a sensor export folder");
        }
        files.add(p);
      }
    }
    files.sort(null);
    // MetaWear names each sensor's file after its recording: beside one, only its recording's others
    Matcher mw = first == null ? null : METAWEAR_FILE.matcher(first.getFileName().toString());
    String recording = mw != null && mw.matches() ? mw.group(1) : null;
    for (Path p : files) {
      String n = p.getFileName().toString();
      String lower = n.toLowerCase(Locale.ROOT);
      if (Files.isDirectory(p) && lower.equals("meta")) {
        Path d = p.resolve("device.csv");
        if (Files.isRegularFile(d)) device = phyphoxDevice(Files.newInputStream(d), d.toString());
        continue;
      }
      if (!Files.isRegularFile(p) || (first != null && Files.isSameFile(p, first))) continue;
      if (lower.equals("metadata.csv")) {
        String[] meta = sensorLoggerMeta(Files.newInputStream(p), p.toString());
        device = meta[0];
        start = meta[1];
      } else if (lower.equals("command.json")) {
        if (device.isEmpty()) device = xImu3Device(Files.newInputStream(p));
      } else if (isTableName(lower) && (recording == null || n.startsWith(recording))) {
        tables.add(TableImport.Source.of(p));
      }
    }
    if (device.isEmpty()) device = xImu3FolderDevice(dir.getFileName() == null ? "" : dir.getFileName().toString());
    if (device.isEmpty()) device = metaWearDevice(tables);
    return new Found(tables, device, start);
  }

  private static boolean isTableName(String lower) {
    return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt");
  }

  /** The tables in a zip, each entry guarded against bombs. */
  public static Found zip(Path path) throws IOException {
    List<TableImport.Source> tables = new ArrayList<>();
    String device = "";
    String start = "";
    ZipFile opened;
    try {
      opened = new ZipFile(path.toFile());
    } catch (java.util.zip.ZipException e) {
      throw new SensorFormatException(path + ": a damaged or incomplete zip (" + e.getMessage() + ")", e);
    }
    try (ZipFile zip = opened) {
      int n = 0;
      List<ZipEntry> entries = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        if (++n > MAX_ENTRIES) {
          throw new SensorFormatException(path + ": more than " + MAX_ENTRIES + " entries: not a sensor export");
        }
        entries.add(e.nextElement());
      }
      entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
      for (ZipEntry entry : entries) {
        String name = entry.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.replaceAll(".*/", "");
        if (entry.isDirectory() || lower.startsWith("__macosx/") || base.startsWith("._")) continue;
        if (lower.equals("xl/workbook.xml") || lower.equals("word/document.xml")) {
          throw new SensorFormatException(path + ": an Excel workbook (.xlsx): " + EXCEL_ADVICE);
        }
        String label = path.getFileName() + "!" + name;
        if (lower.matches("(.*/)?meta/device\\.csv")) {
          device = phyphoxDevice(guarded(zip, entry, label), label);
        } else if (lower.matches("(.*/)?meta/.*")) {
          continue;
        } else if (base.equals("metadata.csv")) {
          String[] meta = sensorLoggerMeta(guarded(zip, entry, label), label);
          device = meta[0];
          start = meta[1];
        } else if (base.equals("command.json")) {
          if (device.isEmpty()) device = xImu3Device(guarded(zip, entry, label));
        } else if (isTableName(base)) {
          tables.add(new TableImport.Source(label, () -> {
            ZipFile z = new ZipFile(path.toFile());
            ZipEntry en = z.getEntry(name);
            if (en == null) {
              z.close();
              throw new IOException(label + ": entry vanished");
            }
            return new Guard(z.getInputStream(en), en, label) {
              @Override
              public void close() throws IOException {
                try {
                  super.close();
                } finally {
                  z.close();
                }
              }
            };
          }));
        }
      }
    }
    return new Found(tables, device, start);
  }

  public static final String EXCEL_ADVICE =
      "Roller Coach reads CSV — export again and choose a CSV format (phyphox: ⋮ → Export data →"
          + " \"CSV (Comma, decimal point)\")";

  private static InputStream guarded(ZipFile zip, ZipEntry entry, String label) throws IOException {
    return new Guard(zip.getInputStream(entry), entry, label);
  }

  /** Stops reading an entry that inflates beyond the limits. */
  private static class Guard extends FilterInputStream {
    private final long limit;
    private final String label;
    private final long compressed;
    private long read;

    Guard(InputStream in, ZipEntry entry, String label) {
      super(in);
      this.compressed = Math.max(entry.getCompressedSize(), 0);
      this.limit = Math.min(MAX_ENTRY_BYTES, Math.max(1L << 20, compressed * MAX_RATIO));
      this.label = label;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count(1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) count(n);
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw new SensorFormatException(String.format(Locale.ROOT,
            "%s: inflates to more than %d MB from %d bytes: refused (a damaged zip, or a zip bomb)",
            label, limit >> 20, compressed));
      }
    }
  }

  /** Brand and model from phyphox's {@code meta/device.csv} ("property","value" rows). */
  private static String phyphoxDevice(InputStream in, String name) throws IOException {
    String brand = "";
    String model = "";
    try (TextLines r = new TextLines(in, name)) {
      for (String line; (line = r.next()) != null && r.lineNumber() < 200; ) {
        char sep = line.indexOf('\t') >= 0 ? '\t' : line.contains("\";\"") ? ';' : ',';
        List<String> cells = SensorHeader.split(line, sep);
        if (cells.size() < 2) continue;
        String key = cells.get(0).replace("\"", "").strip();
        String value = cells.get(1).replace("\"", "").strip();
        if (key.equals("deviceBrand")) brand = value;
        if (key.equals("deviceModel")) model = value;
      }
    }
    return clip((brand + " " + model).strip());
  }

  /**
   * Sensor Logger's {@code Metadata.csv}: a header row and one value row. "device name" is the phone;
   * "recording epoch time" (ms since 1970) is when the recording began, so an import is dated by it
   * rather than by when the file was copied. Returns {device, start instant or ""}.
   */
  private static String[] sensorLoggerMeta(InputStream in, String name) throws IOException {
    String device = "";
    String start = "";
    try (TextLines r = new TextLines(in, name)) {
      String header = r.next();
      String values = r.next();
      if (header == null || values == null) return new String[] {"", ""};
      List<String> keys = SensorHeader.split(header, ',');
      List<String> vals = SensorHeader.split(values, ',');
      for (int i = 0; i < Math.min(keys.size(), vals.size()); i++) {
        String key = keys.get(i).strip();
        String value = vals.get(i).strip();
        if (key.equalsIgnoreCase("device name")) device = clip(value);
        if (key.equalsIgnoreCase("recording epoch time") && value.matches("\\d{10,16}")) {
          long ms = Long.parseLong(value);
          // 2000-01-01 to 2100-01-01: anything else is not a phone's clock in milliseconds
          if (ms > 946_684_800_000L && ms < 4_102_444_800_000L) start = java.time.Instant.ofEpochMilli(ms).toString();
        }
      }
    }
    return new String[] {device, start};
  }

  /** The serial number from the x-IMU3 log's {@code Command.json} ping response. */
  private static String xImu3Device(InputStream in) throws IOException {
    try (in) {
      byte[] bytes = in.readNBytes(1 << 16);
      JsonNode root = new ObjectMapper().readTree(bytes);
      if (root == null) return "";
      for (JsonNode n : root.isArray() ? root : List.of(root)) {
        JsonNode sn = n.path("ping").path("sn");
        if (sn.isTextual() && !sn.asText().isBlank()) return clip(sn.asText().strip());
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      // not the x-IMU3 format: no device from it
    }
    return "";
  }

  private static final Pattern XIMU3_FOLDER = Pattern.compile("x-IMU3\\s*(?:-\\s*)?([0-9A-F-]{6,})\\b.*");

  /** The x-IMU3 GUI names a log folder after the device: "x-IMU3 673B204B (UDP)". */
  private static String xImu3FolderDevice(String folder) {
    Matcher m = XIMU3_FOLDER.matcher(folder);
    return m.matches() ? m.group(1) : "";
  }

  /**
   * MetaBase / MetaWear app file names: {@code NAME_MetaWear_2019-01-14T14.22.49.165_C42732BE255C_Accelerometer_12.500Hz_1.4.4.csv}
   * — the recording (everything before the sensor) and the board's MAC address.
   */
  private static final Pattern METAWEAR_FILE =
      Pattern.compile("(.*_MetaWear_[^_]+_([0-9A-Fa-f]{12})_)[A-Za-z]+_.*\\.csv", Pattern.CASE_INSENSITIVE);

  /** The board's MAC address from MetaWear file names, when all the tables name the same board. */
  static String metaWearDevice(List<TableImport.Source> tables) {
    String mac = "";
    for (TableImport.Source t : tables) {
      Matcher m = METAWEAR_FILE.matcher(t.name().replaceAll(".*[/\\\\!]", ""));
      if (!m.matches()) return "";
      if (!mac.isEmpty() && !mac.equalsIgnoreCase(m.group(2))) return "";
      mac = m.group(2).toUpperCase(Locale.ROOT);
    }
    return mac;
  }

  private static String clip(String s) {
    return s.length() > 80 ? s.substring(0, 80) : s;
  }
}
