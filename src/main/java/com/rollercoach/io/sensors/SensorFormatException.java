package com.rollercoach.io.sensors;

/**
 * A sensor file or stream we cannot read, with a one-line message that names where (file, entry,
 * line) and why. Commands turn it into a {@code UserInputException}.
 */
public class SensorFormatException extends com.rollercoach.io.InputFileException {
  public SensorFormatException(String message) {
    super(message);
  }

  public SensorFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
