package com.rollercoach.review.report;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
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
   * The events with each run of consecutive passes folded into one {@link Kind#ROLLING} row: a
   * physio reads "passes 1–11, 0 to +20 cm" before the pass-by-pass detail.
   */
  public static List<EventRow> condensed(List<EventRow> rows) {
    List<EventRow> out = new ArrayList<>();
    List<EventRow> run = new ArrayList<>();
    for (EventRow r : rows) {
      if (r.kind() == Kind.PASS) {
        run.add(r);
        continue;
      }
      flush(run, out);
      out.add(r);
    }
    flush(run, out);
    return out;
  }

  private static void flush(List<EventRow> run, List<EventRow> out) {
    if (run.isEmpty()) return;
    EventRow first = run.get(0);
    EventRow last = run.get(run.size() - 1);
    String passes = run.size() == 1 ? first.label()
        : first.label().replace("Pass", "Passes") + "–" + last.label().substring("Pass ".length());
    out.add(new EventRow(Kind.ROLLING, "Rolling", first.startS(), last.endS(), Double.NaN,
        passes + " (" + run.size() + ")"));
    run.clear();
  }

  /** The session's events in time order: getting on and off, passes, dwells, holds, data gaps. */
  public static List<EventRow> of(SessionAnalysis a) {
    double t0 = a.startS();
    List<EventRow> rows = new ArrayList<>();
    for (double[] on : a.onPeriods()) {
      rows.add(new EventRow(Kind.ON, "On the roller", on[0] - t0, on[0] - t0, Double.NaN, ""));
      rows.add(new EventRow(Kind.OFF, "Off the roller", on[1] - t0, on[1] - t0, Double.NaN, ""));
    }
    for (Pass p : a.passes()) {
      rows.add(new EventRow(Kind.PASS, "Pass " + p.index(), p.startS() - t0, p.endS() - t0,
          p.toCm(), String.format(Locale.ROOT, "%+.0f → %+.0f cm, %.0f cm at %.1f cm/s",
              p.fromCm(), p.toCm(), p.travelCm(), p.meanSpeedCmS())));
    }
    int n = 0;
    for (Dwell d : a.dwells()) {
      rows.add(new EventRow(Kind.DWELL, "Tender spot " + ++n, d.startS() - t0, d.endS() - t0,
          d.positionCm(), String.format(Locale.ROOT, "held %.0f s at %+.0f cm", d.durationS(),
              d.positionCm())));
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
