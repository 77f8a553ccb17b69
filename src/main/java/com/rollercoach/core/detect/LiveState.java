package com.rollercoach.core.detect;

/**
 * A snapshot of the pipeline after the latest sample, for live displays (charts, counters, timers).
 *
 * @param tS time of the latest sample (input clock)
 * @param positionCm contact position along the back, s = r·θ
 * @param speedCmS signed speed of the contact point along the back
 * @param stillSinceS start of the running still segment, NaN when none is running
 * @param breathsInStill inhale onsets counted so far in the running still segment
 * @param lastMovedS the latest time the roller moved (faster than a body rolls it at the slowest)
 *     or was jolted, NaN before any. The detector tells an empty roller from a loaded one only
 *     {@link SessionDetector#EMPTY_SHOWN_S} after such a moment, so until then "on the roller" is the
 *     belief from before, not evidence that somebody is still on it
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
    int breathsInStill,
    double lastMovedS) {

  public static LiveState initial() {
    return new LiveState(Double.NaN, 0, 0, Phase.OFF_ROLLER, false, 0, 0, Double.NaN, 0, Double.NaN);
  }

  /**
   * Whether somebody is known to lie on the roller now: the detector says so and has had the time to
   * see the roller empty since it last moved or was jolted ({@link SessionDetector#EMPTY_SHOWN_S}).
   * Getting off moves or jolts the roller, and the detector says "off" only seconds later; a cue that
   * speaks to the person lying there waits for this. (A breath begun after the movement would show
   * the person too, but is announced too late to be sooner: tried, 8.6 s after a shift.)
   */
  public boolean onShown() {
    return onRoller && !(tS - lastMovedS < SessionDetector.EMPTY_SHOWN_S);
  }
}
