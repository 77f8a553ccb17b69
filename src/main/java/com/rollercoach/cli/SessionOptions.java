package com.rollercoach.cli;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.io.DataFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What the live commands ({@code record}, {@code replay}) share about whose session it is: the data
 * folder (resolved once, passed down) and the patient, whose prescription the coach follows.
 */
final class SessionOptions {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data folder: settings, sessions, calibrations, profiles (default: ~/.roller-coach)")
  Path dataDir;

  @Option(names = "--patient", paramLabel = "NAME",
      description = "Whose session: the coach follows their prescription (record also writes the name into"
          + " the recording, and the library files it under them)")
  String patient;

  /**
   * The patient's prescription for today; the protocol's defaults when none is recorded. The name is
   * taken as the patients and the library already spell it first: `--patient dan` follows Dan's
   * prescription, as `patients show dan` shows it, and `record` files the session under "Dan".
   */
  Prescription prescription(DataFolder data) {
    patient = PatientNames.asKnown(data.root(), patient);
    return PatientPrescriptions.today(data, patient);
  }
}
