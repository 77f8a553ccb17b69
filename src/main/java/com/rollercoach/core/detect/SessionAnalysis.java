package com.rollercoach.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the detectors found in one session, in the input's own clock. Built by collecting a
 * pipeline's events; reports, the review library and {@code analyze --json} all read this.
 *
 * @param startS first sample time
 * @param endS last sample time
 * @param onPeriods the periods somebody was on the roller, as [startS, endS] pairs
 * @param passes every pass, in order
 * @param rolls up-and-down pairs of passes
 * @param dwells still segments that a pass followed
 * @param holds extension holds
 * @param paceCmS median speed of the passes over rolling time only ({@link RollingTime}: the still
 *     periods, gaps and time off the roller a pass spans are cut out), cm/s; 0 without passes
 * @param rangeCm span of the contact positions reached while rolling (max − min over the passes of
 *     one time on the roller, the largest of those: see {@link #passesByTimeOn})
 * @param gaps periods of missing data, as [fromS, toS] pairs
 */
public record SessionAnalysis(
    double startS,
    double endS,
    List<double[]> onPeriods,
    List<Pass> passes,
    int rolls,
    List<Dwell> dwells,
    List<ExtensionHold> holds,
    double paceCmS,
    double rangeCm,
    List<double[]> gaps) {

  public double durationS() {
    return endS - startS;
  }

  /**
   * The passes of each time somebody was on the roller, in order. s is the roller's own rotation,
   * so positions compare only within one time on: after getting off and back on, the same spot of
   * the back lies at another s (the roller rolled away, or was put back elsewhere).
   */
  public List<List<Pass>> passesByTimeOn() {
    return byTimeOn(passes, onPeriods);
  }

  /** {@link #passesByTimeOn()} for passes and on periods not yet in an analysis. */
  static List<List<Pass>> byTimeOn(List<Pass> passes, List<double[]> onPeriods) {
    List<List<Pass>> out = new ArrayList<>();
    int current = Integer.MIN_VALUE;
    for (Pass p : passes) {
      // the last time on that began by the pass's start (none: before any, one group of its own)
      int period = -1;
      for (int i = 0; i < onPeriods.size(); i++) {
        if (onPeriods.get(i)[0] <= p.startS()) period = i;
      }
      if (period != current) {
        out.add(new ArrayList<>());
        current = period;
      }
      out.get(out.size() - 1).add(p);
    }
    return out.stream().map(List::copyOf).toList();
  }

  /** The same analysis with {@code pace} as its pace. */
  public SessionAnalysis withPace(double pace) {
    return new SessionAnalysis(startS, endS, onPeriods, passes, rolls, dwells, holds, pace, rangeCm, gaps);
  }
}
