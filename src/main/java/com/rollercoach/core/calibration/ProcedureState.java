package com.rollercoach.core.calibration;

/**
 * What a calibration UI shows, whichever UI it is (terminal, GUI wizard): the step, what to do, how
 * far along it is and what happened last.
 *
 * @param step the current step
 * @param stepNumber 1-based number of the step among those this plan runs
 * @param stepCount number of steps this plan runs (3 when the diameter is given, else 4)
 * @param status running, failed (see {@code message}) or complete
 * @param instruction what the user should do now, in plain words
 * @param progress 0..1 within the step
 * @param message the latest news ("position 4 of 12 recorded"), or the reason for a failure
 */
public record ProcedureState(
    CalibrationStep step,
    int stepNumber,
    int stepCount,
    Status status,
    String instruction,
    double progress,
    String message) {

  public enum Status {
    RUNNING,
    FAILED,
    COMPLETE
  }
}
