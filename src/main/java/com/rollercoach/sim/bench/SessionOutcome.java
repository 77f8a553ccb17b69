package com.rollercoach.sim.bench;

import com.rollercoach.sim.SessionTruth;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's detections scored against its truth.
 *
 * @param onsetErrorsS detected − true start of every matched dwell and hold, s
 * @param offsetErrorsS detected − true end of every matched dwell and hold, s
 * @param holdDurationErrorsS detected − true duration of every matched hold, s
 * @param breathErrors detected − true breaths of every true hold; null for a hold that was missed
 */
public record SessionOutcome(
    String label,
    String profile,
    int truePasses,
    int detectedPasses,
    IntervalMatcher.Matching dwells,
    IntervalMatcher.Matching holds,
    List<Double> onsetErrorsS,
    List<Double> offsetErrorsS,
    List<Double> holdDurationErrorsS,
    List<Integer> breathErrors) {

  /** IoU a detection needs with a true event to count as finding it. */
  public static final double MIN_IOU = 0.5;

  public boolean passCountExact() {
    return truePasses == detectedPasses;
  }

  public static SessionOutcome compare(String label, SessionTruth truth, Detections det) {
    List<Interval> trueDwells =
        truth.dwells().stream().map(d -> new Interval(d.startS(), d.endS())).toList();
    List<Interval> trueHolds =
        truth.extensionHolds().stream().map(h -> new Interval(h.startS(), h.endS())).toList();
    List<Interval> detHolds = det.holds().stream().map(Detections.Hold::span).toList();
    IntervalMatcher.Matching dm = IntervalMatcher.match(trueDwells, det.dwells(), MIN_IOU);
    IntervalMatcher.Matching hm = IntervalMatcher.match(trueHolds, detHolds, MIN_IOU);
    List<Double> onset = new ArrayList<>();
    List<Double> offset = new ArrayList<>();
    List<Double> duration = new ArrayList<>();
    for (IntervalMatcher.Pair p : dm.pairs()) {
      onset.add(det.dwells().get(p.detected()).start() - trueDwells.get(p.truth()).start());
      offset.add(det.dwells().get(p.detected()).end() - trueDwells.get(p.truth()).end());
    }
    List<Integer> breaths = new ArrayList<>();
    for (int i = 0; i < trueHolds.size(); i++) breaths.add(null);
    for (IntervalMatcher.Pair p : hm.pairs()) {
      Interval t = trueHolds.get(p.truth());
      Detections.Hold d = det.holds().get(p.detected());
      onset.add(d.span().start() - t.start());
      offset.add(d.span().end() - t.end());
      duration.add(d.span().length() - t.length());
      breaths.set(p.truth(), d.breaths() - truth.extensionHolds().get(p.truth()).breaths());
    }
    return new SessionOutcome(
        label,
        truth.profile(),
        truth.passes(),
        det.passes(),
        dm,
        hm,
        onset,
        offset,
        duration,
        breaths);
  }
}
