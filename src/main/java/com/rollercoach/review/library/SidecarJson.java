package com.rollercoach.review.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.DataQuality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads and writes the two JSON files kept beside each recording: the manifest ({@code
 * <id>.session.json}) and the analysis ({@code <id>.analysis.json}, field names as in {@code analyze
 * --json}: snake_case, seconds in the input's clock, cm). Both carry a {@code schema} number. Files are
 * written to a temporary name and moved into place, so a crash never leaves half a file.
 */
public final class SidecarJson {
  static final int MANIFEST_SCHEMA = 1;
  static final int ANALYSIS_SCHEMA = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SidecarJson() {}

  public static void writeManifest(Path file, SessionManifest m) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema", MANIFEST_SCHEMA);
    o.put("id", m.id());
    o.put("patient", m.patient());
    o.put("started_at", m.startedAt().toString());
    o.put("device", m.device());
    o.put("calibration", m.calibration());
    o.put("roller_diameter_cm", m.rollerDiameterCm());
    o.put("source", m.source());
    ObjectNode n = o.putObject("notes");
    m.notes().painBefore().ifPresent(p -> n.put("pain_before", p));
    m.notes().painAfter().ifPresent(p -> n.put("pain_after", p));
    n.put("text", m.notes().text());
    write(file, o);
  }

  public static SessionManifest readManifest(Path file) throws IOException {
    JsonNode o = read(file, MANIFEST_SCHEMA);
    JsonNode n = o.path("notes");
    try {
      return new SessionManifest(
          text(o, "id", file),
          text(o, "patient", file),
          Instant.parse(text(o, "started_at", file)),
          o.path("device").asText(""),
          o.path("calibration").asText(""),
          o.path("roller_diameter_cm").asDouble(Double.NaN),
          o.path("source").asText(""),
          new SessionNotes(pain(n, "pain_before"), pain(n, "pain_after"), n.path("text").asText("")));
    } catch (RuntimeException e) {
      throw new IOException(file + ": " + e.getMessage());
    }
  }

  public static void writeAnalysis(Path file, SessionAnalysis a, DataQuality q) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema", ANALYSIS_SCHEMA);
    o.put("start_s", a.startS());
    o.put("end_s", a.endS());
    o.put("duration_s", a.durationS());
    o.put("passes", a.passes().size());
    o.put("rolls", a.rolls());
    o.put("pace_cm_s", a.paceCmS());
    o.put("range_cm", a.rangeCm());
    spans(o.putArray("on_periods"), a.onPeriods());
    ArrayNode passes = o.putArray("pass_list");
    for (Pass p : a.passes()) {
      passes.addObject().put("index", p.index()).put("start_s", p.startS()).put("end_s", p.endS())
          .put("from_cm", p.fromCm()).put("to_cm", p.toCm());
    }
    ArrayNode dwells = o.putArray("dwells");
    for (Dwell d : a.dwells()) {
      dwells.addObject().put("start_s", d.startS()).put("end_s", d.endS())
          .put("position_cm", d.positionCm());
    }
    ArrayNode holds = o.putArray("extension_holds");
    for (ExtensionHold h : a.holds()) {
      holds.addObject().put("start_s", h.startS()).put("end_s", h.endS())
          .put("position_cm", h.positionCm()).put("breaths", h.breaths())
          .put("breaths_per_min", h.breathsPerMin());
    }
    spans(o.putArray("gaps"), a.gaps());
    ObjectNode qn = o.putObject("quality");
    qn.put("samples", q.samples()).put("nominal_rate_hz", q.nominalRateHz()).put("gaps", q.gaps())
        .put("gap_s", q.gapS()).put("longest_gap_s", q.longestGapS())
        .put("missing_samples", q.missingSamples());
    q.framesLost().ifPresent(v -> qn.put("frames_lost", v));
    q.crcFailures().ifPresent(v -> qn.put("crc_failures", v));
    if (!q.recordingNote().isEmpty()) qn.put("recording_note", q.recordingNote());
    write(file, o);
  }

  /** A stored analysis with its data quality. */
  public record StoredAnalysis(SessionAnalysis analysis, DataQuality quality) {}

  public static StoredAnalysis readAnalysis(Path file) throws IOException {
    JsonNode o = read(file, ANALYSIS_SCHEMA);
    List<Pass> passes = new ArrayList<>();
    for (JsonNode p : o.path("pass_list")) {
      passes.add(new Pass(p.path("index").asInt(), p.path("start_s").asDouble(),
          p.path("end_s").asDouble(), p.path("from_cm").asDouble(), p.path("to_cm").asDouble()));
    }
    List<Dwell> dwells = new ArrayList<>();
    for (JsonNode d : o.path("dwells")) {
      dwells.add(new Dwell(d.path("start_s").asDouble(), d.path("end_s").asDouble(),
          d.path("position_cm").asDouble()));
    }
    List<ExtensionHold> holds = new ArrayList<>();
    for (JsonNode h : o.path("extension_holds")) {
      holds.add(new ExtensionHold(h.path("start_s").asDouble(), h.path("end_s").asDouble(),
          h.path("position_cm").asDouble(), h.path("breaths").asInt(),
          h.path("breaths_per_min").asDouble(Double.NaN)));
    }
    SessionAnalysis a = new SessionAnalysis(
        o.path("start_s").asDouble(), o.path("end_s").asDouble(), spans(o.path("on_periods")),
        passes, o.path("rolls").asInt(), dwells, holds, o.path("pace_cm_s").asDouble(),
        o.path("range_cm").asDouble(), spans(o.path("gaps")));
    JsonNode q = o.path("quality");
    DataQuality quality = new DataQuality(
        q.path("samples").asLong(), q.path("nominal_rate_hz").asDouble(), q.path("gaps").asInt(),
        q.path("gap_s").asDouble(), q.path("longest_gap_s").asDouble(),
        q.path("missing_samples").asLong(), optionalLong(q, "frames_lost"),
        optionalLong(q, "crc_failures"), q.path("recording_note").asText(""));
    return new StoredAnalysis(a, quality);
  }

  private static void spans(ArrayNode out, List<double[]> spans) {
    for (double[] s : spans) out.addArray().add(s[0]).add(s[1]);
  }

  private static List<double[]> spans(JsonNode arr) {
    List<double[]> out = new ArrayList<>();
    for (JsonNode s : arr) out.add(new double[] {s.path(0).asDouble(), s.path(1).asDouble()});
    return out;
  }

  private static OptionalInt pain(JsonNode n, String key) {
    return n.hasNonNull(key) ? OptionalInt.of(n.get(key).asInt()) : OptionalInt.empty();
  }

  private static OptionalLong optionalLong(JsonNode n, String key) {
    return n.hasNonNull(key) ? OptionalLong.of(n.get(key).asLong()) : OptionalLong.empty();
  }

  private static String text(JsonNode o, String key, Path file) throws IOException {
    JsonNode v = o.get(key);
    if (v == null || !v.isTextual()) throw new IOException(file + ": missing \"" + key + "\"");
    return v.asText();
  }

  private static JsonNode read(Path file, int schema) throws IOException {
    JsonNode o;
    try {
      o = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (o == null || !o.isObject()) throw new IOException(file + ": not a JSON object");
    int found = o.path("schema").asInt(-1);
    if (found != schema) {
      throw new IOException(file + ": schema " + found + ", expected " + schema);
    }
    return o;
  }

  private static void write(Path file, JsonNode o) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), o);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
