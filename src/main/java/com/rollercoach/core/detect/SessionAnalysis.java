package com.rollercoach.core.detect;

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
 * @param rangeCm span of the contact positions reached while rolling (max − min over the passes)
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

  /** The same analysis with {@code pace} as its pace. */
  public SessionAnalysis withPace(double pace) {
    return new SessionAnalysis(startS, endS, onPeriods, passes, rolls, dwells, holds, pace, rangeCm, gaps);
  }
}
