package com.rollercoach.core;

import java.util.Optional;

/**
 * How to turn one device's samples into motion.
 *
 * @param rollerDiameterCm effective (loaded) roller diameter; s = (d/2)·θ
 * @param rollAxis the roller's axis in sensor coordinates (unit vector) when a calibration knows it;
 *     empty: found from the data
 */
public record PipelineConfig(double rollerDiameterCm, Optional<double[]> rollAxis) {
  /** A common foam roller is 15 cm across. */
  public static final double DEFAULT_ROLLER_DIAMETER_CM = 15.0;

  public static PipelineConfig defaults() {
    return new PipelineConfig(DEFAULT_ROLLER_DIAMETER_CM, Optional.empty());
  }

  public PipelineConfig withRollerDiameterCm(double d) {
    return new PipelineConfig(d, rollAxis);
  }
}
