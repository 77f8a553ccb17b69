package com.rollercoach.review.report;

import com.rollercoach.core.coach.SpotText;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.Rolling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One line of a session's event table, in seconds from the session start (the recording's own clock
 * has an arbitrary offset; a physio thinks in "3 minutes in").
 *
 * @param positionCm where along the back, NaN when it does not apply
 */
public record EventRow(Kind kind, String label, double startS, double endS, double positionCm,
    String detail) {

  public enum Kind { ON, OFF, PASS, ROLLING, DWELL, HOLD, GAP }

  public double durationS() {
    return endS - startS;
  }

  /**
   * The events with the passes folded into {@link Kind#ROLLING} rows, one per rolling stretch: a physio
   * reads "passes 1–11" before the pass-by-pass detail. Stretches are split at every still period, off
   * stretch ({@link Rolling#stretches}), so no rolling row overlaps another (a data gap is a row within one); a pass interrupted by a
   * tender spot is named in the stretch before it and the one after.
   */
  public static List<EventRow> condensed(SessionAnalysis a) {
    return condensed(a, true);
  }

  /** {@link #condensed(SessionAnalysis)}, tender spots signed only when the back frame's direction is known. */
  public static List<EventRow> condensed(SessionAnalysis a, boolean directionKnown) {
    double t0 = a.startS();
    List<EventRow> out = new ArrayList<>();
    for (EventRow r : of(a, directionKnown)) if (r.kind() != Kind.PASS) out.add(r);
    List<double[]> pauses = Rolling.pauses(a);
    for (double[] st : Rolling.stretches(a)) {
      int first = (int) st[2];
      int last = (int) st[3];
      double travel = 0;
      double time = 0;
      for (Pass p : a.passes()) {
        if (p.index() < first || p.index() > last) continue;
        double overlap = Math.max(0, Math.min(p.endS(), st[1]) - Math.max(p.startS(), st[0]));
        double rolling = Rolling.rollingSeconds(p, pauses);
        if (rolling <= 0) continue;
        // the share of the pass's travel done in this stretch, assuming an even pace while rolling
        travel += p.travelCm() * Math.min(1, overlap / rolling);
        time += overlap;
      }
      String passes = first == last ? "Pass " + first : "Passes " + first + "–" + last;
      out.add(new EventRow(Kind.ROLLING, "Rolling", st[0] - t0, st[1] - t0, Double.NaN,
          passes + " (" + (last - first + 1) + ")" + (time > 0
              ? String.format(Locale.ROOT, ", %.1f cm/s", travel / time) : "")));
    }
    out.sort(Comparator.comparingDouble(EventRow::startS).thenComparing(EventRow::kind));
    return out;
  }

  /** The session's events in time order: getting on and off, passes, dwells, holds, data gaps. */
  public static List<EventRow> of(SessionAnalysis a) {
    return of(a, true);
  }

  /** {@link #of(SessionAnalysis)}, tender spots signed only when the back frame's direction is known. */
  public static List<EventRow> of(SessionAnalysis a, boolean directionKnown) {
    double t0 = a.startS();
    List<EventRow> rows = new ArrayList<>();
    for (double[] on : a.onPeriods()) {
      rows.add(new EventRow(Kind.ON, "On the roller", on[0] - t0, on[0] - t0, Double.NaN, ""));
      rows.add(new EventRow(Kind.OFF, "Off the roller", on[1] - t0, on[1] - t0, Double.NaN, ""));
    }
    List<double[]> pauses = Rolling.pauses(a);
    for (Pass p : a.passes()) {
      double rolling = Rolling.rollingSeconds(p, pauses);
      String paused = rolling < p.durationS() - 0.5
          ? String.format(Locale.ROOT, " (%.0f s of it still or off)", p.durationS() - rolling) : "";
      rows.add(new EventRow(Kind.PASS, "Pass " + p.index(), p.startS() - t0, p.endS() - t0,
          p.toCm(), String.format(Locale.ROOT, "%s → %s cm, %.0f cm at %.1f cm/s%s",
              com.rollercoach.core.NumberText.signed(p.fromCm(), 0), com.rollercoach.core.NumberText.signed(p.toCm(), 0), p.travelCm(),
              Rolling.speed(p, pauses), paused)));
    }
    int n = 0;
    for (Dwell d : a.dwells()) {
      rows.add(new EventRow(Kind.DWELL, "Tender spot " + ++n, d.startS() - t0, d.endS() - t0,
          d.positionCm(), SpotText.where(d.positionCm(), directionKnown, d.durationS())));
    }
    for (ExtensionHold h : a.holds()) {
      rows.add(new EventRow(Kind.HOLD, "Extension hold", h.startS() - t0, h.endS() - t0,
          h.positionCm(), String.format(Locale.ROOT, "%.0f s, %d breaths%s", h.durationS(),
              h.breaths(), Double.isNaN(h.breathsPerMin()) ? ""
                  : String.format(Locale.ROOT, " (%.1f /min)", h.breathsPerMin()))));
    }
    for (double[] g : a.gaps()) {
      rows.add(new EventRow(Kind.GAP, "Data gap", g[0] - t0, g[1] - t0, Double.NaN,
          String.format(Locale.ROOT, "%.1f s without samples", g[1] - g[0])));
    }
    rows.sort(Comparator.comparingDouble(EventRow::startS).thenComparing(EventRow::kind));
    return rows;
  }
}
