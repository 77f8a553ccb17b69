package com.rollercoach.review.progress;

/**
 * How often the physio asked the patient to roll. Home programmes for thoracic mobility are usually
 * prescribed "several times a week"; three is the default, set it per patient.
 */
public record Prescription(int sessionsPerWeek) {
  public static final int DEFAULT_SESSIONS_PER_WEEK = 3;

  public Prescription {
    com.rollercoach.core.coach.Prescription.checkSessionsPerWeek(sessionsPerWeek);
  }

  public static Prescription defaults() {
    return new Prescription(DEFAULT_SESSIONS_PER_WEEK);
  }
}
