package com.rollercoach.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The traits of one simulated person: how they roll, stop, breathe. Drawn from an {@link Archetype}.
 *
 * @param paceCmS mean speed of the contact point along a stroke
 * @param strokeCm nominal stroke length at the start of a set
 * @param strokeJitter relative standard deviation of each stroke's length
 * @param pauseProbability chance of a stop at a turning point
 * @param pauseMaxS longest such stop; kept ≤ 3.5 s so that a stop plus the slow ends of the
 *     neighbouring strokes stays under the 8 s of a still-loaded segment
 * @param splitStrokeProbability chance that a stroke is done in 2–3 pieces with short stops inside
 * @param rangeDriftCm random walk of the rolling range's centre per stroke (standard deviation)
 * @param rangeGrowthCm growth of the stroke length per stroke (creeping toward neck or low back)
 * @param rollsPerSet up-and-down pairs in each set
 * @param dwells tender spots held in the whole session
 * @param dwellMinS shortest dwell
 * @param dwellMaxS longest dwell
 * @param rockingProbability chance that a dwell is rocked over (peak-to-peak below 1.5 cm)
 * @param hold whether the session ends with the extension hold
 * @param holdS the hold's duration
 * @param restBreathsPerMin breathing rate while rolling
 * @param holdBreathsPerMin (slower, deeper) breathing rate during the hold
 * @param restBreathDeg roller rocking by one normal breath, peak to peak
 * @param holdBreathDeg roller rocking by one deep breath, peak to peak
 * @param heartRateHz heart rate
 * @param heartDeg amplitude of the ballistocardiographic ripple of the roller
 */
public record Person(
    Archetype archetype,
    double paceCmS,
    double strokeCm,
    double strokeJitter,
    double pauseProbability,
    double pauseMaxS,
    double splitStrokeProbability,
    double rangeDriftCm,
    double rangeGrowthCm,
    List<Integer> rollsPerSet,
    int dwells,
    double dwellMinS,
    double dwellMaxS,
    double rockingProbability,
    boolean hold,
    double holdS,
    double restBreathsPerMin,
    double holdBreathsPerMin,
    double restBreathDeg,
    double holdBreathDeg,
    double heartRateHz,
    double heartDeg) {

  public Person {
    rollsPerSet = List.copyOf(rollsPerSet);
  }

  /** The same person breathing differently (shallow or deep breathers). */
  public Person withBreathDepths(double restDeg, double holdDeg) {
    return new Person(
        archetype, paceCmS, strokeCm, strokeJitter, pauseProbability, pauseMaxS,
        splitStrokeProbability, rangeDriftCm, rangeGrowthCm, rollsPerSet, dwells, dwellMinS,
        dwellMaxS, rockingProbability, hold, holdS, restBreathsPerMin, holdBreathsPerMin, restDeg,
        holdDeg, heartRateHz, heartDeg);
  }

  /** The same person breathing at another rate in the hold (a slow, relaxed breather). */
  public Person withHoldBreathsPerMin(double perMin) {
    return new Person(
        archetype, paceCmS, strokeCm, strokeJitter, pauseProbability, pauseMaxS,
        splitStrokeProbability, rangeDriftCm, rangeGrowthCm, rollsPerSet, dwells, dwellMinS,
        dwellMaxS, rockingProbability, hold, holdS, restBreathsPerMin, perMin, restBreathDeg,
        holdBreathDeg, heartRateHz, heartDeg);
  }

  public int sets() {
    return rollsPerSet.size();
  }

  /** Draws a person of the given archetype; the same generator state gives the same person. */
  public static Person draw(Archetype a, RandomGenerator rnd) {
    double pace = between(rnd, 2.0, 3.5);
    double stroke = between(rnd, 10, 18);
    double pauseP = 0.25;
    double pauseMax = 2.0;
    double split = 0.05;
    double growth = rnd.nextDouble() < 0.3 ? between(rnd, 0.05, 0.25) : 0;
    int sets = rnd.nextDouble() < 0.15 ? 2 : 1;
    int dwells = rnd.nextInt(3); // 0..2
    double dwellMin = 20;
    double dwellMax = 120;
    double rocking = 0.3;
    boolean hold = rnd.nextDouble() < 0.85;
    switch (a) {
      case SLOW -> {
        pace = between(rnd, 1.5, 2.2);
        split = 0.3;
      }
      case FAST -> {
        pace = between(rnd, 5, 9);
        dwellMin = 10;
        dwellMax = 40;
      }
      case SHORT_STROKES -> stroke = between(rnd, 6.5, 10);
      case LONG_STROKES -> {
        stroke = between(rnd, 20, 30);
        growth = between(rnd, 0.1, 0.4);
      }
      case PAUSER -> {
        pauseP = 0.8;
        pauseMax = 3.5;
        split = 0.35;
      }
      case TENDER_ROCKER -> {
        dwells = 1 + rnd.nextInt(3);
        dwellMin = 45;
        dwellMax = 150;
        rocking = 0.8;
      }
      case TWO_SETS -> sets = 2;
      case NO_HOLD -> hold = false;
      case TYPICAL -> {}
    }
    if (a == Archetype.TYPICAL) hold = true;
    List<Integer> rolls = new ArrayList<>();
    for (int i = 0; i < sets; i++) rolls.add(sets == 1 ? 10 + rnd.nextInt(11) : 6 + rnd.nextInt(9));
    double restRate = between(rnd, 10, 20);
    return new Person(
        a,
        pace,
        stroke,
        between(rnd, 0.04, 0.12),
        pauseP,
        pauseMax,
        split,
        between(rnd, 0.2, 0.8),
        growth,
        rolls,
        dwells,
        dwellMin,
        dwellMax,
        rocking,
        hold,
        between(rnd, 35, 95),
        restRate,
        between(rnd, 6, 12),
        between(rnd, 0.2, 0.6),
        between(rnd, 0.6, 1.2),
        between(rnd, 0.8, 1.7), // resting heart rates, 48-100 beats a minute
        between(rnd, 0.005, 0.02));
  }

  static double between(RandomGenerator rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }
}
