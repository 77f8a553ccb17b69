package com.rollercoach.core.calibration;

/** The steps of the guided calibration, in order. */
public enum CalibrationStep {
  /** Roller on the floor, untouched: gyro bias and noise floor. */
  STILL("Still on the floor"),
  /** The roller left at rest in many orientations: accelerometer offset, scale, misalignment. */
  POSES("Resting positions"),
  /** One roll along the floor over a measured distance: the effective diameter. */
  DISTANCE("Roll a measured distance"),
  /** A few rolls back and forth: the roller axis in sensor coordinates. */
  AXIS("Roll back and forth"),
  /** All fits accepted. */
  DONE("Done");

  private final String title;

  CalibrationStep(String title) {
    this.title = title;
  }

  /** A short heading for the step, for any UI. */
  public String title() {
    return title;
  }
}
