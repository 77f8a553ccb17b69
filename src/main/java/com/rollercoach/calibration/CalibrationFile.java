package com.rollercoach.calibration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.DeviceCalibration.FitQuality;
import com.rollercoach.core.calibration.DeviceCalibration.Provenance;
import com.rollercoach.core.calibration.ImuCorrection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Reads and writes {@code calibration/<device-id>.json} (schema: {@code
 * calibration/calibration.schema.json}, explained in {@code calibration/README.md}).
 *
 * <p>Reading is strict, because a calibration silently half-applied is worse than none: unknown or
 * missing fields, duplicate keys, non-finite numbers, a non-unit axis, a singular misalignment matrix,
 * implausible values and unknown versions are all refused with the file and the field named.
 *
 * <p>Writing is atomic (a temporary file in the same folder, forced to disk, then renamed over the
 * target) and the previous file is kept as {@code <name>.json.bak}, so a crash or a later rejected
 * calibration never leaves a device without its last good one.
 */
public final class CalibrationFile {
  public static final String FORMAT = "roller-coach-calibration";
  /** Device ids become file names: letters, digits, dot, dash, underscore; no path separators. */
  public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** A unit axis stored with 3–4 significant digits by hand is still unit within this. */
  static final double UNIT_TOLERANCE = 1e-3;

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          // Parse NaN/Infinity so a hand-edited "NaN" is reported by field name, then refused.
          .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private CalibrationFile() {}

  public static String fileName(String deviceId) {
    return deviceId + ".json";
  }

  // ---- reading ----

  public static DeviceCalibration read(Path file) throws CalibrationFileException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CalibrationFileException(file, "", "no such file");
    } catch (IOException e) {
      throw new CalibrationFileException(file, "", "cannot read: " + e.getMessage(), e);
    }
    return parse(content, file);
  }

  /** Whether the content starts, after white space, as a JSON object does. */
  private static boolean looksLikeJson(byte[] content) {
    for (byte b : content) {
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') continue;
      return b == '{';
    }
    return false;
  }

  /**
   * Parses a calibration file's content.
   *
   * @param file the name messages give it
   */
  public static DeviceCalibration parse(byte[] content, Path file) throws CalibrationFileException {
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      // a hand-edited calibration wants the parser's reason ("Duplicate field 'version'"); anything
      // that is not JSON at all (a CSV, random bytes) got the parser's options instead ("Feature
      // 'ALLOW_COMMENTS' not enabled"), when what the user needs is that this is no calibration
      String reason = looksLikeJson(content)
          ? "not valid JSON (" + e.getOriginalMessage() + ")"
          : "not a calibration file (those are the JSON files `roller-coach calibrate` writes)";
      throw new CalibrationFileException(file, "", where + reason, e);
    } catch (IOException e) {
      throw new CalibrationFileException(file, "", "cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new CalibrationFileException(file, "", "empty file");
    }
    return new Reader(file).calibration(root);
  }

  /** Field-by-field validation with the JSON path of every field in its messages. */
  private static final class Reader {
    private final Path file;

    Reader(Path file) {
      this.file = file;
    }

    DeviceCalibration calibration(JsonNode root) throws CalibrationFileException {
      object(root, "");
      String format = text(root, "", "format");
      if (!FORMAT.equals(format)) {
        throw bad("format", "expected \"" + FORMAT + "\", got \"" + format + "\"");
      }
      JsonNode v = field(root, "", "version");
      if (!v.isInt()) throw bad("version", "expected an integer, got " + v);
      if (v.intValue() != DeviceCalibration.FORMAT_VERSION) {
        throw bad(
            "version",
            "unknown version "
                + v.intValue()
                + " (this Roller Coach reads version "
                + DeviceCalibration.FORMAT_VERSION
                + ")");
      }
      only(
          root,
          "",
          "format",
          "version",
          "deviceId",
          "created",
          "gyroscope",
          "accelerometer",
          "roller",
          "quality");
      String deviceId = text(root, "", "deviceId");
      if (!DEVICE_ID.matcher(deviceId).matches()) {
        throw bad(
            "deviceId",
            "\"" + deviceId + "\" is not a device id (letters, digits, '.', '-', '_'; at most 64)");
      }

      JsonNode created = object(field(root, "", "created"), "created");
      only(created, "created", "at", "method", "tool", "source");
      Instant at;
      String atText = text(created, "created", "at");
      try {
        at = Instant.parse(atText);
      } catch (DateTimeParseException e) {
        throw bad("created.at", "expected an ISO-8601 UTC time like 2026-03-01T10:15:30Z, got \"" + atText + "\"");
      }
      Provenance provenance =
          new Provenance(
              at,
              text(created, "created", "method"),
              text(created, "created", "tool"),
              text(created, "created", "source"));

      JsonNode gyro = object(field(root, "", "gyroscope"), "gyroscope");
      only(gyro, "gyroscope", "biasDps", "scale");
      Vector3D gyroBias = vector(gyro, "gyroscope", "biasDps", -250, 250);
      Vector3D gyroScale = vector(gyro, "gyroscope", "scale", 0.5, 2);

      JsonNode acc = object(field(root, "", "accelerometer"), "accelerometer");
      only(acc, "accelerometer", "offsetG", "scale", "misalignment");
      Vector3D offset = vector(acc, "accelerometer", "offsetG", -1, 1);
      Vector3D scale = vector(acc, "accelerometer", "scale", 0.5, 2);
      double[][] t = matrix(acc, "accelerometer", "misalignment");

      JsonNode roller = object(field(root, "", "roller"), "roller");
      only(roller, "roller", "axis", "diameterCm", "diameterMethod", "sensorOffsetCm", "towardHead");
      Vector3D axis = vector(roller, "roller", "axis", -1 - UNIT_TOLERANCE, 1 + UNIT_TOLERANCE);
      if (Math.abs(axis.getNorm() - 1) > UNIT_TOLERANCE) {
        throw bad(
            "roller.axis",
            String.format(
                java.util.Locale.ROOT,
                "not a unit vector (length %.4f); the axis is a direction, |axis| must be 1",
                axis.getNorm()));
      }
      double diameter = number(roller, "roller", "diameterCm", 2, 60);
      String method = text(roller, "roller", "diameterMethod");
      if (!Set.of("distance-roll", "circumference", "entered").contains(method)) {
        throw bad(
            "roller.diameterMethod",
            "expected \"distance-roll\", \"circumference\" or \"entered\", got \"" + method + "\"");
      }
      double sensorOffset = nullableNumber(roller, "roller", "sensorOffsetCm", 0, 30);
      // Optional: files written before the direction gesture existed do not have it.
      int towardHead = 0;
      JsonNode th = roller.get("towardHead");
      if (th != null && !th.isNull()) {
        if (!th.isInt() || Math.abs(th.intValue()) != 1) {
          throw bad("roller.towardHead", "expected 1, -1 or null, got " + th);
        }
        towardHead = th.intValue();
      }

      JsonNode q = object(field(root, "", "quality"), "quality");
      only(
          q,
          "quality",
          "stillSeconds",
          "gyroNoiseDps",
          "accelNoiseMg",
          "poses",
          "accelResidualMg",
          "misalignmentFitted",
          "gyroScaleFitted",
          "gyroResidualDeg",
          "axisSpreadDeg",
          "rolledDeg");
      JsonNode poses = field(q, "quality", "poses");
      if (!poses.isInt() || poses.intValue() < 0) {
        throw bad("quality.poses", "expected a whole number ≥ 0, got " + poses);
      }
      FitQuality quality =
          new FitQuality(
              number(q, "quality", "stillSeconds", 0, 1e6),
              number(q, "quality", "gyroNoiseDps", 0, 1e3),
              number(q, "quality", "accelNoiseMg", 0, 1e4),
              poses.intValue(),
              number(q, "quality", "accelResidualMg", 0, 1e4),
              bool(q, "quality", "misalignmentFitted"),
              bool(q, "quality", "gyroScaleFitted"),
              nullableNumber(q, "quality", "gyroResidualDeg", 0, 180),
              number(q, "quality", "axisSpreadDeg", 0, 90),
              number(q, "quality", "rolledDeg", 0, 1e7));

      return new DeviceCalibration(
          deviceId,
          new ImuCorrection(gyroBias, gyroScale, offset, scale, t),
          axis,
          diameter,
          method,
          sensorOffset,
          provenance,
          quality,
          towardHead);
    }

    private JsonNode field(JsonNode parent, String path, String name)
        throws CalibrationFileException {
      JsonNode n = parent.get(name);
      if (n == null) throw bad(join(path, name), "missing");
      return n;
    }

    private JsonNode object(JsonNode n, String path) throws CalibrationFileException {
      if (!n.isObject()) throw bad(path, "expected an object, got " + describe(n));
      return n;
    }

    private void only(JsonNode obj, String path, String... allowed)
        throws CalibrationFileException {
      Set<String> ok = new LinkedHashSet<>(java.util.Arrays.asList(allowed));
      for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!ok.contains(name)) {
          throw bad(join(path, name), "unknown field (expected one of " + String.join(", ", ok) + ")");
        }
      }
    }

    private String text(JsonNode parent, String path, String name) throws CalibrationFileException {
      JsonNode n = field(parent, path, name);
      if (!n.isTextual()) throw bad(join(path, name), "expected a string, got " + describe(n));
      return n.textValue();
    }

    private boolean bool(JsonNode parent, String path, String name)
        throws CalibrationFileException {
      JsonNode n = field(parent, path, name);
      if (!n.isBoolean()) throw bad(join(path, name), "expected true or false, got " + describe(n));
      return n.booleanValue();
    }

    private double number(JsonNode parent, String path, String name, double min, double max)
        throws CalibrationFileException {
      return finite(field(parent, path, name), join(path, name), min, max);
    }

    private double nullableNumber(JsonNode parent, String path, String name, double min, double max)
        throws CalibrationFileException {
      JsonNode n = field(parent, path, name);
      return n.isNull() ? Double.NaN : finite(n, join(path, name), min, max);
    }

    private double finite(JsonNode n, String path, double min, double max)
        throws CalibrationFileException {
      if (!n.isNumber()) throw bad(path, "expected a finite number, got " + describe(n));
      double d = n.doubleValue();
      if (!Double.isFinite(d)) throw bad(path, "expected a finite number, got " + d);
      if (d < min || d > max) {
        throw bad(path, d + " is outside the plausible range [" + min + ", " + max + "]");
      }
      return d;
    }

    private Vector3D vector(JsonNode parent, String path, String name, double min, double max)
        throws CalibrationFileException {
      String p = join(path, name);
      JsonNode n = field(parent, path, name);
      if (!n.isArray() || n.size() != 3) {
        throw bad(p, "expected an array of 3 numbers, got " + describe(n));
      }
      return new Vector3D(
          finite(n.get(0), p + "[0]", min, max),
          finite(n.get(1), p + "[1]", min, max),
          finite(n.get(2), p + "[2]", min, max));
    }

    private double[][] matrix(JsonNode parent, String path, String name)
        throws CalibrationFileException {
      String p = join(path, name);
      JsonNode n = field(parent, path, name);
      if (!n.isArray() || n.size() != 3) {
        throw bad(p, "expected 3 rows of 3 numbers, got " + describe(n));
      }
      double[][] m = new double[3][3];
      for (int r = 0; r < 3; r++) {
        JsonNode row = n.get(r);
        if (!row.isArray() || row.size() != 3) {
          throw bad(p + "[" + r + "]", "expected a row of 3 numbers, got " + describe(row));
        }
        for (int c = 0; c < 3; c++) m[r][c] = finite(row.get(c), p + "[" + r + "][" + c + "]", -2, 2);
      }
      double det =
          m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
              - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
              + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
      // Misalignment is a few degrees: det(T) ≈ 1. Far from it the matrix would fold or squash axes.
      if (Math.abs(det) < 1e-9) throw bad(p, "singular matrix (determinant 0): it cannot be a misalignment");
      if (det < 0.8 || det > 1.25) {
        throw bad(
            p,
            String.format(
                java.util.Locale.ROOT,
                "determinant %.4f is far from 1: a misalignment matrix only tilts axes by a few"
                    + " degrees",
                det));
      }
      return m;
    }

    private CalibrationFileException bad(String field, String reason) {
      return new CalibrationFileException(file, field, reason);
    }

    private static String join(String path, String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonNode n) {
      if (n.isTextual()) return "\"" + n.textValue() + "\"";
      if (n.isNull()) return "null";
      if (n.isArray()) return "an array of " + n.size();
      if (n.isObject()) return "an object";
      return n.toString();
    }
  }

  // ---- writing ----

  public static String toJson(DeviceCalibration c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", DeviceCalibration.FORMAT_VERSION);
    root.put("deviceId", c.deviceId());
    ObjectNode created = root.putObject("created");
    created.put("at", c.created().at().toString());
    created.put("method", c.created().method());
    created.put("tool", c.created().tool());
    created.put("source", c.created().source());
    ImuCorrection imu = c.imu();
    ObjectNode gyro = root.putObject("gyroscope");
    putVector(gyro, "biasDps", imu.gyroBiasDps());
    putVector(gyro, "scale", imu.gyroScale());
    ObjectNode acc = root.putObject("accelerometer");
    putVector(acc, "offsetG", imu.accelOffsetG());
    putVector(acc, "scale", imu.accelScale());
    ArrayNode rows = acc.putArray("misalignment");
    for (double[] row : imu.accelMisalignment()) {
      ArrayNode r = rows.addArray();
      for (double x : row) r.add(x);
    }
    ObjectNode roller = root.putObject("roller");
    putVector(roller, "axis", c.rollAxis());
    roller.put("diameterCm", c.rollerDiameterCm());
    roller.put("diameterMethod", c.diameterMethod());
    putNullable(roller, "sensorOffsetCm", c.sensorOffsetCm());
    if (c.towardHead() == 0) roller.putNull("towardHead");
    else roller.put("towardHead", c.towardHead());
    FitQuality q = c.quality();
    ObjectNode quality = root.putObject("quality");
    quality.put("stillSeconds", q.stillSeconds());
    quality.put("gyroNoiseDps", q.gyroNoiseDps());
    quality.put("accelNoiseMg", q.accelNoiseMg());
    quality.put("poses", q.poses());
    quality.put("accelResidualMg", q.accelResidualMg());
    quality.put("misalignmentFitted", q.misalignmentFitted());
    quality.put("gyroScaleFitted", q.gyroScaleFitted());
    putNullable(quality, "gyroResidualDeg", q.gyroResidualDeg());
    quality.put("axisSpreadDeg", q.axisSpreadDeg());
    quality.put("rolledDeg", q.rolledDeg());
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /**
   * Writes atomically; when {@code file} exists it is first copied to {@code file.bak}.
   *
   * @return the backup written, or null when there was no previous file
   */
  public static Path write(DeviceCalibration c, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = com.rollercoach.io.AtomicOutput.createTemp(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
        out.write(toJson(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        ch.force(true);
      }
      Path backup = null;
      if (Files.exists(file)) {
        backup = file.resolveSibling(file.getFileName() + ".bak");
        Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return backup;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void putVector(ObjectNode o, String name, Vector3D v) {
    ArrayNode a = o.putArray(name);
    a.add(v.getX());
    a.add(v.getY());
    a.add(v.getZ());
  }

  private static void putNullable(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) o.putNull(name);
    else o.put(name, v);
  }
}
