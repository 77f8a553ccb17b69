package com.rollercoach.core.detect;

import com.rollercoach.core.Median;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The one rule for pace: a pass's speed is its travel over the time actually spent rolling. A pass runs
 * turning point to turning point, so a stroke interrupted by a tender spot (the patient stops
 * mid-stroke, holds 1–2 minutes, then carries on), or one whose turning point falls inside a still
 * period, contains that still time: over its whole span it "moves" at 0.1–0.3 cm/s, which reads as a
 * nicely slow pass. Every pause (a still-loaded segment, a stretch off the roller) is cut out of the
 * pass first.
 *
 * <p>A data gap is not a pause: the pass's travel includes what the roller rolled across it (the
 * signal stage bridges it with the gravity angle), so its time is rolling time as much as the
 * samples' around it. Cut out, a 1 s Bluetooth gap early in a stroke doubled the pass's speed, and
 * the coach told somebody rolling at 2.3 cm/s to slow down (simulate --seed 30000116: "8.2 cm at
 * 5.2 cm/s"; 10 of 87 slow-down cues on 100 simulated sessions came from such gaps or the like).
 * Kept in, a gap during a pause inside a pass can only make the pass read slower, never too fast.
 *
 * <p>A finished analysis carries its pace by this rule ({@link SessionAnalysis#paceCmS}, set by
 * {@link AnalysisCollector}), so the summary, the verdicts, the JSON, the report and the library show
 * one number; the live coach ({@code core.coach.live.RollingPace}) applies it to the pauses known so
 * far. It lives with the detector's results because it needs nothing else.
 * Pauses are {from, to} in the input clock; {@code to} may be +∞ for a still period still running.
 */
public final class RollingTime {
  private RollingTime() {}

  /**
   * The pauses of a finished session: every still-loaded segment (tender spots, holds) and every
   * stretch off the roller, merged, as {from, to} in the recording clock (not data gaps: see above).
   */
  public static List<double[]> pauses(SessionAnalysis a) {
    List<double[]> p = new ArrayList<>();
    for (Dwell d : a.dwells()) p.add(new double[] {d.startS(), d.endS()});
    for (ExtensionHold h : a.holds()) p.add(new double[] {h.startS(), h.endS()});
    double last = a.startS();
    for (double[] on : a.onPeriods()) {
      if (on[0] > last) p.add(new double[] {last, on[0]});
      last = Math.max(last, on[1]);
    }
    if (a.endS() > last) p.add(new double[] {last, a.endS()});
    return merge(p);
  }

  /** The session's pace: median pass speed over rolling time only, cm/s; 0 without passes. */
  public static double pace(SessionAnalysis a) {
    List<double[]> pauses = pauses(a);
    double m = median(a.passes().stream().mapToDouble(p -> speed(p, pauses)).toArray());
    return Double.isNaN(m) ? 0 : m;
  }

  /** The pauses sorted by start with overlapping ones joined (copies; the input is not changed). */
  public static List<double[]> merge(List<double[]> pauses) {
    List<double[]> p = new ArrayList<>(pauses);
    p.sort(Comparator.comparingDouble(x -> x[0]));
    List<double[]> merged = new ArrayList<>();
    for (double[] x : p) {
      if (!merged.isEmpty() && x[0] <= merged.get(merged.size() - 1)[1]) {
        double[] m = merged.get(merged.size() - 1);
        m[1] = Math.max(m[1], x[1]);
      } else {
        merged.add(x.clone());
      }
    }
    return merged;
  }

  /** Seconds of {@code p} not inside a pause; {@code pauses} must not overlap ({@link #merge}). */
  public static double rollingSeconds(Pass p, List<double[]> pauses) {
    double s = p.durationS();
    for (double[] x : pauses) s -= Math.max(0, Math.min(p.endS(), x[1]) - Math.max(p.startS(), x[0]));
    return Math.max(0, s);
  }

  /** Travel over rolling time, cm/s; NaN when the pass has no rolling time at all. */
  public static double speed(Pass p, List<double[]> pauses) {
    double t = rollingSeconds(p, pauses);
    return t > 0 ? p.travelCm() / t : Double.NaN;
  }

  /** The median of {@code values} (NaN ignored); NaN when none. */
  public static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    return Median.of(v, v.length);
  }

  /**
   * Rolling stretches: the union of the passes' spans with every pause cut out, as {from, to, first
   * pass index, last pass index}. A pass cut by a tender spot belongs to the stretch before and the one
   * after it. A data gap does not cut a stretch (its time is rolling time; a table lists the gap in
   * its own row): cut there, sub-second Bluetooth gaps made rows of no length ("1:10 – 1:10 rolling:
   * pass 9") and named one pass in two rows.
   */
  public static List<double[]> stretches(SessionAnalysis a) {
    List<double[]> pauses = pauses(a);
    List<double[]> pieces = new ArrayList<>();
    for (Pass p : a.passes()) {
      double from = p.startS();
      for (double[] x : pauses) {
        if (x[1] <= from || x[0] >= p.endS()) continue;
        if (x[0] > from) pieces.add(new double[] {from, x[0], p.index(), p.index()});
        from = Math.max(from, x[1]);
      }
      if (p.endS() > from) pieces.add(new double[] {from, p.endS(), p.index(), p.index()});
    }
    pieces.sort(Comparator.comparingDouble(x -> x[0]));
    List<double[]> out = new ArrayList<>();
    for (double[] x : pieces) {
      double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      // Consecutive pieces join unless a pause lies between them.
      if (last != null && x[0] - last[1] < 1e-9 && !pauseBetween(pauses, last[1], x[0])) {
        last[1] = Math.max(last[1], x[1]);
        last[3] = Math.max(last[3], x[3]);
      } else {
        out.add(Arrays.copyOf(x, 4));
      }
    }
    return out;
  }

  private static boolean pauseBetween(List<double[]> pauses, double from, double to) {
    for (double[] x : pauses) if (x[0] >= from - 1e-9 && x[0] <= to + 1e-9 && x[1] > x[0]) return true;
    return false;
  }
}
