package com.rollercoach.core.coach;

import com.rollercoach.core.NumberText;

/**
 * What a physiotherapist prescribed for one patient: the targets the live coach, the reports and the
 * progress page all judge against. Defaults follow the protocol as physiotherapists teach it: roll the
 * mid and upper back up and down 10–20 times, slowly (2–4 s per pass), hold tender spots 1–2 minutes,
 * finish with about 60 s of relaxed extension, several times a week.
 *
 * <p>Stored per patient with the date it takes effect (see {@code review.patients}); this type is the
 * value only, so the pure core can coach from it without knowing where it came from.
 *
 * @param rollsMin fewest rolls (up-and-down pairs) that complete the rolling part
 * @param rollsMax more rolls than this is overdoing it
 * @param secondsPerPassMin a pass quicker than this is too fast
 * @param secondsPerPassMax a pass slower than this is slower than prescribed (not a fault)
 * @param tenderSpotMinS a tender spot is held at least this long
 * @param tenderSpotMaxS and at most this long
 * @param holdS extension hold duration
 * @param sessionsPerWeek how many sessions a week
 */
public record Prescription(
    int rollsMin,
    int rollsMax,
    double secondsPerPassMin,
    double secondsPerPassMax,
    double tenderSpotMinS,
    double tenderSpotMaxS,
    double holdS,
    int sessionsPerWeek) {

  public Prescription {
    if (rollsMin < 1 || rollsMax < rollsMin) {
      throw new IllegalArgumentException("rolls must be 1 or more, min ≤ max: " + rollsMin + "–" + rollsMax);
    }
    if (!(secondsPerPassMin > 0) || !(secondsPerPassMax >= secondsPerPassMin)) {
      throw new IllegalArgumentException("seconds per pass must be > 0, min ≤ max");
    }
    if (!(tenderSpotMinS > 0) || !(tenderSpotMaxS >= tenderSpotMinS)) {
      throw new IllegalArgumentException("tender-spot time must be > 0, min ≤ max");
    }
    if (!(holdS > 0) || holdS > MAX_HOLD_S) {
      // -5, not -5.0: the number as a person types it (the window echoes this message)
      throw new IllegalArgumentException("hold must be between 0 and " + MAX_HOLD_S + " s: "
          + NumberText.plain(holdS));
    }
    checkSessionsPerWeek(sessionsPerWeek);
  }

  /**
   * The most sessions a week a prescription may ask for (five a day): the one rule for {@code patients
   * prescribe --per-week}, {@code progress --per-week}, the window's prescription and stored patients.
   */
  public static final int MAX_SESSIONS_PER_WEEK = 35;

  /** The longest extension hold a prescription may ask for, seconds. */
  public static final int MAX_HOLD_S = 600;

  /** Refuses a sessions-per-week count outside 1–{@link #MAX_SESSIONS_PER_WEEK}. */
  public static void checkSessionsPerWeek(int sessionsPerWeek) {
    if (sessionsPerWeek < 1 || sessionsPerWeek > MAX_SESSIONS_PER_WEEK) {
      throw new IllegalArgumentException(
          "sessions per week must be 1–" + MAX_SESSIONS_PER_WEEK + ": " + sessionsPerWeek);
    }
  }

  /** The protocol's defaults: 10–20 rolls, 2–4 s a pass, tender spots 1–2 min, 60 s hold, 3 a week. */
  public static Prescription protocolDefault() {
    return new Prescription(10, 20, 2.0, 4.0, 60, 120, 60, 3);
  }

  /** The coaching thresholds this prescription sets; pace and range guards keep their defaults. */
  public CoachingTargets targets() {
    CoachingTargets d = CoachingTargets.defaults();
    return new CoachingTargets(
        rollsMin, rollsMax, d.paceCmS(), tenderSpotMinS, tenderSpotMaxS, holdS,
        d.rangeGrowthCm());
  }
}
