package com.rollercoach.core;

import com.rollercoach.core.signal.RollingRadius;
import java.util.Optional;

/**
 * How to turn one device's samples into motion.
 *
 * @param rollerDiameterCm the roller's diameter, cm
 * @param rollAxis the roller's axis in sensor coordinates (unit vector) when a calibration knows it;
 *     empty: found from the data
 * @param diameterUnderLoad whether {@code rollerDiameterCm} was measured under a body's weight (a
 *     calibration's distance roll or tape done as calibration/README.md asks); false for the label's
 *     or a typed-in diameter, which the foam's flattening under a back makes roll smaller ({@link
 *     RollingRadius})
 */
public record PipelineConfig(double rollerDiameterCm, Optional<double[]> rollAxis, boolean diameterUnderLoad) {
  /** A common foam roller is 15 cm across. */
  public static final double DEFAULT_ROLLER_DIAMETER_CM = 15.0;

  /** A label's (free) diameter. */
  public PipelineConfig(double rollerDiameterCm, Optional<double[]> rollAxis) {
    this(rollerDiameterCm, rollAxis, false);
  }

  public static PipelineConfig defaults() {
    return new PipelineConfig(DEFAULT_ROLLER_DIAMETER_CM, Optional.empty());
  }

  /** The roller's diameter as its label (or the user) gives it: free, without a body on it. */
  public PipelineConfig withRollerDiameterCm(double d) {
    return new PipelineConfig(d, rollAxis, false);
  }

  /** A diameter measured rolling under a body's weight. */
  public PipelineConfig withDiameterUnderLoadCm(double d) {
    return new PipelineConfig(d, rollAxis, true);
  }

  /** The diameter the roller rolls with under a back: s = (d/2)·θ. */
  public double rollingDiameterCm() {
    return diameterUnderLoad ? rollerDiameterCm : 2 * RollingRadius.loadedCm(rollerDiameterCm);
  }
}
