package com.rollercoach.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.coach.Verdict;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.List;

/**
 * The JSON form of a session analysis — a contract read by acceptance checks, reports and the
 * library. Stable fields (names and meanings never change; times are in the input's own t_s clock):
 *
 * <pre>
 * passes            int     passes (one-way strokes of ≥ 5 cm)
 * rolls             int     up-and-down pairs of passes
 * dwells            [{start_s, end_s, position_cm, duration_s}]
 * extension_holds   [{start_s, end_s, breaths, duration_s, position_cm, breaths_per_min}]
 * duration_s        number  last − first sample time
 * pace_cm_s         number  median pass speed
 * range_cm          number  span of the positions the passes reached
 * </pre>
 *
 * Further fields: start_s, end_s, roller_diameter_cm, samples, on_periods [{start_s, end_s}],
 * pass_list [{index, start_s, end_s, from_cm, to_cm, travel_cm, direction}], gaps [{from_s, to_s}],
 * verdicts [{aspect, level, value, message}], warnings [string]. Unknown numbers (NaN) are null.
 */
public final class AnalysisJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AnalysisJson() {}

  public static ObjectNode toJson(SessionAnalyzer.Result result, List<Verdict> verdicts) {
    ObjectNode root = toJson(result.analysis(), verdicts);
    root.put("file", result.file().toString());
    put(root, "roller_diameter_cm", result.rollerDiameterCm());
    root.put("samples", result.samples());
    ArrayNode w = root.putArray("warnings");
    result.warnings().forEach(w::add);
    return root;
  }

  public static ObjectNode toJson(SessionAnalysis a, List<Verdict> verdicts) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("passes", a.passes().size());
    root.put("rolls", a.rolls());
    ArrayNode dwells = root.putArray("dwells");
    for (Dwell d : a.dwells()) {
      ObjectNode o = dwells.addObject();
      put(o, "start_s", d.startS());
      put(o, "end_s", d.endS());
      put(o, "position_cm", d.positionCm());
      put(o, "duration_s", d.durationS());
    }
    ArrayNode holds = root.putArray("extension_holds");
    for (ExtensionHold h : a.holds()) {
      ObjectNode o = holds.addObject();
      put(o, "start_s", h.startS());
      put(o, "end_s", h.endS());
      o.put("breaths", h.breaths());
      put(o, "duration_s", h.durationS());
      put(o, "position_cm", h.positionCm());
      put(o, "breaths_per_min", h.breathsPerMin());
    }
    put(root, "duration_s", a.durationS());
    put(root, "pace_cm_s", a.paceCmS());
    put(root, "range_cm", a.rangeCm());
    put(root, "start_s", a.startS());
    put(root, "end_s", a.endS());
    ArrayNode on = root.putArray("on_periods");
    for (double[] p : a.onPeriods()) {
      ObjectNode o = on.addObject();
      put(o, "start_s", p[0]);
      put(o, "end_s", p[1]);
    }
    ArrayNode passes = root.putArray("pass_list");
    for (Pass p : a.passes()) {
      ObjectNode o = passes.addObject();
      o.put("index", p.index());
      put(o, "start_s", p.startS());
      put(o, "end_s", p.endS());
      put(o, "from_cm", p.fromCm());
      put(o, "to_cm", p.toCm());
      put(o, "travel_cm", p.travelCm());
      o.put("direction", p.direction());
    }
    ArrayNode gaps = root.putArray("gaps");
    for (double[] g : a.gaps()) {
      ObjectNode o = gaps.addObject();
      put(o, "from_s", g[0]);
      put(o, "to_s", g[1]);
    }
    ArrayNode vs = root.putArray("verdicts");
    for (Verdict v : verdicts) {
      ObjectNode o = vs.addObject();
      o.put("aspect", v.aspect().name().toLowerCase());
      o.put("level", v.level().name().toLowerCase());
      put(o, "value", v.value());
      o.put("message", v.message());
    }
    return root;
  }

  /** Pretty-printed JSON text. */
  public static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Numbers rounded to 3 decimals (ms, 10 µm): more would be noise; NaN/∞ become null. */
  private static void put(ObjectNode o, String name, double v) {
    if (Double.isFinite(v)) o.put(name, Math.round(v * 1000) / 1000.0);
    else o.putNull(name);
  }
}
