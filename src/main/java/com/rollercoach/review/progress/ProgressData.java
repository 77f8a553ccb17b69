package com.rollercoach.review.progress;

import com.rollercoach.review.library.SessionEntry;
import java.util.List;
import java.util.Map;

/**
 * A patient's sessions over a span of weeks, aggregated.
 *
 * @param sessions the sessions, oldest first
 * @param dwells each session's dwells as [startS, endS, positionCm], by session id
 * @param weeks every week of the span, oldest first, including weeks without sessions
 * @param spots recurring tender spots, most sessions first
 */
public record ProgressData(
    String patient,
    Prescription prescription,
    List<SessionEntry> sessions,
    Map<String, List<double[]>> dwells,
    List<WeekStats> weeks,
    List<TenderSpot> spots) {

  /** Ended weeks that met the prescription (the week in progress counts once it ends). */
  public long weeksOnTarget() {
    return weeks.stream().filter(w -> !w.inProgress() && w.metPrescription()).count();
  }

  /** Weeks that have ended: the on-target ratio's denominator. */
  public long weeksEnded() {
    return weeks.stream().filter(w -> !w.inProgress()).count();
  }
}
