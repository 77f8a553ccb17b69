package com.rollercoach.review.report;

import com.rollercoach.calibration.CalibrationFileException;
import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.frame.BackFrames;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.patients.Dated;
import com.rollercoach.review.patients.Patients;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Puts library sessions in their review context: the device's calibration (for the direction toward
 * the head) from {@code DATA/calibration/} and the usual calibration folders, and the patient's
 * prescription on the session's date from {@code DATA/patients/}.
 */
public final class ReviewSessions {
  private final Patients patients;
  private final CalibrationResolver calibrations;
  private final ZoneId zone;

  public ReviewSessions(Path dataDir) {
    this(Patients.open(dataDir), resolverFor(dataDir), ZoneId.systemDefault());
  }

  public ReviewSessions(Patients patients, CalibrationResolver calibrations, ZoneId zone) {
    this.patients = patients;
    this.calibrations = calibrations;
    this.zone = zone;
  }

  static CalibrationResolver resolverFor(Path dataDir) {
    return CalibrationResolver.of(new com.rollercoach.io.DataFolder(dataDir));
  }

  public Patients patients() {
    return patients;
  }

  public ReviewSession of(SessionEntry e, ReplayResult raw) {
    LocalDate day = e.startedAt().atZone(zone).toLocalDate();
    Dated<Prescription> rx = Dated.inForce(patients.history(e.patient()), day);
    Prescription p = rx == null ? Prescription.protocolDefault() : rx.value();
    Optional<LocalDate> from = rx == null ? Optional.empty() : Optional.of(rx.from());
    return ReviewSession.of(e, raw, BackFrames.of(raw, calibration(e.device())), p, from);
  }

  /** A session's frame from its cached axis and landmark, with the device's current direction. */
  public com.rollercoach.review.frame.BackFrame frame(SessionEntry e, double[] axis,
      com.rollercoach.review.frame.BackFrame.Landmark landmark, double zeroCm) {
    var head = calibration(e.device()).map(DeviceCalibration::headwardRotation).orElse(null);
    return new com.rollercoach.review.frame.BackFrame(
        com.rollercoach.review.frame.BackFrames.direction(axis, head), landmark, zeroCm);
  }

  /**
   * The device's "roll toward your head" rotation, if its calibration has one: without it a session's
   * direction is unknown whatever its roll axis, so its frame needs no replay.
   */
  public Optional<org.apache.commons.math3.geometry.euclidean.threed.Vector3D> headward(String device) {
    return calibration(device).map(DeviceCalibration::headwardRotation);
  }

  /** A broken calibration file makes the direction unknown here; {@code analyze} reports it as an error. */
  private Optional<DeviceCalibration> calibration(String device) {
    if (device == null || device.isBlank()) return Optional.empty();
    try {
      return calibrations.find(device).map(CalibrationResolver.Found::calibration);
    } catch (CalibrationFileException e) {
      return Optional.empty();
    }
  }
}
