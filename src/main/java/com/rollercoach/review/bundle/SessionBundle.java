package com.rollercoach.review.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.patients.Dated;
import com.rollercoach.review.patients.Patients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * "Send to the physio": a patient's sessions as one zip file, and its merge into another library.
 *
 * <p>A bundle holds {@code roller-coach-bundle.json} (the manifest: format, version, patient, when,
 * and every other entry with its size and SHA-256), each session's recording and its
 * {@code .session.json} (patient, date, device, notes), and the patient's prescriptions with their
 * history. A bundle is recognised by that manifest, never by its extension.
 *
 * <p>Import checks everything before writing anything: the manifest's format and version, that every
 * listed entry is present with its checksum, that names are plain file names (no folders, no "..": a
 * bundle comes from another machine), and that nothing else claims to be a session. Sessions whose id
 * is already in the library are skipped (ids are the start time plus the recording's hash, so the same
 * recording always has the same id): a second import adds nothing. Prescriptions missing locally (by
 * the day they take effect) are added; the physio's own entries win.
 */
public final class SessionBundle {
  public static final String MANIFEST = "roller-coach-bundle.json";
  public static final String FORMAT = "roller-coach-bundle";
  public static final int VERSION = 1;
  /** The bundles are small; the cap stops a zip bomb from filling the disk before checksums fail. */
  static final long MAX_ENTRY_BYTES = 512L << 20;
  private static final Pattern RECORDING = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(csv|rcrec)");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SessionBundle() {}

  /** What an export wrote. */
  public record Exported(Path file, int sessions) {}

  /** What an import did. */
  public record Imported(String patient, List<String> added, List<String> skipped, int prescriptionsAdded) {}

  /**
   * Writes {@code patient}'s sessions (those started on or after {@code since}, all when null) to
   * {@code zip}.
   */
  public static Exported export(SessionLibrary lib, Patients patients, String patient, LocalDate since, Path zip)
      throws IOException {
    Instant from = since == null ? null : since.atStartOfDay(ZoneId.systemDefault()).toInstant();
    List<SessionEntry> sessions = lib.list(SessionFilter.all().withPatient(patient).between(from, null));
    if (sessions.isEmpty()) {
      throw new IOException("no sessions of " + patient + (since == null ? "" : " since " + since) + " in " + lib.root());
    }
    ObjectNode manifest = JSON.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("version", VERSION);
    manifest.put("patient", patient);
    manifest.put("created", Instant.now().toString());
    ArrayNode files = manifest.putArray("files");
    ArrayNode ids = manifest.putArray("sessions");
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    for (SessionEntry e : sessions) {
      String rec = e.recording().getFileName().toString();
      entries.put("sessions/" + rec, Files.readAllBytes(e.recording()));
      Path sidecar = lib.sessionsDir().resolve(e.id() + ".session.json");
      if (Files.exists(sidecar)) entries.put("sessions/" + e.id() + ".session.json", withoutLocalPaths(sidecar));
      ObjectNode s = ids.addObject();
      s.put("id", e.id());
      s.put("recording", "sessions/" + rec);
      s.put("started_at", e.startedAt().toString());
    }
    ObjectNode rx = JSON.createObjectNode();
    rx.put("patient", patient);
    ArrayNode hist = rx.putArray("prescriptions");
    for (Dated<Prescription> d : patients.history(patient)) {
      Prescription p = d.value();
      ObjectNode o = hist.addObject();
      o.put("from", d.from().toString());
      o.put("rolls_min", p.rollsMin());
      o.put("rolls_max", p.rollsMax());
      o.put("seconds_per_pass_min", p.secondsPerPassMin());
      o.put("seconds_per_pass_max", p.secondsPerPassMax());
      o.put("tender_spot_min_s", p.tenderSpotMinS());
      o.put("tender_spot_max_s", p.tenderSpotMaxS());
      o.put("hold_s", p.holdS());
      o.put("sessions_per_week", p.sessionsPerWeek());
    }
    entries.put("prescription.json", JSON.writeValueAsBytes(rx));
    for (var en : entries.entrySet()) {
      ObjectNode f = files.addObject();
      f.put("name", en.getKey());
      f.put("size", en.getValue().length);
      f.put("sha256", sha256(en.getValue()));
    }
    // all or nothing, and where a link points (the rename of a temporary file replaced the link)
    com.rollercoach.io.AtomicOutput.write(zip, true, tmp -> {
      try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(os)) {
        put(z, MANIFEST, JSON.writeValueAsBytes(manifest));
        for (var en : entries.entrySet()) put(z, en.getKey(), en.getValue());
      }
    });
    return new Exported(zip, sessions.size());
  }

  /**
   * The sidecar as sent: its "source" (where the file was imported from on the patient's machine, an
   * absolute path with their user name) reduced to the file name; nothing else changes.
   */
  private static byte[] withoutLocalPaths(Path sidecar) throws IOException {
    JsonNode o = JSON.readTree(sidecar.toFile());
    if (o instanceof ObjectNode on && on.path("source").isTextual()) {
      String src = on.path("source").asText();
      int cut = Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\'));
      on.put("source", cut >= 0 ? src.substring(cut + 1) : src);
    }
    return JSON.writeValueAsBytes(o);
  }

  /** Whether {@code file} is a bundle: a zip with our manifest (whatever its name). */
  public static boolean isBundle(Path file) {
    if (!Files.isRegularFile(file)) return false;
    try (ZipFile z = new ZipFile(file.toFile())) {
      ZipEntry m = z.getEntry(MANIFEST);
      if (m == null) return false;
      try (InputStream in = z.getInputStream(m)) {
        return FORMAT.equals(JSON.readTree(readCapped(in, 1 << 20, MANIFEST)).path("format").asText());
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Merges a bundle into {@code lib} and {@code patients}; see the class comment. */
  public static Imported importBundle(Path zip, SessionLibrary lib, Patients patients) throws IOException {
    Map<String, byte[]> content = new HashMap<>();
    JsonNode manifest;
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry me = z.getEntry(MANIFEST);
      if (me == null) throw bad(zip, "no " + MANIFEST + ": not a Roller Coach bundle");
      try (InputStream in = z.getInputStream(me)) {
        manifest = JSON.readTree(readCapped(in, 1 << 20, MANIFEST));
      }
      if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
        throw bad(zip, MANIFEST + ": not a Roller Coach bundle manifest");
      }
      if (manifest.path("version").asInt() != VERSION) {
        throw bad(zip, "bundle version " + manifest.path("version") + " is not supported (this program reads " + VERSION + ")");
      }
      for (JsonNode f : manifest.path("files")) {
        String name = f.path("name").asText();
        checkName(zip, name);
        ZipEntry e = z.getEntry(name);
        if (e == null) throw bad(zip, name + ": listed in the manifest but missing");
        byte[] bytes;
        try (InputStream in = z.getInputStream(e)) {
          bytes = readCapped(in, MAX_ENTRY_BYTES, name);
        }
        if (bytes.length != f.path("size").asLong(-1) || !sha256(bytes).equals(f.path("sha256").asText())) {
          throw bad(zip, name + ": checksum mismatch (the bundle is damaged or was changed)");
        }
        content.put(name, bytes);
      }
    } catch (ZipException e) {
      throw bad(zip, "not a readable zip file (" + e.getMessage() + ")");
    }
    String patient = manifest.path("patient").asText();
    List<String> added = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JsonNode s : manifest.path("sessions")) {
      String id = s.path("id").asText();
      String rec = s.path("recording").asText();
      if (!validId(id) || !rec.startsWith("sessions/")
          || !RECORDING.matcher(rec.substring("sessions/".length())).matches() || !content.containsKey(rec)) {
        throw bad(zip, "session " + id + ": bad or unlisted recording " + rec);
      }
      if (exists(lib, id)) {
        skipped.add(id);
        continue;
      }
      // the library's own checks: one id pattern, every path inside its sessions folder
      Path target = lib.inSessions(lib.sessionsDir().resolve(rec.substring("sessions/".length())));
      if (Files.exists(target)) {
        skipped.add(id);
        continue;
      }
      byte[] sidecar = content.get("sessions/" + id + ".session.json");
      Path sidecarFile = lib.inSessions(lib.sessionsDir().resolve(id + ".session.json"));
      Files.createDirectories(lib.sessionsDir());
      Files.write(target, content.get(rec));
      try {
        if (sidecar != null) Files.write(sidecarFile, sidecar);
        lib.adopt(target);
        added.add(id);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(target);
        Files.deleteIfExists(sidecarFile);
        throw bad(zip, "session " + id + ": " + e.getMessage());
      }
    }
    int rxAdded = mergePrescriptions(zip, content.get("prescription.json"), patients);
    return new Imported(patient, added, skipped, rxAdded);
  }

  private static boolean validId(String id) {
    try {
      SessionLibrary.checkedId(id);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean exists(SessionLibrary lib, String id) {
    try {
      return lib.get(id).id().equals(id);
    } catch (IOException e) {
      return false;
    }
  }

  private static int mergePrescriptions(Path zip, byte[] json, Patients patients) throws IOException {
    if (json == null) return 0;
    JsonNode rx = JSON.readTree(json);
    String patient = rx.path("patient").asText();
    if (patient.isEmpty()) return 0;
    var local = patients.history(patient).stream().map(Dated::from).toList();
    int n = 0;
    try {
      patients.add(patient);
      for (JsonNode o : rx.path("prescriptions")) {
        LocalDate from = LocalDate.parse(o.path("from").asText());
        if (local.contains(from)) continue;
        patients.prescribe(patient, new Prescription(o.path("rolls_min").asInt(), o.path("rolls_max").asInt(),
            o.path("seconds_per_pass_min").asDouble(), o.path("seconds_per_pass_max").asDouble(),
            o.path("tender_spot_min_s").asDouble(), o.path("tender_spot_max_s").asDouble(),
            o.path("hold_s").asDouble(), o.path("sessions_per_week").asInt()), from);
        n++;
      }
    } catch (RuntimeException e) {
      throw bad(zip, "prescription.json: " + e.getMessage());
    }
    return n;
  }

  private static void checkName(Path zip, String name) throws IOException {
    boolean ok = name.equals("prescription.json")
        || (name.startsWith("sessions/") && name.indexOf('/', "sessions/".length()) < 0
            && Pattern.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,140}", name.substring("sessions/".length()))
            && !name.contains(".."));
    if (!ok) throw bad(zip, "entry \"" + name.replaceAll("\\p{Cntrl}", "?") + "\": not a name a bundle may contain");
  }

  private static IOException bad(Path zip, String why) {
    return new IOException(zip + ": " + why);
  }

  private static byte[] readCapped(InputStream in, long cap, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > cap) throw new IOException(name + ": larger than " + (cap >> 20) + " MB");
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(bytes);
    z.closeEntry();
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For messages: {@code n} sessions, in words. */
  static String plural(int n) {
    return n + (n == 1 ? " session" : " sessions");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
