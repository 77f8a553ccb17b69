package com.rollercoach.review.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.review.analysis.DataQuality;
import com.rollercoach.review.analysis.PositionTrace;
import com.rollercoach.review.analysis.GapTotals;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.Verdict;
import com.rollercoach.review.library.SessionEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The report's data for spreadsheets and scripts: the event table as CSV (RFC 4180 quoting), or
 * everything (session, verdicts, events, data quality, the decimated s(t) trace) as JSON. Times are
 * seconds from the session start.
 */
public final class SessionExport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SessionExport() {}

  /**
   * @param directionKnown whether the session's back frame knows the direction toward the head: tender
   *     spots are signed in the details only then, as in the HTML report and {@code sessions show}
   */
  public static String eventsCsv(ReplayResult r, boolean directionKnown) {
    StringBuilder sb = new StringBuilder("event,label,start_s,end_s,duration_s,position_cm,details\r\n");
    for (EventRow e : EventRow.of(r.analysis(), directionKnown)) {
      sb.append(e.kind().name().toLowerCase(Locale.ROOT)).append(',')
          .append(csv(e.label())).append(',')
          .append(num(e.startS())).append(',')
          .append(num(e.endS())).append(',')
          .append(num(e.durationS())).append(',')
          .append(Double.isNaN(e.positionCm()) ? "" : num(e.positionCm())).append(',')
          .append(csv(e.detail())).append("\r\n");
    }
    return sb.toString();
  }

  /** @param directionKnown as for {@link #eventsCsv} */
  public static String json(SessionEntry session, ReplayResult r, List<Verdict> verdicts, boolean directionKnown) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode s = o.putObject("session");
    s.put("id", session.id()).put("patient", session.patient())
        .put("started_at", session.startedAt().toString()).put("device", session.device())
        .put("calibration", session.calibration()).put("roller_diameter_cm", session.rollerDiameterCm());
    session.notes().painBefore().ifPresent(p -> s.put("pain_before", p));
    session.notes().painAfter().ifPresent(p -> s.put("pain_after", p));
    s.put("note", session.notes().text());
    var a = r.analysis();
    ObjectNode sum = o.putObject("summary");
    sum.put("duration_s", a.durationS()).put("passes", a.passes().size()).put("rolls", a.rolls())
        .put("pace_cm_s", a.paceCmS()).put("range_cm", a.rangeCm()).put("dwells", a.dwells().size())
        .put("extension_holds", a.holds().size());
    ArrayNode vs = o.putArray("verdicts");
    for (Verdict v : verdicts) {
      vs.addObject().put("topic", v.topic()).put("measured", v.measured()).put("target", v.target())
          .put("status", v.status().name().toLowerCase(Locale.ROOT));
    }
    ArrayNode ev = o.putArray("events");
    for (EventRow e : EventRow.of(a, directionKnown)) {
      ObjectNode n = ev.addObject().put("event", e.kind().name().toLowerCase(Locale.ROOT))
          .put("label", e.label()).put("start_s", e.startS()).put("end_s", e.endS());
      if (!Double.isNaN(e.positionCm())) n.put("position_cm", e.positionCm());
      n.put("details", e.detail());
    }
    DataQuality q = r.quality();
    ObjectNode qn = o.putObject("quality");
    GapTotals gaps = GapTotals.of(a);
    qn.put("samples", q.samples()).put("nominal_rate_hz", q.nominalRateHz()).put("gaps", gaps.count())
        .put("gap_s", gaps.totalS()).put("missing_samples", q.missingSamples())
        .put("completeness", q.completeness());
    q.framesLost().ifPresent(v -> qn.put("frames_lost", v));
    PositionTrace t = r.trace();
    ObjectNode tn = o.putObject("trace");
    tn.put("interval_s", t.intervalS());
    ArrayNode ts = tn.putArray("t_s");
    ArrayNode ss = tn.putArray("s_cm");
    ArrayNode vv = tn.putArray("v_cm_s");
    ArrayNode on = tn.putArray("on_roller");
    for (int i = 0; i < t.size(); i++) {
      ts.add(round3(t.timeS(i) - a.startS()));
      ss.add(round3(t.positionCm(i)));
      vv.add(round3(t.speedCmS(i)));
      on.add(t.onRoller(i));
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
