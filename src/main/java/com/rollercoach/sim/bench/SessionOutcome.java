package com.rollercoach.sim.bench;

import com.rollercoach.sim.SessionTruth;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's detections scored against its truth.
 *
 * @param dwellOnsetErrorsS detected − true start of every matched dwell, s
 * @param dwellOffsetErrorsS detected − true end of every matched dwell, s
 * @param holdOnsetErrorsS detected − true start of every matched hold, s
 * @param holdOffsetErrorsS detected − true end of every matched hold, s
 * @param breathErrors detected − true breaths of every true hold; null for a hold that was missed
 * @param onErrorsS detected − true time of getting on, for each stay matched in order (diagnostic)
 * @param setup the simulated setup's name (the conditions), "ordinary" when none
 * @param passLatenciesS for each true pass matched by a live pass event: emitted − confirmable time
 *     (the 2 cm reversal, or the roller coming to rest), s
 * @param corrections live pass announcements taken back
 */
public record SessionOutcome(
    String label,
    String profile,
    int truePasses,
    int detectedPasses,
    IntervalMatcher.Matching dwells,
    IntervalMatcher.Matching holds,
    List<Double> dwellOnsetErrorsS,
    List<Double> dwellOffsetErrorsS,
    List<Double> holdOnsetErrorsS,
    List<Double> holdOffsetErrorsS,
    List<Integer> breathErrors,
    List<Double> onErrorsS,
    String setup,
    List<Double> passLatenciesS,
    int corrections) {

  /** IoU a detection needs with a true event to count as finding it. */
  public static final double MIN_IOU = 0.5;

  public boolean passCountExact() {
    return truePasses == detectedPasses;
  }

  /** Onset errors of matched dwells and holds together (the metric's population). */
  public List<Double> onsetErrorsS() {
    return concat(dwellOnsetErrorsS, holdOnsetErrorsS);
  }

  public List<Double> offsetErrorsS() {
    return concat(dwellOffsetErrorsS, holdOffsetErrorsS);
  }

  /** Detected − true duration of each matched hold. */
  public List<Double> holdDurationErrorsS() {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < holdOnsetErrorsS.size(); i++) {
      out.add(holdOffsetErrorsS.get(i) - holdOnsetErrorsS.get(i));
    }
    return out;
  }

  private static List<Double> concat(List<Double> a, List<Double> b) {
    List<Double> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<Double> onErrors(SessionTruth truth, Detections det) {
    List<Double> out = new ArrayList<>();
    int n = Math.min(truth.onPeriods().size(), det.onTimes().size());
    for (int i = 0; i < n; i++) out.add(det.onTimes().get(i) - truth.onPeriods().get(i).startS());
    return out;
  }

  public static SessionOutcome compare(String label, SessionTruth truth, Detections det) {
    return compare(label, truth, det, "ordinary", null);
  }

  /**
   * Pairs live pass events with true passes, nearest ending turning point first (within {@value
   * #MAX_PASS_MATCH_S} s, one to one), and measures each event's latency from {@code confirmableS}.
   */
  static List<Double> latencies(SessionTruth truth, Detections det, double[] confirmableS) {
    List<Double> out = new ArrayList<>();
    if (confirmableS == null) return out;
    List<Detections.Emitted> em = det.emitted();
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < truth.passSpans().size(); i++) {
      for (int j = 0; j < em.size(); j++) {
        double d = Math.abs(em.get(j).endS() - truth.passSpans().get(i).endS());
        if (d <= MAX_PASS_MATCH_S) pairs.add(new double[] {d, i, j});
      }
    }
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    boolean[] usedT = new boolean[truth.passSpans().size()];
    boolean[] usedD = new boolean[em.size()];
    for (double[] p : pairs) {
      int i = (int) p[1];
      int j = (int) p[2];
      if (usedT[i] || usedD[j]) continue;
      usedT[i] = usedD[j] = true;
      out.add(em.get(j).emittedAtS() - confirmableS[i]);
    }
    return out;
  }

  /** A live pass event further than this from every true pass end is not paired. */
  static final double MAX_PASS_MATCH_S = 5.0;

  public static SessionOutcome compare(
      String label, SessionTruth truth, Detections det, String setup, double[] confirmableS) {
    List<Interval> trueDwells =
        truth.dwells().stream().map(d -> new Interval(d.startS(), d.endS())).toList();
    List<Interval> trueHolds =
        truth.extensionHolds().stream().map(h -> new Interval(h.startS(), h.endS())).toList();
    List<Interval> detHolds = det.holds().stream().map(Detections.Hold::span).toList();
    IntervalMatcher.Matching dm = IntervalMatcher.match(trueDwells, det.dwells(), MIN_IOU);
    IntervalMatcher.Matching hm = IntervalMatcher.match(trueHolds, detHolds, MIN_IOU);
    List<Double> dwellOnset = new ArrayList<>();
    List<Double> dwellOffset = new ArrayList<>();
    List<Double> holdOnset = new ArrayList<>();
    List<Double> holdOffset = new ArrayList<>();
    for (IntervalMatcher.Pair p : dm.pairs()) {
      dwellOnset.add(det.dwells().get(p.detected()).start() - trueDwells.get(p.truth()).start());
      dwellOffset.add(det.dwells().get(p.detected()).end() - trueDwells.get(p.truth()).end());
    }
    List<Integer> breaths = new ArrayList<>();
    for (int i = 0; i < trueHolds.size(); i++) breaths.add(null);
    for (IntervalMatcher.Pair p : hm.pairs()) {
      Interval t = trueHolds.get(p.truth());
      Detections.Hold d = det.holds().get(p.detected());
      holdOnset.add(d.span().start() - t.start());
      holdOffset.add(d.span().end() - t.end());
      breaths.set(p.truth(), d.breaths() - truth.extensionHolds().get(p.truth()).breaths());
    }
    return new SessionOutcome(
        label,
        truth.profile(),
        truth.passes(),
        det.passes(),
        dm,
        hm,
        dwellOnset,
        dwellOffset,
        holdOnset,
        holdOffset,
        breaths,
        onErrors(truth, det),
        setup,
        latencies(truth, det, confirmableS),
        det.corrections());
  }
}
