package com.rollercoach.review.progress;

import java.time.LocalDate;

/**
 * One calendar week (Monday to Sunday) of a patient's sessions. Means are over the week's sessions
 * and NaN for a week without sessions (or without any value, e.g. pain never noted).
 *
 * @param sessions sessions done
 * @param prescribed sessions prescribed for the week; 0 for a week that ended before the patient
 *     started (neither missed nor on target)
 * @param inProgress the week has not ended yet (it is the current week): it is not missed, and it is
 *     not counted in the weeks on target until it ends
 */
public record WeekStats(
    LocalDate monday,
    int sessions,
    int prescribed,
    double meanRolls,
    double meanPaceCmS,
    double meanRangeCm,
    int dwells,
    double meanHoldS,
    double meanBreaths,
    double meanPainBefore,
    double meanPainAfter,
    boolean inProgress) {

  public boolean metPrescription() {
    return sessions >= prescribed;
  }

  /** An ended week below the prescription (shaded); a week in progress is never missed. */
  public boolean missed() {
    return counted() && !metPrescription();
  }

  /** An ended week with sessions prescribed: one of the weeks on target's denominator. */
  public boolean counted() {
    return !inProgress && prescribed > 0;
  }

  /** A week that ended before the patient started: nothing was prescribed yet. */
  public boolean beforeStart() {
    return prescribed == 0;
  }
}
