package com.rollercoach.core.detect;

/**
 * A person on the roller with the contact point inside a 3 cm band for ≥ 8 s. Boundaries are where the
 * roller stopped and started moving, not the edges of the widest 3 cm window.
 *
 * @param positionCm the contact position it held (median of the band)
 */
public record StillSegment(double startS, double endS, double positionCm) {
  public double durationS() {
    return endS - startS;
  }
}
