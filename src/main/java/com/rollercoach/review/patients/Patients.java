package com.rollercoach.review.patients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.coach.Prescription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The patients of one data folder and what each was prescribed, with history.
 *
 * <p>One JSON file per patient, {@code DATA/patients/<name>.json} (the name URL-encoded, so any allowed
 * name is a safe file name on every OS). Files rather than a table in {@code library.db}: the library
 * index is a cache that {@code sessions reindex} rebuilds from files, and a prescription is a physio's
 * decision that must never live only in a cache. Each file holds the name and the list of prescriptions
 * with the day each takes effect; changing a prescription appends, so a session is always judged by the
 * prescription in force on its own date. Files are written to a temporary name and moved into place, so
 * a crash never leaves half a file.
 *
 * <p>Methods are synchronized: the window's background thread and its FX thread may both use one
 * instance. A patient never added (e.g. "unknown" sessions) simply has the protocol's defaults.
 */
public final class Patients {
  static final String FORMAT = "roller-coach-patient";
  static final int SCHEMA = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  private Patients(Path dir) {
    this.dir = dir;
  }

  /** The patients of data folder {@code dataDir} (the folder is created on the first write). */
  public static Patients open(Path dataDir) {
    return new Patients(dataDir.resolve("patients"));
  }

  /** Where the patient files live. */
  public Path folder() {
    return dir;
  }

  /** Every patient's name, sorted case-insensitively. */
  public synchronized List<String> names() {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) out.add(read(f).name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)).thenComparing(s -> s));
    return out;
  }

  /** Whether {@code name} has been added. */
  public synchronized boolean exists(String name) {
    return Files.exists(fileOf(PatientName.validate(name)));
  }

  /**
   * Adds a patient (no prescription yet: the protocol's defaults apply). Adding an existing name does
   * nothing. A name that is not allowed is an {@link IllegalArgumentException} with the reason.
   */
  public synchronized void add(String name) {
    String n = PatientName.validate(name);
    Path f = fileOf(n);
    if (Files.exists(f)) return;
    write(f, new Record(n, List.of()));
  }

  /** The prescription in force on {@code date}: the latest one starting on or before it, else the default. */
  public synchronized Prescription prescriptionOn(String patient, LocalDate date) {
    return inForce(history(patient), date);
  }

  /** As {@link #prescriptionOn}, from a history already read ({@link #history}). */
  public static Prescription inForce(List<Dated<Prescription>> history, LocalDate date) {
    Dated<Prescription> d = Dated.inForce(history, date);
    return d == null ? Prescription.protocolDefault() : d.value();
  }

  /**
   * Prescribes {@code p} from {@code from} on, adding the patient if needed. Earlier prescriptions stay
   * (sessions before {@code from} keep being judged by them); one already starting that same day is
   * replaced, as a correction of the same decision.
   */
  public synchronized void prescribe(String patient, Prescription p, LocalDate from) {
    String n = PatientName.validate(patient);
    Path f = fileOf(n);
    List<Dated<Prescription>> h = new ArrayList<>(Files.exists(f) ? read(f).history() : List.of());
    h.removeIf(d -> d.from().equals(from));
    h.add(new Dated<>(from, p));
    h.sort(Comparator.comparing(Dated::from));
    write(f, new Record(n, h));
  }

  /** Every prescription of {@code patient}, oldest first; empty for a patient never prescribed. */
  public synchronized List<Dated<Prescription>> history(String patient) {
    String n;
    try {
      n = PatientName.validate(patient);
    } catch (IllegalArgumentException e) {
      return List.of(); // e.g. a session's free-form patient text: it has the defaults
    }
    Path f = fileOf(n);
    return Files.exists(f) ? read(f).history() : List.of();
  }

  private Path fileOf(String name) {
    // Case-folded so "Anna" and "anna" are one patient on every file system.
    String key = URLEncoder.encode(name.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
    return dir.resolve(key + ".json");
  }

  private record Record(String name, List<Dated<Prescription>> history) {}

  private static Record read(Path f) {
    try {
      JsonNode o = JSON.readTree(f.toFile());
      if (o == null || !FORMAT.equals(o.path("format").asText()) || o.path("schema").asInt() != SCHEMA) {
        throw new PatientFileException(f + ": not a roller-coach patient file of schema " + SCHEMA);
      }
      String name = PatientName.validate(o.path("name").asText());
      List<Dated<Prescription>> h = new ArrayList<>();
      for (JsonNode e : o.path("prescriptions")) {
        h.add(new Dated<>(LocalDate.parse(e.path("from").asText()), prescription(e)));
      }
      h.sort(Comparator.comparing(Dated::from));
      return new Record(name, List.copyOf(h));
    } catch (NoSuchFileException e) {
      throw new PatientFileException(f + ": no such patient file");
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      throw new PatientFileException(f + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
    }
  }

  private static Prescription prescription(JsonNode e) {
    return new Prescription(
        num(e, "rolls_min").intValue(), num(e, "rolls_max").intValue(),
        num(e, "seconds_per_pass_min").doubleValue(), num(e, "seconds_per_pass_max").doubleValue(),
        num(e, "tender_spot_min_s").doubleValue(), num(e, "tender_spot_max_s").doubleValue(),
        num(e, "hold_s").doubleValue(), num(e, "sessions_per_week").intValue());
  }

  private static Number num(JsonNode e, String key) {
    JsonNode v = e.get(key);
    if (v == null || !v.isNumber()) throw new IllegalArgumentException("prescription." + key + ": missing or not a number");
    return v.numberValue();
  }

  private void write(Path f, Record r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("schema", SCHEMA);
    o.put("name", r.name());
    ArrayNode arr = o.putArray("prescriptions");
    for (Dated<Prescription> d : r.history()) {
      Prescription p = d.value();
      ObjectNode e = arr.addObject();
      e.put("from", d.from().toString());
      e.put("rolls_min", p.rollsMin());
      e.put("rolls_max", p.rollsMax());
      e.put("seconds_per_pass_min", p.secondsPerPassMin());
      e.put("seconds_per_pass_max", p.secondsPerPassMax());
      e.put("tender_spot_min_s", p.tenderSpotMinS());
      e.put("tender_spot_max_s", p.tenderSpotMaxS());
      e.put("hold_s", p.holdS());
      e.put("sessions_per_week", p.sessionsPerWeek());
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".patient", ".tmp");
      JSON.writeValue(tmp.toFile(), o);
      try {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(f + ": " + e.getMessage(), e);
    }
  }
}
