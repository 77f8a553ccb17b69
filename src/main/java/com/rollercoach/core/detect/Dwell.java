package com.rollercoach.core.detect;

/** A still-loaded segment that a pass follows: the patient held a tender spot. */
public record Dwell(double startS, double endS, double positionCm) {
  public double durationS() {
    return endS - startS;
  }
}
