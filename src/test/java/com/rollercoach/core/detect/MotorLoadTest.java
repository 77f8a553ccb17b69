package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A running motor's shaking steps up when the load leaves the roller (issue 10). */
class MotorLoadTest {
  private static final double HZ = 50;

  /** Feeds {@code seconds} of grid samples; returns the first time it reads unloaded, NaN if never. */
  private static double feed(
      MotorLoad m, double[] t, double seconds, double levelG, boolean atRest, boolean shockFirst) {
    // a running motor's level wanders by ±10 % (beats between its line and its harmonics)
    return feedLevels(
        m, t, seconds, u -> levelG * (1 + 0.1 * Math.sin(2 * Math.PI * 0.7 * u)), atRest, shockFirst);
  }

  /** As {@link #feed}, the level at each time given by {@code levelAt}. */
  private static double feedLevels(
      MotorLoad m, double[] t, double seconds, java.util.function.DoubleUnaryOperator levelAt,
      boolean atRest, boolean shockFirst) {
    double first = Double.NaN;
    int n = (int) Math.round(seconds * HZ);
    for (int i = 0; i < n; i++) {
      boolean unloaded = m.update(t[0], levelAt.applyAsDouble(t[0]), atRest, shockFirst && i == 0);
      if (unloaded && Double.isNaN(first)) first = t[0];
      t[0] += 1 / HZ;
    }
    return first;
  }

  @Test
  void shakingThatStepsUpThreefoldWhenTheLoadLeavesMarksTheGetOff() {
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    assertTrue(Double.isNaN(feed(m, t, 30, 0.15, true, false)), "a steady loaded motor is not a get-off");
    assertTrue(Double.isNaN(feed(m, t, 1.0, 0.3, false, true)), "not while the roller is shoved");
    double restS = t[0];
    double at = feed(m, t, 5, 0.45, true, false);
    assertFalse(Double.isNaN(at), "the freed motor shows the load gone");
    assertTrue(at - restS <= 2.5, "within 2.5 s of the roller coming to rest: " + (at - restS));
  }

  @Test
  void aLoadedMotorWithoutAStepIsNeverUnloaded() {
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    assertTrue(Double.isNaN(feed(m, t, 20, 0.15, true, false)));
    // a weight shift: a shock, a little movement, then the same damping (within 20 %)
    assertTrue(Double.isNaN(feed(m, t, 1.0, 0.2, false, true)));
    assertTrue(Double.isNaN(feed(m, t, 20, 0.17, true, false)), "a 13 % change is not a load leaving");
  }

  @Test
  void rollingOrAMotorSwitchedOnIsNotALoadLeaving() {
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    feed(m, t, 20, 0.15, true, false);
    assertTrue(Double.isNaN(feed(m, t, 5, 0.45, false, false)), "rolling adds to the residual: not judged");
    MotorLoad off = new MotorLoad(HZ);
    double[] u = {0};
    feed(off, u, 20, 0.004, true, false); // motor off: the accelerometer's noise
    assertTrue(Double.isNaN(feed(off, u, 20, 0.4, true, true)), "switched on: from no motor, no load reference");
  }

  @Test
  void theLastCleanLoadedSampleIsKnownAndAStepUpDoesNotMoveIt() {
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    assertTrue(m.loadSeenS() < 0, "nothing seen yet");
    feed(m, t, 20, 0.15, true, false);
    double loadedEnd = t[0];
    assertTrue(loadedEnd - m.loadSeenS() < 0.05, "loaded at rest until the last sample: " + m.loadSeenS());
    feed(m, t, 1.0, 0.3, false, true); // the get-off's shove
    feed(m, t, 5, 0.45, true, false); // the freed motor
    assertTrue(m.loadSeenS() < loadedEnd, "the freed shell is no load: " + m.loadSeenS());
  }

  @Test
  void shakingThatFallsToUnderHalfItsLoadedLevelWhileTheMotorRunsIsTheLoadLeaving() {
    // a slow sensor's alias of the freed, faster motor can read lower than the loaded one
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    assertTrue(Double.isNaN(feed(m, t, 30, 0.2, true, false)));
    double loadedEnd = t[0];
    assertFalse(m.fell());
    assertTrue(Double.isNaN(feed(m, t, 1.0, 0.3, false, true)), "not while the roller is shoved");
    double restS = t[0];
    double at = feed(m, t, 6, 0.07, true, false);
    assertFalse(Double.isNaN(at), "the fall shows the load gone");
    // a clean second, the level's 0.3 s smoothing, and the fall lasting 2 s
    assertTrue(at - restS <= 4, "within 4 s of the roller coming to rest: " + (at - restS));
    assertTrue(at - restS >= MotorLoad.FALL_CONFIRM_S, "not before the fall has lasted: " + (at - restS));
    assertTrue(m.fell());
    feed(m, t, 20, 0.07, true, false);
    assertTrue(m.loadSeenS() < loadedEnd, "the lower level is no load, however long it lasts: " + m.loadSeenS());
  }

  @Test
  void aMotorSwitchedOffOrABriefDipIsNoFall() {
    MotorLoad off = new MotorLoad(HZ);
    double[] t = {0};
    feed(off, t, 30, 0.2, true, false);
    assertTrue(Double.isNaN(feed(off, t, 10, 0.004, true, true)), "switched off: silent, not freed");
    assertFalse(off.fell());
    MotorLoad dip = new MotorLoad(HZ);
    double[] u = {0};
    feed(dip, u, 30, 0.2, true, false);
    assertTrue(Double.isNaN(feed(dip, u, 10, 0.12, true, false)), "a 40 % drop is within a load's damping");
    assertFalse(dip.fell());
  }

  @Test
  void aLevelWellBelowTheLoadedOneIsNoEvidenceOfTheLoad() {
    // the shaking sinking towards a fall as the load leaves (seed 22000135: 0.25 g loaded, then
    // 0.17, 0.14, 0.12 g as the freed motor's alias moved) showed the load until the fall was sure
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    feed(m, t, 30, 0.2, true, false);
    double loadedEnd = t[0];
    assertTrue(loadedEnd - m.loadSeenS() < 0.05, "loaded at rest: " + m.loadSeenS());
    assertTrue(Double.isNaN(feed(m, t, 1.5, 0.12, true, false)), "not yet a fall");
    // (the level's 0.3 s smoothing takes ~0.6 s to cross the band's edge)
    assertTrue(m.loadSeenS() < loadedEnd + 0.8, "0.6 of the loaded level shows no load: " + m.loadSeenS());
    feed(m, t, 10, 0.18, true, false);
    assertTrue(t[0] - m.loadSeenS() < 0.05, "within 1.5x of it does: " + m.loadSeenS());
  }

  @Test
  void aLoadedLevelBeatingTwoAndAHalfFoldIsNoLoadLeavingButAFreedMotorAboveItsPeaksIs() {
    // a 25 Hz sensor's alias of a loaded motor beating with its harmonics: 0.12-0.30 g every 6 s
    // (seed 27000161), its highs 1.5x the reference at the lows
    MotorLoad m = new MotorLoad(HZ);
    double t = 0;
    double first = Double.NaN;
    for (; t < 60; t += 1 / HZ) {
      double level = 0.21 - 0.09 * Math.cos(2 * Math.PI * t / 6);
      if (m.update(t, level, true, false) && Double.isNaN(first)) first = t;
    }
    assertTrue(Double.isNaN(first), "the beating loaded level read as a get-off at " + first);
    double freedS = t;
    for (; t < 66; t += 1 / HZ) {
      if (m.update(t, 0.6, true, false) && Double.isNaN(first)) first = t;
    }
    assertFalse(Double.isNaN(first), "a freed motor at twice the loaded peak is the load leaving");
    assertTrue(first - freedS < 2, "within 2 s: " + (first - freedS));
  }

  @Test
  void aFreedLevelSeenAtRestDuringTheGetOffIsNoLoadedPeak() {
    // a half second at rest as the person lifts off already shows the freed motor (seed 23000149);
    // 4 s later it reaches the delayed reference, when the roller has come to rest after the shove
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    feed(m, t, 30, 0.33, true, false);
    feed(m, t, 0.5, 0.62, true, false);
    feed(m, t, 1.0, 0.7, false, true);
    double restS = t[0];
    double at = feed(m, t, 4, 0.7, true, true);
    assertFalse(Double.isNaN(at), "the freed motor, 2.1x the loaded level, is the load leaving");
    assertTrue(at - restS >= 2.5, "not before the shock's ring and a clean second: " + (at - restS));
  }

  @Test
  void aSettlingBodysHighLevelIsForgottenOverTheRollingThatFollows() {
    // the shaking still damping down as the person settles (0.63 g, clean), then a minute of
    // rolling at 0.39 g (nothing clean), a rest, and the freed motor at 0.62 g (seed 27000142: 0.66)
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    feed(m, t, 3, 0.63, true, false);
    feed(m, t, 6, 0.39, true, false);
    feed(m, t, 60, 0.39, false, false);
    feed(m, t, 6, 0.39, true, false);
    feed(m, t, 1.0, 0.5, false, false);
    double at = feed(m, t, 5, 0.62, true, false);
    assertFalse(Double.isNaN(at), "the freed motor, 1.6x the loaded level, is the load leaving");
  }

  /**
   * As {@link #feed}, at rest, the first sample shocked: a level at {@code lowG} with a high to
   * {@code highG} every {@code periodS}, the first {@code phaseS} + half a period in (a slow
   * sensor's alias beating with its harmonics).
   */
  private static double feedBeating(
      MotorLoad m, double[] t, double seconds, double lowG, double highG, double periodS,
      double phaseS) {
    double t0 = t[0];
    double first =
        feedLevels(
            m,
            t,
            seconds,
            u -> {
              double c = Math.max(0, -Math.cos(2 * Math.PI * (u - t0 - phaseS) / periodS));
              return lowG + (highG - lowG) * c * c;
            },
            true,
            true);
    return first - t0;
  }

  @Test
  void aLoadedMotorsBeatThroughAHoldIsNoLoadLeaving() {
    // seed 31000165 at 50 Hz: the loaded level learned on a tender spot, a minute of rolling, then a
    // hold whose level beat 0.044-0.09 g every 3.2 s. The first high came before the reference had
    // proved steady again; the loaded peak learns each high 4 s late, so the second high was read
    // as the load leaving, 6 s into the hold
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    assertTrue(Double.isNaN(feed(m, t, 30, 0.05, true, false)));
    assertTrue(Double.isNaN(feed(m, t, 40, 0.08, false, false)), "rolling: not judged");
    double at = feedBeating(m, t, 40, 0.044, 0.095, 3.2, 0.4);
    assertTrue(Double.isNaN(at), "the motor beating under the person, read as unloaded " + at + " s in");
  }

  @Test
  void aFreedMotorAfterABeatStillShowsTheLoadGone() {
    MotorLoad m = new MotorLoad(HZ);
    double[] t = {0};
    feed(m, t, 30, 0.05, true, false);
    feed(m, t, 40, 0.08, false, false);
    feedBeating(m, t, 20, 0.044, 0.095, 3.2, 0.4);
    // lifted straight off, no shock, no motion: the freed shell shakes four times as hard
    double at = Double.NaN;
    for (int i = 0; i < 5 * HZ && Double.isNaN(at); i++) {
      if (m.update(t[0], 0.2, true, false)) at = t[0];
      t[0] += 1 / HZ;
    }
    assertFalse(Double.isNaN(at), "a step above the beat's highs is the load leaving");
  }
}
