package com.rollercoach.cli;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.io.DataFolder;
import com.rollercoach.review.patients.PatientFileException;
import com.rollercoach.review.patients.Patients;
import java.time.LocalDate;

/** The prescription a patient's session runs with today, from the data folder's patient store. */
final class PatientPrescriptions {
  private PatientPrescriptions() {}

  /** The protocol's defaults when no patient is named; a damaged patient file is a one-line error. */
  static Prescription today(DataFolder data, String patient) {
    if (patient == null || patient.isBlank()) return Prescription.protocolDefault();
    try {
      // the same rule for a name everywhere: `patients add 'Bob/../x'` is refused, so is this
      String name = com.rollercoach.review.patients.PatientName.validate(patient);
      Patients patients = Patients.open(data.root());
      if (!patients.exists(name)) {
        // a first session, or a typo that would silently coach somebody else's targets
        Warnings.print(System.err, "no prescription recorded for " + name
            + ": coaching with the protocol's defaults ('patients prescribe " + name + "' sets one)");
      }
      return patients.prescriptionOn(name, LocalDate.now());
    } catch (PatientFileException | IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /**
   * Refuses a {@code --per-week} outside what a prescription may ask for, in the option's own words:
   * the one check for {@code patients prescribe} and {@code progress}; the bound is {@link
   * Prescription#checkSessionsPerWeek}'s.
   */
  static void checkPerWeekOption(Integer perWeek) {
    if (perWeek == null) return;
    try {
      Prescription.checkSessionsPerWeek(perWeek);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(
          "--per-week " + perWeek + ": must be 1–" + Prescription.MAX_SESSIONS_PER_WEEK, e);
    }
  }
}
