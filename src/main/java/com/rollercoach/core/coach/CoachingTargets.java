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
 * @param paceTooFastCmS a pass faster than this gets the "slow down" cue
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
    double paceTooFastCmS,
    double dwellMinS,
    double dwellMaxS,
    double holdTargetS,
    double rangeGrowthCm) {

  public static CoachingTargets defaults() {
    return new CoachingTargets(10, 20, 2.5, 6.0, 60, 120, 60, 5.0);
  }
}
