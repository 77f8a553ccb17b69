package com.rollercoach.calibration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A calibration file that cannot be used, with the file and the field at fault: "calibration/rc-7.json:
 * accelerometer.scale[1]: expected a finite number, got "NaN"".
 */
public final class CalibrationFileException extends IOException {
  private final Path file;
  private final String field;

  public CalibrationFileException(Path file, String field, String reason) {
    super(file + ": " + (field.isEmpty() ? "" : field + ": ") + reason);
    this.file = file;
    this.field = field;
  }

  public CalibrationFileException(Path file, String field, String reason, Throwable cause) {
    this(file, field, reason);
    initCause(cause);
  }

  public Path file() {
    return file;
  }

  /** The JSON path of the bad field ("roller.axis"), empty for whole-file problems. */
  public String field() {
    return field;
  }
}
