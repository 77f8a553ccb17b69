package com.rollercoach.core.coach;

/**
 * The prescription a session is judged against: the one place for coaching thresholds. Defaults
 * follow the usual physiotherapy guidance for thoracic foam rolling: roll the mid/upper back up and
 * down 10–20 times slowly (about 2.5 cm/s), hold tender spots 1–2 minutes, finish with about 60 s of
 * relaxed extension over the roller with deep breaths.
 *
 * @param rollsMin fewest rolls (up-and-down pairs) that complete the rolling part
 * @param rollsMax more than this is overdoing it
 * @param paceCmS the recommended pace along the back
 * @param dwellMinS a tender spot is held at least this long
 * @param dwellMaxS and at most this long
 * @param holdTargetS extension hold duration
 * @param rangeGrowthCm rolling this far beyond the range set by the first passes likely reaches the
 *     low back or the neck
 */
public record CoachingTargets(
    int rollsMin,
    int rollsMax,
    double paceCmS,
    double dwellMinS,
    double dwellMaxS,
    double holdTargetS,
    double rangeGrowthCm) {

  /**
   * A pace within this factor of {@link #paceCmS} either way is on target: a pace is never exact, and
   * the guidance is "about 2.5 cm/s" (an inch a second). Above it is too fast, below it slower than
   * the guidance.
   */
  public static final double PACE_TOLERANCE = 1.5;

  public static CoachingTargets defaults() {
    return new CoachingTargets(10, 20, 2.5, 60, 120, 60, 5.0);
  }

  /**
   * The one "too fast", cm/s: {@link #PACE_TOLERANCE} × the recommended pace (3.75 cm/s for 2.5). The
   * session's pace verdict, a pass's "slow down" cue and the "too fast" line of every chart (live,
   * report, progress) all use it; there was a 6 cm/s line and cue beside a 3.75 cm/s verdict.
   */
  public double paceTooFastCmS() {
    return paceCmS * PACE_TOLERANCE;
  }
}
