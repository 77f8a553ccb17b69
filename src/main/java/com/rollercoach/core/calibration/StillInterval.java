package com.rollercoach.core.calibration;

import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * A stretch of samples in which the sensor did not move: the accelerometer and gyroscope only showed
 * noise. The means are of the samples as fed to the {@link MotionSegmenter} (already corrected with
 * whatever calibration was known at the time).
 *
 * @param meanAccelG mean specific force, g: gravity in sensor coordinates
 * @param meanGyroDps mean angular velocity, °/s: the gyro bias while nothing turns
 * @param accelStdG per-axis standard deviation of the accelerometer, g (the noise floor)
 * @param gyroStdDps per-axis standard deviation of the gyroscope, °/s (the noise floor)
 * @param gyroMeanSpreadDps largest spread (max − min, over the axes) of the 0.25 s block means of the
 *     gyroscope: a roller creeping or rocking slowly shows here even when each block looks quiet
 * @param accelMeanSpreadG the same for the accelerometer's block means, g: gravity turning slowly
 * @param samples number of samples
 * @param blocks number of 0.25 s blocks
 */
public record StillInterval(
    double startS,
    double endS,
    Vector3D meanAccelG,
    Vector3D meanGyroDps,
    Vector3D accelStdG,
    Vector3D gyroStdDps,
    double gyroMeanSpreadDps,
    double accelMeanSpreadG,
    long samples,
    int blocks) {
  public double durationS() {
    return endS - startS;
  }

  /** Samples per block, for the expected scatter of block means (σ/√n). */
  public double samplesPerBlock() {
    return blocks > 0 ? (double) samples / blocks : 1;
  }
}
