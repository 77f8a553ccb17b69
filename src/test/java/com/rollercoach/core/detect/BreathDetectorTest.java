package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The breath counter's mechanisms on hand-made θ traces at the detector grid rate: raised-cosine
 * breaths (inhale 40 % of the period), with weight-shift steps, a sigh's double inhale, a wiggle
 * line, shallow and deep breathers. The traces are made here, not by the simulator.
 */
class BreathDetectorTest {
  private static final double HZ = 50;
  private static final double PERIOD_S = 6.0;

  /** θ of breaths every {@link #PERIOD_S} s from t = 0, depth {@code depthDeg}, rising on inhale. */
  private static double breathing(double t, double depthDeg) {
    return breath(t % PERIOD_S, PERIOD_S, depthDeg);
  }

  /** A smooth step of {@code sizeDeg} from {@code atS} over {@code durS}. */
  private static double step(double t, double atS, double durS, double sizeDeg) {
    if (t <= atS) return 0;
    if (t >= atS + durS) return sizeDeg;
    return sizeDeg * 0.5 * (1 - Math.cos(Math.PI * (t - atS) / durS));
  }

  private static BreathDetector feed(double seconds, DoubleUnaryOperator theta) {
    BreathDetector b = new BreathDetector(HZ);
    for (int i = 0; i <= seconds * HZ; i++) b.update(i / HZ, theta.applyAsDouble(i / HZ));
    // a few seconds of the last level so the delay line and filters empty
    double last = theta.applyAsDouble(seconds);
    for (int i = 1; i <= 3 * HZ; i++) b.update(seconds + i / HZ, last);
    return b;
  }

  /** True onsets at 6, 12, ... inside (from, to). */
  private static int trueOnsets(double from, double to) {
    int n = 0;
    for (double t = 0; t < to; t += PERIOD_S) if (t > from) n++;
    return n;
  }

  @Test
  void countsPlainBreathsAtTheirOnsets() {
    // the onsets are placed when they happened (the filters' group delay taken off), within 0.5 s
    assertOnsetsEveryPeriod(feed(66, t -> breathing(t, 1.0)), 3, 63, 0.5);
  }

  /** Exactly the true onsets inside (from, to) are found, each within {@code toleranceS} of one. */
  private static void assertOnsetsEveryPeriod(BreathDetector b, double from, double to, double toleranceS) {
    double[] on = b.onsetsInStill(from, to, false);
    assertEquals(trueOnsets(from, to), on.length);
    for (double o : on) {
      double nearest = Math.rint(o / PERIOD_S) * PERIOD_S;
      assertEquals(nearest, o, toleranceS, "onset at " + o);
    }
  }

  @Test
  void shallowAndDeepBreathersAreEachJudgedAgainstTheirOwnSize() {
    for (double depth : new double[] {0.08, 0.3, 3.0}) {
      BreathDetector b = feed(66, t -> breathing(t, depth) + 0.1 * depth * Math.sin(2 * Math.PI * 0.9 * t));
      assertEquals(trueOnsets(3, 63), b.onsetsInStill(3, 63, false).length, "depth " + depth);
    }
  }

  @Test
  void weightShiftsMuchFasterThanBreathingAreNotBreaths() {
    // steps of 5-6° over 1.2-1.5 s (a 0.7 cm shift on a 15 cm roller), many times a 0.5° breath,
    // each against the breathing's direction (up while breathing out, down while breathing in), where
    // a step's two edges would otherwise be a breath of their own
    DoubleUnaryOperator theta =
        t -> breathing(t, 0.5) + step(t, 15.5, 1.5, 6) + step(t, 27.5, 1.5, 6)
            + step(t, 36.7, 1.2, -5) + step(t, 51.5, 1.5, 6);
    BreathDetector b = feed(66, theta);
    // each onset where it was: the breathing carried through a step is the increment read before
    // the step's toe (the toe's own increment, carried, ramped 0.5° in the step's direction and put
    // the onset after the step at 36.7 s two seconds late)
    assertOnsetsEveryPeriod(b, 3, 63, 0.5);
    // the steps were recognised by their rate (each ≥ 1.2 s; plain breathing flags none after start-up)
    BreathDetector plain = feed(66, t -> breathing(t, 0.5));
    assertTrue(b.shiftSamples - plain.shiftSamples >= 4 * 1.0 * HZ, "shift samples " + b.shiftSamples);
  }

  @Test
  void aWeightShiftAtABreathsTurnCostsNoBreath() {
    // steps right at a breath's turn: the filters' overshoot (4-5 % of the step) is their free
    // response, taken off after the step, so each breath keeps its onset (the one after the step
    // at 31 s was 0.8 s early while the overshoot's return was kept)
    DoubleUnaryOperator theta =
        t -> breathing(t, 0.5) + step(t, 14.5, 1.5, 6) + step(t, 31.0, 1.5, -6) + step(t, 44.0, 1.2, 5);
    assertOnsetsEveryPeriod(feed(66, theta), 3, 63, 0.5);
  }

  @Test
  void theFiltersOvershootAfterAWeightShiftIsNotABreath() {
    // slow breaths (one every 12 s) of 0.6°, and 10° shifts over 1-2 s (a 1.2 cm shift on a 15 cm
    // roller) in the middle of exhales: the low-pass overshoots each by 0.2-0.5°, and its return
    // after the shift's rate has fallen back was a swing of its own, well above the hysteresis
    double period = 12;
    for (double dur : new double[] {1.0, 1.5, 2.0}) {
      DoubleUnaryOperator theta =
          t -> breath(t % period, period, 0.6) + step(t, 19.0, dur, 10) + step(t, 43.0, dur, -10)
              + step(t, 66.5, dur, 10);
      BreathDetector b = feed(96, theta);
      double[] on = b.onsetsInStill(3, 94, false);
      // true onsets at 12, 24, ..., 84
      assertEquals(7, on.length, "shift over " + dur + " s: " + Arrays.toString(on));
    }
  }

  @Test
  void aStillForgetsTheStrokesSwingsSoAnEarlyWeightShiftIsCutOut() {
    // 30 s of 18° strokes (swings of ~12 °/s), then a still with slow 0.6° breaths every 12 s and a
    // 1 cm shift (8° over 1.5 s) 7 s in, before slow breathing has swung three times: against the
    // strokes' remembered swings the shift is no faster than 8× the typical rate
    double period = 12;
    double stillS = 30;
    DoubleUnaryOperator theta =
        t -> t < stillS
            ? 9 * (1 - Math.cos(2 * Math.PI * t / 3))
            : breath((t - stillS) % period, period, 0.6) + step(t, stillS + 7, 1.5, 8);
    for (boolean told : new boolean[] {false, true}) {
      BreathDetector b = new BreathDetector(HZ);
      for (int i = 0; i <= 96 * HZ; i++) {
        double t = i / HZ;
        b.update(t, theta.applyAsDouble(t));
        // the still is confirmed a second after it began, as SessionDetector announces it
        if (told && i == (int) ((stillS + 1) * HZ)) b.stillStarted(stillS);
      }
      double[] on = b.onsetsInStill(stillS + 1, 95, false);
      // true onsets at 42, 54, 66, 78, 90
      if (told) assertEquals(5, on.length, Arrays.toString(on));
      else assertTrue(on.length > 5, "without the still's start the shift is a breath: " + Arrays.toString(on));
    }
  }

  @Test
  void aSighsDoubleInhaleIsOneBreath() {
    // the breath at 24 s is a sigh: inhale, a small dip, a second inhale on top, then a long exhale
    DoubleUnaryOperator theta =
        t -> {
          if (t < 24) return breathing(t, 1.0);
          if (t >= 33) return breathing(t - 3, 1.0);
          double u = t - 24;
          if (u < 2) return 1.2 * 0.5 * (1 - Math.cos(Math.PI * u / 2));
          if (u < 2.6) return 1.2 - 0.15 * Math.sin(Math.PI * (u - 2) / 0.6);
          if (u < 4.0) return 1.2 + 1.3 * 0.5 * (1 - Math.cos(Math.PI * (u - 2.6) / 1.4));
          return 2.5 * 0.5 * (1 + Math.cos(Math.PI * (u - 4.0) / 5.0));
        };
    BreathDetector b = feed(66, theta);
    // breaths at 6, 12, 18, 24 (sigh), then 33, 39, ... : the sigh shifts the later ones by 3 s
    List<Double> truth = new ArrayList<>(List.of(6.0, 12.0, 18.0, 24.0));
    for (double t = 33; t < 63; t += PERIOD_S) truth.add(t);
    assertEquals(truth.stream().filter(t -> t > 3 && t < 61).count(), b.onsetsInStill(3, 61, false).length);
  }

  @Test
  void aShallowBreathOnASwaysSlopeIsCounted() {
    // 0.15° breaths under a 0.35° sway at 0.02 Hz: where its slope is steepest it turns the roller
    // nearly as fast as an exhale does (0.044 against 0.065 °/s at most), so some exhales are plateaus
    // and the rise from one trough to the next peak holds two inhales
    DoubleUnaryOperator theta = t -> breathing(t, 0.15) + 0.35 * Math.sin(2 * Math.PI * 0.02 * t);
    assertOnsetsEveryPeriod(feed(96, theta), 3, 93, 1.5);
  }

  @Test
  void aLongPauseIsNotAHiddenBreath() {
    // after the exhale that ends at 30 s the person pauses 4 s before the next inhale: the inhale's
    // edge outlasts the others by more than half a period, as an edge hiding a breath does, but its
    // rate has one hump, not two (a pause of 5 s or more makes the next inhale read as a weight
    // shift against the 10 s rate median; that is another matter)
    DoubleUnaryOperator theta = t -> t < 30 ? breathing(t, 0.5) : t < 34 ? 0 : breathing(t - 4, 0.5);
    BreathDetector b = feed(66, theta);
    assertEquals(9, b.onsetsInStill(3, 63, false).length); // 6, 12, 18, 24, 34, 40, 46, 52, 58
  }

  /**
   * 0.3° breaths every {@link #PERIOD_S} s; the one at 24 s is a sigh (2.5 times as deep, half as
   * long again), followed by a pause at the exhaled level (post-sigh apnea) until 39 s in which only
   * {@code pause} moves the roller; then breaths again. Onsets: 6, 12, 18, 24 (the sigh), 39, 45, 51,
   * 57.
   */
  private static double sighAndPause(double t, DoubleUnaryOperator pause) {
    if (t < 24) return breathing(t, 0.3);
    if (t < 33) return breath(t - 24, 9, 0.75);
    if (t < 39) return pause.applyAsDouble(t);
    return breathing(t - 39, 0.3);
  }

  @Test
  void thePauseAfterASighIsNotAHiddenBreath() {
    // under a slow sway the sigh's exhale edge outlasts the others by a period, and the sway's slope
    // through the pause puts a dip between two humps of its rate, the mark of a breath hidden under
    // sway. Each sway here (amplitude °, frequency Hz, phase) was counted 9 without the rule.
    double[][] sways = {
      {0.08, 0.08, 1.5}, {0.08, 0.08, 3.5}, {0.12, 0.05, 3.0}, {0.12, 0.08, 1.0},
      {0.20, 0.05, 2.5}, {0.20, 0.05, 3.0}, {0.20, 0.05, 3.5}
    };
    for (double[] w : sways) {
      DoubleUnaryOperator theta =
          t -> sighAndPause(t, u -> 0) + w[0] * Math.sin(2 * Math.PI * w[1] * t + w[2]);
      assertEquals(
          8, feed(66, theta).onsetsInStill(3, 61, false).length, "sway " + Arrays.toString(w));
    }
  }

  @Test
  void aWiggleInThePauseAfterASighIsNotABreath() {
    // in the pause the roller rises and falls back by 0.07-0.1° over 4 s (a third of a breath or
    // less): without the rule it was counted, 9 onsets instead of 8
    for (double bump : new double[] {0.07, 0.08, 0.1}) {
      for (double at : new double[] {33.5, 34, 35}) {
        DoubleUnaryOperator wiggle =
            u -> u > at && u < at + 4 ? bump * 0.5 * (1 - Math.cos(2 * Math.PI * (u - at) / 4)) : 0;
        DoubleUnaryOperator theta = t -> sighAndPause(t, wiggle);
        assertEquals(8, feed(66, theta).onsetsInStill(3, 61, false).length, bump + "° at " + at);
      }
    }
  }

  /** One raised-cosine breath of {@code periodS} (inhale 40 %) and {@code depthDeg}, u s after its onset. */
  private static double breath(double u, double periodS, double depthDeg) {
    double inhale = 0.4 * periodS;
    if (u < 0 || u >= periodS) return 0;
    if (u < inhale) return depthDeg * 0.5 * (1 - Math.cos(Math.PI * u / inhale));
    return depthDeg * 0.5 * (1 + Math.cos(Math.PI * (u - inhale) / (periodS - inhale)));
  }

  @Test
  void theInhaleAfterALongPauseIsABreathNotAWeightShift() {
    // 6 s without breathing after the exhale that ends at 30 s: the 10 s rate median falls to the
    // noise floor, and the next inhale turns the roller at the breathing's ordinary rate
    for (double pause : new double[] {5, 6, 8}) {
      DoubleUnaryOperator theta =
          t -> t < 30 ? breathing(t, 0.5) : t < 30 + pause ? 0 : breathing(t - pause, 0.5);
      BreathDetector b = feed(66, theta);
      long truth =
          java.util.stream.DoubleStream.iterate(6, t -> t < 63, t -> t + PERIOD_S)
              .map(t -> t < 30 ? t : t + pause)
              .filter(t -> t < 63)
              .count();
      assertEquals(truth, b.onsetsInStill(3, 63, false).length, "pause " + pause);
    }
  }

  @Test
  void aSlowInhaleThatFaltersIsOneBreath() {
    // the breath at 30 s is drawn in over 6 s in two pushes, its rate falling to 60 % in between,
    // then let out over 4 s: its inhale edge outlasts the others by more than half a period and its
    // rate has two humps, but no breath's opposite half stalled it in between
    double inhaleS = 6;
    int steps = 6000;
    double[] slow = new double[steps + 1];
    for (int i = 1; i <= steps; i++) {
      double u = inhaleS * (i - 0.5) / steps;
      double rate = Math.sin(Math.PI * u / inhaleS) * (1 - 0.5 * Math.exp(-Math.pow((u - 3) / 0.7, 2)));
      slow[i] = slow[i - 1] + rate * inhaleS / steps;
    }
    double depth = 0.5;
    DoubleUnaryOperator theta =
        t -> {
          if (t < 30) return breathing(t, depth);
          if (t >= 40) return breathing(t - 4, depth);
          double u = t - 30;
          if (u < inhaleS) return depth * slow[(int) (u / inhaleS * steps)] / slow[steps];
          return depth * 0.5 * (1 + Math.cos(Math.PI * (u - inhaleS) / 4));
        };
    BreathDetector b = feed(66, theta);
    assertEquals(9, b.onsetsInStill(3, 63, false).length); // 6, 12, 18, 24, 30, 40, 46, 52, 58
  }

  @Test
  void aHiddenBreathFoundLateIsTheOneAnnouncedNotTheLatest() {
    // announced live: 6.1, 12.0, 18.2; now 6.0 and 18.3 moved a little, a hidden breath at 15.0
    // was found inside an edge, and 24.1 is the latest
    double[] done = {6.1, 12.0, 18.2, 0, 0};
    double[] now = {6.0, 12.0, 15.0, 18.3, 24.1};
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new double[] {15.0, 24.1}, BreathDetector.unannounced(now, done, 3, 2));
    // nothing announced yet: the first ones in time order
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new double[] {6.0, 12.0}, BreathDetector.unannounced(new double[] {6.0, 12.0}, done, 0, 2));
  }

  @Test
  void zigzagOverExtremesDropsSwingsBelowTheHysteresis() {
    double[] t = {0, 1, 2, 3, 4, 5, 6};
    double[] v = {0, 1, 0.9, 1.2, 0, 0.05, -0.1};
    int n = BreathDetector.rezigzag(t, v, t.length, 0.3);
    // 0 → 1.2 (the 0.1 dip skipped) → -0.1 (the 0.05 bump skipped)
    assertEquals(3, n);
    assertEquals(1.2, v[1], 1e-12);
    assertEquals(-0.1, v[2], 1e-12);
  }

  @Test
  void typicalSwingIsWeightedByDuration() {
    // five quick 0.05° wiggles and three slow 1° breaths: the breaths set the scale
    double[] t = {0, 0.2, 0.4, 0.6, 0.8, 1.0, 4, 8, 12};
    double[] v = {0, 0.05, 0, 0.05, 0, 0.05, 1.05, 0.05, 1.05};
    assertEquals(1.0, BreathDetector.medianSwing(t, v, t.length), 1e-9);
  }

  @Test
  void runningMedianFollowsTheWindow() {
    BreathDetector.RunningMedian m = new BreathDetector.RunningMedian(5);
    for (double x : new double[] {1, 1, 1, 100, 100}) m.add(x);
    assertEquals(1, m.median(), 0.06);
    for (double x : new double[] {100, 100}) m.add(x);
    assertEquals(100, m.median(), 6);
  }

  // --- a hold's edges: the stroke that stops at its start, the getting off at its end ---

  private static final double STOP_S = 5.0;

  /** Minimum-jerk ramp of {@code sizeDeg} from {@code atS} over {@code durS} (a stroke, getting off). */
  private static double ramp(double t, double atS, double durS, double sizeDeg) {
    double u = Math.min(1, Math.max(0, (t - atS) / durS));
    return sizeDeg * u * u * u * (10 - 15 * u + 6 * u * u);
  }

  /**
   * A falling stroke of 20° over 1.5 s that stops at {@link #STOP_S}, breathing (θ rising on inhale,
   * onsets at {@code firstOnsetS} + k·period, before and after), and getting off from {@code offS}:
   * the roller turned 25° up in 0.4 s as the person rolls off it.
   */
  private static BreathDetector hold(double firstOnsetS, double offS) {
    double lag = ((firstOnsetS % PERIOD_S) + PERIOD_S) % PERIOD_S;
    return feed(offS + 4, t -> ramp(t, STOP_S - 1.5, 1.5, -20) + breathing(t + PERIOD_S - lag, 1.0) + ramp(t, offS, 0.4, 25));
  }

  private static int trueOnsets(double firstOnsetS, double fromS, double toS) {
    int n = 0;
    for (double t = firstOnsetS - 10 * PERIOD_S; t < toS; t += PERIOD_S) if (t > fromS) n++;
    return n;
  }

  @Test
  void anInhaleThatBeginsAsTheRollerStopsIsCounted() {
    // the stroke's stop is a trough, and a whole inhale follows it: the person began breathing in
    // at the stop (a fixed one-second margin after the start dropped this breath)
    double first = STOP_S + 0.1;
    double off = first + 9 * PERIOD_S + 3.5; // mid-exhale: nothing about to begin at the end
    double[] on = hold(first, off).onsetsInStill(STOP_S, off, true);
    assertEquals(trueOnsets(first, STOP_S, off), on.length);
    assertEquals(first, on[0], 0.5);
  }

  @Test
  void aStopMidInhaleIsNotAnOnset() {
    // the same trough at the stop, but the inhale began 1.2 s before it: only half an inhale follows
    double first = STOP_S - 1.2;
    double off = first + 9 * PERIOD_S + 3.5;
    double[] on = hold(first, off).onsetsInStill(STOP_S, off, true);
    assertEquals(trueOnsets(first, STOP_S, off), on.length);
    assertEquals(first + PERIOD_S, on[0], 0.5);
  }

  @Test
  void anInhaleAfterTheRollerLayStillIsPlacedWhereItBegan() {
    // the stop falls in the breath's pause: the roller lies still 2 s, then the inhale begins; its
    // onset is when it began, not the stop
    double first = STOP_S + 2.0;
    double off = first + 9 * PERIOD_S + 3.5;
    double[] on = hold(first, off).onsetsInStill(STOP_S, off, true);
    assertEquals(trueOnsets(first, STOP_S, off), on.length);
    assertEquals(first, on[0], 0.5);
  }

  @Test
  void theRollerSettlingAfterTheStopIsNotABreath() {
    // after the stop the roller rocks back by 0.2° and forth again (edges of 0.9 s, well under this
    // person's 2.4 s inhales), then 0.3° breaths begin 4 s after the stop. Judged like any edge,
    // the rock-back was a breath of its own (seed 25000093, breathers: +1)
    double first = STOP_S + 4.0;
    double off = first + 9 * PERIOD_S + 3.5;
    double lag = first % PERIOD_S;
    double settle = STOP_S + 1.0;
    DoubleUnaryOperator theta =
        t ->
            ramp(t, STOP_S - 1.5, 1.5, -20)
                + (t > settle && t < settle + 2.7 ? 0.1 * Math.sin(Math.PI * (t - settle) / 0.9) : 0)
                + (t >= first ? breathing(t + PERIOD_S - lag, 0.3) : 0)
                + ramp(t, off, 0.4, 25);
    double[] on = feed(off + 4, theta).onsetsInStill(STOP_S, off, true);
    assertEquals(trueOnsets(first, STOP_S, off), on.length);
    assertEquals(first, on[0], 0.5);
  }

  @Test
  void gettingOffMidExhaleIsNotAnOnset() {
    // getting off turns θ up (the inhale's direction) late in an exhale: the filtered angle turns at
    // a trough placed up to the group delay before the get-off, which is no breath (a 0.3 s margin
    // before the end counted it from 1.6 s into the 3.6 s exhale on)
    double first = STOP_S + 3.0;
    for (double intoExhale : new double[] {0.6, 1.8, 2.6, 3.2}) {
      double off = first + 8 * PERIOD_S + 0.4 * PERIOD_S + intoExhale;
      double[] on = hold(first, off).onsetsInStill(STOP_S, off, true);
      assertEquals(trueOnsets(first, STOP_S, off), on.length, "off " + intoExhale + " s into the exhale");
    }
  }
}
