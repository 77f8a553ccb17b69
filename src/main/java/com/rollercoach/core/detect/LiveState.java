package com.rollercoach.core.detect;

/**
 * A snapshot of the pipeline after the latest sample, for live displays (charts, counters, timers).
 *
 * @param tS time of the latest sample (input clock)
 * @param positionCm contact position along the back, s = r·θ
 * @param speedCmS signed speed of the contact point along the back
 * @param stillSinceS start of the running still segment, NaN when none is running
 * @param breathsInStill inhale onsets counted so far in the running still segment
 */
public record LiveState(
    double tS,
    double positionCm,
    double speedCmS,
    Phase phase,
    boolean onRoller,
    int passes,
    int rolls,
    double stillSinceS,
    int breathsInStill) {

  public static LiveState initial() {
    return new LiveState(Double.NaN, 0, 0, Phase.OFF_ROLLER, false, 0, 0, Double.NaN, 0);
  }
}
