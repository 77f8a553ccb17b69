package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A motor line folded into the breathing band by a sensor with no anti-alias filter: the roller
 * (axis x, gravity in the y–z plane) rests under somebody breathing, while a 78.4 Hz motor (3 × 26 +
 * 0.4) sampled at 26 Hz shows as a 0.4 Hz line, its shaking a vector turning in the y–z plane (with a second
 * harmonic that folds to 0.8 Hz) and its wobble of the shell a swing of the rates about x.
 */
class AliasedLineCancellerTest {
  private static final double FS = 26.0;
  private static final double[] X_AXIS = {1, 0, 0};
  private static final double ALIAS_HZ = 0.4;
  private static final double BREATH_HZ = 0.13;
  private static final double BREATH_DEG = 0.4; // amplitude of the rocking

  /** The rocking's rate about x, °/s, at time t. */
  private static double breathRate(double t) {
    return breathRate(t, BREATH_DEG);
  }

  private static double breathRate(double t, double deg) {
    return deg * 2 * Math.PI * BREATH_HZ * Math.cos(2 * Math.PI * BREATH_HZ * t);
  }

  private static double breathAngleRad(double t) {
    return breathAngleRad(t, BREATH_DEG);
  }

  private static double breathAngleRad(double t, double deg) {
    return Math.toRadians(deg * Math.sin(2 * Math.PI * BREATH_HZ * t));
  }

  /**
   * Feeds {@code seconds} of the resting roller; returns the RMS of (cleaned rate about x − the
   * breathing's rate) over the last half, and of the raw rate's error likewise, in {@code err}.
   */
  private static double[] run(AliasedLineCanceller c, double seconds, double motorG, double tilt0) {
    return run(c, seconds, motorG, tilt0, X_AXIS);
  }

  private static double[] run(
      AliasedLineCanceller c, double seconds, double motorG, double tilt0, double[] axis) {
    return run(c, seconds, motorG, tilt0, axis, ALIAS_HZ, BREATH_DEG);
  }

  /** As above, the motor folded to {@code aliasHz}, the breathing {@code breathDeg} deep. */
  private static double[] run(
      AliasedLineCanceller c, double seconds, double motorG, double tilt0, double[] axis,
      double aliasHz, double breathDeg) {
    SplittableRandom rnd = new SplittableRandom(7);
    double cleanSq = 0;
    double rawSq = 0;
    int n = 0;
    double bias = 2.5; // °/s, a warm gyro's: the fit's level takes it
    for (int i = 0; i < seconds * FS; i++) {
      double t = i / FS;
      double th = tilt0 + breathAngleRad(t, breathDeg);
      // the motor's phase as the samples see it: a 78.4 Hz line sampled at 26 Hz is a 0.4 Hz one
      double p = 2 * Math.PI * aliasHz * t;
      double vy = motorG * (Math.cos(p) + 0.3 * Math.cos(2 * p + 0.4));
      double vz = motorG * (Math.sin(p) + 0.3 * Math.sin(2 * p + 0.4));
      double ay = Math.sin(th) + vy + 0.003 * rnd.nextGaussian();
      double az = Math.cos(th) + vz + 0.003 * rnd.nextGaussian();
      double ax = 0.003 * rnd.nextGaussian();
      double wobble = 12 * motorG * Math.cos(p + 0.3); // °/s about x, in step with the shaking
      double gx = bias + breathRate(t, breathDeg) + wobble + 0.05 * rnd.nextGaussian();
      double gy = 0.4 * motorG * Math.sin(p + 1.3) + 0.05 * rnd.nextGaussian();
      double gz = 0.05 * rnd.nextGaussian();
      c.update(gx, gy, gz, ax, ay, az, 1 / FS, axis);
      if (t > seconds / 2) {
        double truth = bias + breathRate(t, breathDeg);
        cleanSq += Math.pow(c.gx() - truth, 2);
        rawSq += Math.pow(gx - truth, 2);
        n++;
      }
    }
    return new double[] {Math.sqrt(cleanSq / n), Math.sqrt(rawSq / n)};
  }

  @Test
  void aLineFoldedIntoTheBreathingBandIsTakenOutAndTheBreathingKept() {
    AliasedLineCanceller c = new AliasedLineCanceller();
    double[] err = run(c, 60, 0.2, 0.3);
    assertTrue(c.active());
    double breathRms = BREATH_DEG * 2 * Math.PI * BREATH_HZ / Math.sqrt(2); // 0.23 °/s
    // raw, the line (2.4 °/s) swamps the breathing; cleaned, what is left is about the gyro's own
    // noise (0.05 °/s)
    assertTrue(err[1] > 5 * breathRms, "raw error " + err[1]);
    assertTrue(err[0] < 0.4 * breathRms, "cleaned error " + err[0] + " of " + breathRms);
  }

  /**
   * A deep breather (1.2° of rocking) over a fold at 0.8 Hz: the breathing leaves the line less
   * than the nine tenths of the rates' swing a fold inside the band must carry (seed 29000098:
   * 0.78–0.87, and every swing of the line was counted as a breath, 61 at 48 a minute).
   */
  @Test
  void aLineFoldedAboveBreathingIsTakenOutUnderADeepBreather() {
    AliasedLineCanceller c = new AliasedLineCanceller();
    double[] err = run(c, 60, 0.2, 0.3, X_AXIS, 0.8, 1.2);
    assertTrue(c.active(), "the line is taken out");
    double breathRms = 1.2 * 2 * Math.PI * BREATH_HZ / Math.sqrt(2); // 0.69 °/s
    assertTrue(err[1] > breathRms, "raw error " + err[1]);
    assertTrue(err[0] < 0.2 * breathRms, "cleaned error " + err[0] + " of " + breathRms);
  }

  @Test
  void aFoldOfAFewHertzIsLeftToTheAngleTrackerUnderADeepBreather() {
    // a 2 Hz fold is RollAngleTracker's; taken out here at under nine tenths and dropped at a
    // weight shift, it split a tender spot in two (28000125)
    AliasedLineCanceller c = new AliasedLineCanceller();
    run(c, 60, 0.2, 0.3, X_AXIS, 2.0, 1.2);
    assertFalse(c.active(), "a fold above the canceller's range needs nine tenths");
  }

  @Test
  void aLineFoldedIntoTheBreathingBandStaysInUnderADeepBreather() {
    // the same share at 0.4 Hz, inside breathing's band: a fit there could take breaths with it
    AliasedLineCanceller c = new AliasedLineCanceller();
    run(c, 60, 0.2, 0.3, X_AXIS, 0.4, 1.2);
    assertFalse(c.active(), "a fold in the band needs the line to carry nine tenths");
  }

  @Test
  void aRollerWithoutAMotorPassesThroughUntouched() {
    AliasedLineCanceller c = new AliasedLineCanceller();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 60 * FS; i++) {
      double t = i / FS;
      // rests, breathing, and a stroke every 20 s: everything a roller without a motor does
      double stroke = (t % 20) < 4 ? 30 * Math.sin(Math.PI * (t % 20) / 4) : 0;
      double th = Math.toRadians(stroke) + breathAngleRad(t);
      double gx = 1.0 + stroke + breathRate(t) + 0.05 * rnd.nextGaussian();
      double ay = Math.sin(th) + 0.003 * rnd.nextGaussian();
      double az = Math.cos(th) + 0.003 * rnd.nextGaussian();
      c.update(gx, 0.02, -0.01, 0.001, ay, az, 1 / FS, X_AXIS);
      assertFalse(c.active());
      assertEquals(gx, c.gx(), 0.0);
      assertEquals(ay, c.ay(), 0.0);
      assertEquals(az, c.az(), 0.0);
    }
  }

  @Test
  void theFitHoldsOnlyForTheAngleItWasLearnedAt() {
    AliasedLineCanceller c = new AliasedLineCanceller();
    run(c, 40, 0.2, 0.3);
    assertTrue(c.active());
    // the roller turns 40° within a second (a stroke): gravity turns in the sensor frame, and the
    // reference's phase with it, so the fit is dropped at once
    for (int i = 0; i < 3 * FS; i++) {
      double th = 0.3 + Math.toRadians(Math.min(40, 40 * i / FS));
      c.update(2.5 + (i < FS ? 40 : 0), 0, 0, 0, Math.sin(th), Math.cos(th), 1 / FS, X_AXIS);
    }
    assertFalse(c.active());
  }

  @Test
  void aLineInTheReferenceAloneIsNotFittedToTheBreaths() {
    // a motor's harmonic folded to 0.15 Hz shakes the specific force (0.08 g) but not the shell's
    // rates, and the patient breathes at 0.2 Hz: over a rest the two are alike enough for a fit
    // to take a share of the breaths as "the line" by chance; the rates must carry the line
    AliasedLineCanceller c = new AliasedLineCanceller();
    SplittableRandom rnd = new SplittableRandom(11);
    double hz = 0.2;
    int activeSamples = 0;
    for (int i = 0; i < 60 * FS; i++) {
      double t = i / FS;
      double th = 0.3 + Math.toRadians(0.5 * Math.sin(2 * Math.PI * hz * t));
      double p = 2 * Math.PI * 0.15 * t;
      double ay = Math.sin(th) + 0.08 * Math.cos(p) + 0.003 * rnd.nextGaussian();
      double az = Math.cos(th) + 0.08 * Math.sin(p) + 0.003 * rnd.nextGaussian();
      double gx = 1.5 + 0.5 * 2 * Math.PI * hz * Math.cos(2 * Math.PI * hz * t)
          + 0.05 * rnd.nextGaussian();
      c.update(gx, 0.05 * rnd.nextGaussian(), 0.05 * rnd.nextGaussian(), 0, ay, az, 1 / FS, X_AXIS);
      if (c.active()) activeSamples++;
    }
    assertEquals(0, activeSamples);
  }

  @Test
  void aDriftOfTheReferenceIsNotALine() {
    // a motor freed as somebody gets off, folded to within a few hundredths of a hertz of 0: the
    // specific force's length drifts by 0.15 g over tens of seconds and the empty shell creeps with
    // it. Within one rest that is a drift, not a line; taken out as one, it made the empty roller
    // read as somebody lying on it (--seed 22000135: a set of 36 passes lost)
    AliasedLineCanceller c = new AliasedLineCanceller();
    SplittableRandom rnd = new SplittableRandom(5);
    int activeSamples = 0;
    for (int i = 0; i < 40 * FS; i++) {
      double t = i / FS;
      double drift = 0.15 * Math.sin(2 * Math.PI * 0.03 * t); // a fold at 0.03 Hz: a drift in a rest
      double ay = Math.sin(0.3) + 0.003 * rnd.nextGaussian();
      double az = Math.cos(0.3) + drift + 0.003 * rnd.nextGaussian();
      double gx = 1.0 + 3 * drift + 0.05 * rnd.nextGaussian();
      c.update(gx, 0.05 * rnd.nextGaussian(), 0.05 * rnd.nextGaussian(), 0, ay, az, 1 / FS, X_AXIS);
      if (c.active()) activeSamples++;
    }
    assertEquals(0, activeSamples);
  }

  @Test
  void aLineDroppedAtAGapIsNotTakenOutOfGravitysAverageAfterIt() {
    // a proven fit, then 3 s without samples: the fit is gone, and so must be its line, which the
    // sample after the gap had still taken out of gravity's average as of before the gap
    AliasedLineCanceller c = new AliasedLineCanceller();
    run(c, 40, 0.5, 0.3);
    assertTrue(c.active());
    double[] before = c.gravityAverage();
    double ay = Math.sin(0.3);
    double az = Math.cos(0.3);
    c.update(2.5, 0, 0, 0, ay, az, 3.0, X_AXIS); // the first sample after the gap
    c.update(2.5, 0, 0, 0, ay, az, 1 / FS, X_AXIS);
    double k = 1 - Math.exp(-1 / FS / AliasedLineCanceller.GRAVITY_TAU_S);
    double[] after = c.gravityAverage();
    // one step of the average towards the sample itself, nothing taken off it (the line is up
    // to 0.65 g here, which the stale fit had taken off: 0.016 g in one step)
    assertEquals(before[1] + k * (ay - before[1]), after[1], 2e-3);
    assertEquals(before[2] + k * (az - before[2]), after[2], 2e-3);
  }

  @Test
  void aFitIsDroppedWhenTheRatesLeaveItForLongerThanAShift() {
    // somebody gets on an empty roller whose motor runs: a jostle of ±25 °/s for two seconds that
    // turns the roller by under 15°, after which the loaded motor's line is another one. The fit
    // learned on the empty roller must not be kept through it (--seed 25000135: it took ±10 °/s
    // out of the first stroke and split it into two passes)
    AliasedLineCanceller c = new AliasedLineCanceller();
    run(c, 40, 0.2, 0.3);
    assertTrue(c.active());
    boolean activeAfterOneSecond = false;
    for (int i = 0; i < 2 * FS; i++) {
      double t = i / FS;
      double jostle = 25 * Math.sin(2 * Math.PI * 1.5 * t);
      double th = 0.3 + Math.toRadians(25 / (2 * Math.PI * 1.5)) * (1 - Math.cos(2 * Math.PI * 1.5 * t));
      c.update(2.5 + jostle, 0, 0, 0, Math.sin(th), Math.cos(th), 1 / FS, X_AXIS);
      if (t > 1.5 && c.active()) activeAfterOneSecond = true;
    }
    assertFalse(activeAfterOneSecond);
  }

  @Test
  void aSwingThatDoesNotComeBackIsNotALine() {
    // a motor's load lifts and settles once (an empty roller's motor freed as somebody gets off,
    // spinning up and hunting): the specific force's length rises by 0.1 g and falls back over 8 s,
    // and the empty shell's rates follow it. In one rest that fits as well as a line would, slope
    // and all, but it swings out and back only once: a line shows its peak and its trough (--seed
    // 23000092: 20–30 °/s "taken out" of the empty roller's rocking, read as a 6.2 cm pass)
    AliasedLineCanceller c = new AliasedLineCanceller();
    SplittableRandom rnd = new SplittableRandom(9);
    int activeSamples = 0;
    for (int i = 0; i < 30 * FS; i++) {
      double t = i / FS;
      double bump = t < 3 || t > 11 ? 0 : 0.1 * Math.sin(Math.PI * (t - 3) / 8);
      double ay = Math.sin(0.3) * (1 + bump) + 0.003 * rnd.nextGaussian();
      double az = Math.cos(0.3) * (1 + bump) + 0.003 * rnd.nextGaussian();
      double gx = 0.5 + 80 * bump + 0.05 * rnd.nextGaussian();
      c.update(gx, 0.05 * rnd.nextGaussian(), 0.05 * rnd.nextGaussian(), 0, ay, az, 1 / FS, X_AXIS);
      if (c.active()) activeSamples++;
    }
    assertEquals(0, activeSamples);
  }

  @Test
  void aLineLargeEnoughToSwingGravitysAverageIsNotTakenForATurn() {
    // a freed motor folded to 0.2 Hz swings the specific force's direction by ±34° and its length
    // by ±0.3 g: averaged over 2 s, the direction still swings by more than the 15° turn that
    // drops the fit. Read without the fitted line, that restarted the fit every few seconds, and
    // each restart left a step in θ (--seed 22000163: an empty roller drifted 40° between two sets)
    AliasedLineCanceller c = new AliasedLineCanceller();
    SplittableRandom rnd = new SplittableRandom(13);
    int drops = 0;
    int activeSamples = 0;
    boolean was = false;
    for (int i = 0; i < 60 * FS; i++) {
      double t = i / FS;
      double p = 2 * Math.PI * 0.2 * t;
      // the specific force's direction swings by ±0.6 rad and its length by ±0.3 g, in step
      double dir = 0.3 + 0.6 * Math.cos(p);
      double len = 1 + 0.3 * Math.cos(p);
      double ay = len * Math.sin(dir) + 0.003 * rnd.nextGaussian();
      double az = len * Math.cos(dir) + 0.003 * rnd.nextGaussian();
      double gx = 1.0 + 8 * Math.cos(p + 0.3) + 0.05 * rnd.nextGaussian();
      c.update(gx, 0.05 * rnd.nextGaussian(), 0.05 * rnd.nextGaussian(), 0, ay, az, 1 / FS, X_AXIS);
      if (t > 20 && was && !c.active()) drops++;
      if (t > 20 && c.active()) activeSamples++;
      was = c.active();
    }
    // read without the line, gravity's average turned by over 15° every few seconds and the fit
    // never stayed in use
    assertTrue(activeSamples > 0.9 * 40 * FS, "in use " + activeSamples / (40 * FS));
    assertEquals(0, drops);
  }

  @Test
  void nothingIsTakenOutBeforeARollAxisIsKnown() {
    // before the first strokes there is no roll axis, so whether the rates carry the line cannot be
    // checked; taken out anyway, an empty roller's cleaned rates read as somebody lying still, a
    // tender spot before anyone got on (--seed 26000125)
    AliasedLineCanceller c = new AliasedLineCanceller();
    run(c, 60, 0.2, 0.3, null);
    assertFalse(c.active());
  }
}
