package com.rollercoach.core.calibration;

import com.rollercoach.core.PipelineConfig;
import java.time.Instant;
import java.util.Optional;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Everything Roller Coach knows about one device: how to correct its sensor, the roller it sits in,
 * and how and how well that was measured. The on-disk form is {@code calibration/<device-id>.json}
 * (see {@code calibration/README.md}).
 *
 * @param deviceId the id the device reports (HELLO frame, {@code # device=} metadata)
 * @param imu the sensor error model
 * @param rollAxis the roller's axis in sensor coordinates, unit vector; its sign makes the
 *     calibration's distance roll (rolling away from the start mark) a positive rotation
 * @param rollerDiameterCm rolling diameter, cm: under load when measured ("distance-roll",
 *     "circumference"), a label's when "entered" (see {@link #pipelineConfig()})
 * @param diameterMethod how the diameter was found: "distance-roll", "circumference" or "entered"
 * @param sensorOffsetCm distance of the sensor from the roller axis, cm (typed by the user, or
 *     estimated from the distance roll); NaN when unknown
 * @param towardHead +1 when moving the contact point toward the patient's head (up the back) is a
 *     positive rotation about {@code rollAxis}, −1 when negative, 0 when not learned yet: the
 *     "roll toward your head" gesture, learned once per roller ({@link HeadwardGesture}), which lets
 *     reviews put positions on the back whatever way the sensor is mounted
 */
public record DeviceCalibration(
    String deviceId,
    ImuCorrection imu,
    Vector3D rollAxis,
    double rollerDiameterCm,
    String diameterMethod,
    double sensorOffsetCm,
    Provenance created,
    FitQuality quality,
    int towardHead) {

  public DeviceCalibration {
    if (towardHead < -1 || towardHead > 1) {
      throw new IllegalArgumentException("towardHead must be -1, 0 or +1: " + towardHead);
    }
  }

  /** A calibration without the direction gesture (towardHead unknown). */
  public DeviceCalibration(
      String deviceId, ImuCorrection imu, Vector3D rollAxis, double rollerDiameterCm,
      String diameterMethod, double sensorOffsetCm, Provenance created, FitQuality quality) {
    this(deviceId, imu, rollAxis, rollerDiameterCm, diameterMethod, sensorOffsetCm, created, quality, 0);
  }

  /** The current file format version; readers refuse others. */
  public static final int FORMAT_VERSION = 1;

  /**
   * How and when the calibration was made.
   *
   * @param method what was done ("guided: still, poses, distance roll, axis rolls")
   * @param tool the program and version that made it
   * @param source where the samples came from (a port, a file, "synthetic")
   */
  public record Provenance(Instant at, String method, String tool, String source) {}

  /**
   * How good the fits were.
   *
   * @param stillSeconds duration of the still step used for the gyro bias, s
   * @param gyroNoiseDps gyro noise floor, standard deviation per axis norm, °/s
   * @param accelNoiseMg accelerometer noise floor, standard deviation norm, mg
   * @param poses resting positions used for the accelerometer fit
   * @param accelResidualMg RMS of |a| − 1 g over the poses after correction, mg
   * @param misalignmentFitted whether the 3 misalignment angles were fitted (≥ 9 poses) or left 0
   * @param gyroScaleFitted whether the gyro scales were fitted from the turns between positions or
   *     left at 1
   * @param gyroResidualDeg RMS misfit of gravity carried across the turns by the fitted gyro,
   *     degrees; NaN when not fitted
   * @param axisSpreadDeg RMS angle between the roll axis of each 45° chunk of rolling and the fitted
   *     axis, degrees
   * @param rolledDeg total rolling used for the axis, degrees
   */
  public record FitQuality(
      double stillSeconds,
      double gyroNoiseDps,
      double accelNoiseMg,
      int poses,
      double accelResidualMg,
      boolean misalignmentFitted,
      boolean gyroScaleFitted,
      double gyroResidualDeg,
      double axisSpreadDeg,
      double rolledDeg) {}

  /** The same calibration for another id (the id of a device is often only learned from its data). */
  public DeviceCalibration withDeviceId(String id) {
    return new DeviceCalibration(
        id, imu, rollAxis, rollerDiameterCm, diameterMethod, sensorOffsetCm, created, quality,
        towardHead);
  }

  /** The same calibration with the direction toward the head learned (+1 or −1), or forgotten (0). */
  public DeviceCalibration withTowardHead(int sign) {
    return new DeviceCalibration(
        deviceId, imu, rollAxis, rollerDiameterCm, diameterMethod, sensorOffsetCm, created, quality,
        sign);
  }

  /** Whether the "roll toward your head" gesture has been recorded for this roller. */
  public boolean knowsHeadDirection() {
    return towardHead != 0;
  }

  /**
   * The rotation direction, in sensor coordinates, of rolling the contact point toward the head; null
   * when not learned.
   */
  public Vector3D headwardRotation() {
    return towardHead == 0 ? null : rollAxis.scalarMultiply(towardHead);
  }

  /**
   * The pipeline settings this calibration implies: its diameter and its roll axis. A distance roll
   * or a tape is done pressing on the roller or lying on it (calibration/README.md), so it measures
   * the diameter under load; a typed-in one is a label's.
   */
  public PipelineConfig pipelineConfig() {
    return new PipelineConfig(
        rollerDiameterCm, Optional.of(rollAxis.toArray()), !"entered".equals(diameterMethod));
  }
}
