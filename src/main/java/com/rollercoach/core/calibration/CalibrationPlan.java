package com.rollercoach.core.calibration;

import java.time.Instant;

/**
 * What a calibration run is told up front, and the limits it judges its fits by.
 *
 * @param deviceId the device being calibrated
 * @param source where the samples come from, recorded in the file
 * @param tool program name and version, recorded in the file
 * @param createdAt time stamp for the file (the procedure itself reads no clock)
 * @param stillSeconds length of the still step; the bias error is σ/√(rate·T): 0.1 °/s noise at 100 Hz
 *     over 10 s gives 0.003 °/s
 * @param stillTimeoutS the still step fails if the roller has not lain still that long by then
 * @param targetPoses resting positions asked for; {@link AccelerometerFit#FULL_MODEL_POSES} and more
 *     also fit misalignment
 * @param poseHoldS how long a position must be held to count
 * @param distanceCm the measured distance of the distance roll, cm; NaN when the diameter is given
 * @param knownDiameterCm a diameter given directly (from a measured circumference / π, or entered), cm;
 *     NaN to measure it with the distance roll
 * @param knownDiameterMethod "circumference" or "entered" when {@code knownDiameterCm} is given
 * @param axisRollDeg rolling needed for the roll axis, degrees (720° ≈ 47 cm with a 15 cm roller)
 * @param sensorOffsetCm the sensor's distance from the axis if measured by hand, cm; NaN if not
 * @param maxResidualMg reject the accelerometer fit above this RMS residual, mg
 * @param maxOffsetSigmaMg reject when the poses leave an offset this uncertain, mg
 * @param maxScaleSigma reject when the poses leave a scale this uncertain (fraction)
 * @param maxAxisSpreadDeg reject the roll axis when its chunks scatter more than this, degrees
 */
public record CalibrationPlan(
    String deviceId,
    String source,
    String tool,
    Instant createdAt,
    double stillSeconds,
    double stillTimeoutS,
    int targetPoses,
    double poseHoldS,
    double distanceCm,
    double knownDiameterCm,
    String knownDiameterMethod,
    double axisRollDeg,
    double sensorOffsetCm,
    double maxResidualMg,
    double maxOffsetSigmaMg,
    double maxScaleSigma,
    double maxAxisSpreadDeg) {

  /**
   * Defaults: 10 s still, 12 positions held 2 s, a 1 m distance roll, two turns of rolling for the
   * axis. A 5 mg RMS residual is several times what noise leaves in 2 s pose means of a cheap MEMS
   * part (0.3 mg) and leaves room for its nonlinearity: beyond it a pose was not really at rest or
   * the sensor is loose. Offsets known to 5 mg and scales to 0.5 % keep tilt errors under 0.3°.
   */
  public static CalibrationPlan defaults(String deviceId, String source, String tool, Instant at) {
    return new CalibrationPlan(
        deviceId, source, tool, at, 10, 120, 12, 2.0, 100, Double.NaN, "", 720, Double.NaN, 5, 5,
        0.005, 2.0);
  }

  public boolean measuresDiameter() {
    return Double.isNaN(knownDiameterCm);
  }

  public CalibrationPlan withDistanceCm(double cm) {
    return new CalibrationPlan(
        deviceId, source, tool, createdAt, stillSeconds, stillTimeoutS, targetPoses, poseHoldS, cm,
        Double.NaN, "", axisRollDeg, sensorOffsetCm, maxResidualMg, maxOffsetSigmaMg, maxScaleSigma,
        maxAxisSpreadDeg);
  }

  /** Skip the distance roll: the diameter is known ("circumference" measured, or "entered"). */
  public CalibrationPlan withKnownDiameterCm(double cm, String method) {
    return new CalibrationPlan(
        deviceId, source, tool, createdAt, stillSeconds, stillTimeoutS, targetPoses, poseHoldS,
        Double.NaN, cm, method, axisRollDeg, sensorOffsetCm, maxResidualMg, maxOffsetSigmaMg,
        maxScaleSigma, maxAxisSpreadDeg);
  }

  public CalibrationPlan withTargetPoses(int poses) {
    return new CalibrationPlan(
        deviceId, source, tool, createdAt, stillSeconds, stillTimeoutS, poses, poseHoldS, distanceCm,
        knownDiameterCm, knownDiameterMethod, axisRollDeg, sensorOffsetCm, maxResidualMg,
        maxOffsetSigmaMg, maxScaleSigma, maxAxisSpreadDeg);
  }

  public CalibrationPlan withSensorOffsetCm(double cm) {
    return new CalibrationPlan(
        deviceId, source, tool, createdAt, stillSeconds, stillTimeoutS, targetPoses, poseHoldS,
        distanceCm, knownDiameterCm, knownDiameterMethod, axisRollDeg, cm, maxResidualMg,
        maxOffsetSigmaMg, maxScaleSigma, maxAxisSpreadDeg);
  }

  public CalibrationPlan withStillSeconds(double s) {
    return new CalibrationPlan(
        deviceId, source, tool, createdAt, s, stillTimeoutS, targetPoses, poseHoldS, distanceCm,
        knownDiameterCm, knownDiameterMethod, axisRollDeg, sensorOffsetCm, maxResidualMg,
        maxOffsetSigmaMg, maxScaleSigma, maxAxisSpreadDeg);
  }

  public CalibrationPlan withMaxResidualMg(double mg) {
    return new CalibrationPlan(
        deviceId, source, tool, createdAt, stillSeconds, stillTimeoutS, targetPoses, poseHoldS,
        distanceCm, knownDiameterCm, knownDiameterMethod, axisRollDeg, sensorOffsetCm, mg,
        maxOffsetSigmaMg, maxScaleSigma, maxAxisSpreadDeg);
  }
}
