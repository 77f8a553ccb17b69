package com.rollercoach.core.detect;

/**
 * A still-loaded segment of ≥ 20 s after which no pass happens before the person gets off.
 *
 * @param breaths inhale onsets inside the hold
 * @param breathsPerMin breathing rate over the hold, NaN when it could not be estimated
 */
public record ExtensionHold(
    double startS, double endS, double positionCm, int breaths, double breathsPerMin) {
  public double durationS() {
    return endS - startS;
  }
}
