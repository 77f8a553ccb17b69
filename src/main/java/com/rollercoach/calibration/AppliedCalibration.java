package com.rollercoach.calibration;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.calibration.CalibratedSink;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.sample.SampleSink;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The calibration a session runs with, or none. Commands ({@code analyze}, {@code replay}, {@code
 * record}) decide it once — {@code --calibration FILE} wins, else the device id from the HELLO frame
 * or the {@code # device=} metadata finds {@code calibration/<id>.json} — and then put {@link
 * #sink(SampleSink)} in front of the pipeline and build it with {@link #config(PipelineConfig)}.
 * Without a calibration both are identities and the pipeline calibrates itself from the data.
 */
public final class AppliedCalibration {
  private static final AppliedCalibration NONE = new AppliedCalibration(null, null);

  private final Path file;
  private final DeviceCalibration calibration;

  private AppliedCalibration(Path file, DeviceCalibration calibration) {
    this.file = file;
    this.calibration = calibration;
  }

  public static AppliedCalibration none() {
    return NONE;
  }

  public static AppliedCalibration of(Path file, DeviceCalibration calibration) {
    return new AppliedCalibration(file, calibration);
  }

  /**
   * @param explicitFile {@code --calibration FILE}, or null
   * @param deviceId the device's id, or null when unknown
   */
  public static AppliedCalibration resolve(Path explicitFile, String deviceId, CalibrationResolver resolver)
      throws CalibrationFileException {
    if (explicitFile != null) {
      DeviceCalibration c = CalibrationFile.read(explicitFile);
      // Another device's bias, scale and axis make a session nonsense (0 passes, 3 "holds"), so a file
      // named for a session of a known device must be that device's, as a file found by id must be.
      if (deviceId != null && !deviceId.isBlank() && !c.deviceId().equals(deviceId)) {
        throw new CalibrationFileException(explicitFile, "deviceId",
            "the file is for device \"" + c.deviceId() + "\", not \"" + deviceId + "\"");
      }
      return of(explicitFile, c);
    }
    return resolver.find(deviceId).map(f -> of(f.file(), f.calibration())).orElse(NONE);
  }

  public Optional<DeviceCalibration> calibration() {
    return Optional.ofNullable(calibration);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** {@code downstream} behind a correcting decorator, or {@code downstream} itself. */
  public SampleSink sink(SampleSink downstream) {
    return calibration == null ? downstream : new CalibratedSink(calibration.imu(), downstream);
  }

  /**
   * The calibration's diameter and roll axis over {@code base}. A diameter the user typed for this
   * run ({@code --roller-diameter-cm}) should be applied after this, so that it wins.
   */
  public PipelineConfig config(PipelineConfig base) {
    if (calibration == null) return base;
    return calibration.pipelineConfig();
  }

  /** One line for summaries and logs. */
  public String describe() {
    if (calibration == null) return "no calibration: self-calibrating from the data";
    return String.format(
        java.util.Locale.ROOT,
        "calibration %s (device %s, %s, roller %.2f cm)",
        file,
        calibration.deviceId(),
        calibration.created().at(),
        calibration.rollerDiameterCm());
  }
}
