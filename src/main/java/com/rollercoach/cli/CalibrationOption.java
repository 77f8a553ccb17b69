package com.rollercoach.cli;

import com.rollercoach.calibration.AppliedCalibration;
import com.rollercoach.calibration.CalibrationFileException;
import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SessionAnalyzer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code --calibration FILE} for the commands that run the pipeline over a file: the explicit file, or
 * the device's own {@code DATA/calibration/<id>.json} found from the file's {@code # device=} line, or
 * none (the pipeline then calibrates itself). A diameter typed on the command line still wins.
 */
final class CalibrationOption {
  private CalibrationOption() {}

  static BiFunction<SessionMetadata, PipelineConfig, SessionAnalyzer.Setup> setup(
      Path explicit, com.rollercoach.io.DataFolder data, boolean diameterGiven) {
    return (meta, base) -> {
      AppliedCalibration applied = resolve(explicit, data, meta);
      PipelineConfig config = applied.config(base);
      if (diameterGiven) config = config.withRollerDiameterCm(base.rollerDiameterCm());
      return new SessionAnalyzer.Setup(config, applied::sink);
    };
  }

  /** A line saying which calibration was used, when one was. */
  static Optional<String> describe(Path explicit, com.rollercoach.io.DataFolder data, SessionMetadata meta) {
    AppliedCalibration applied = resolve(explicit, data, meta);
    return applied.calibration().isPresent() ? Optional.of("using " + applied.describe()) : Optional.empty();
  }

  static AppliedCalibration resolve(Path explicit, com.rollercoach.io.DataFolder data, SessionMetadata meta) {
    try {
      return AppliedCalibration.resolve(
          explicit, meta.get(SessionMetadata.DEVICE), CalibrationResolver.of(data));
    } catch (CalibrationFileException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
