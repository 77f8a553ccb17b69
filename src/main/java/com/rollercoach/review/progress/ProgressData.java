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
    return weeks.stream().filter(w -> w.counted() && w.metPrescription()).count();
  }

  /**
   * Weeks that have ended with sessions prescribed: the on-target ratio's denominator (weeks before
   * the patient started are not missed ones).
   */
  public long weeksEnded() {
    return weeks.stream().filter(WeekStats::counted).count();
  }

  /** Sessions prescribed over the weeks shown, each week by its own prescription. */
  public int sessionsPrescribed() {
    return weeks.stream().mapToInt(WeekStats::prescribed).sum();
  }
}
