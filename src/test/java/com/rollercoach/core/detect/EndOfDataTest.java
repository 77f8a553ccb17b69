package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The data end while somebody is taken to be on: the last movement was getting off when the rest
 * after it showed nobody on the roller, however long a noisy gyro's empty residual takes to read
 * quiet (seeds 26000154, 28000106, 28000124: recordings stopped 8–14 s after the get-off).
 */
class EndOfDataTest {
  private static final double HZ = OnRollerRig.HZ;

  /**
   * On from 10 s (a shove), lying still with a residual of 0.3° to 40 s, a 12 cm roll at 10 cm/s
   * (40–41.2 s, under a push's speed, no jolt), then a rest with the residual {@code afterDeg} until
   * {@code endS}.
   *
   * @return the off time {@link OnRollerDetector#offAtEnd()} gives
   */
  private static double offAtEnd(double afterDeg, double endS) {
    return offAtEnd(afterDeg, endS, 10);
  }

  /** As {@link #offAtEnd(double, double)}, the roll at {@code rollCmS} for 1.2 s. */
  private static double offAtEnd(double afterDeg, double endS, double rollCmS) {
    return offAtEnd(afterDeg, endS, rollCmS, 10);
  }

  /** As {@link #offAtEnd(double, double, double)}, getting on at {@code onS} instead of 10 s. */
  private static double offAtEnd(double afterDeg, double endS, double rollCmS, double onS) {
    OnRollerRig rig = new OnRollerRig(3);
    OnRollerDetector d = rig.detector;
    for (int i = 0; i <= endS * HZ; i++) {
      double t = i / HZ;
      double v = (t >= onS && t < onS + 0.5) ? 8 : (t >= 40 && t < 41.2) ? rollCmS : 0;
      rig.step(t, v, 0);
      double r;
      if (t < onS) r = 0.001;
      else if (t < 41.2) r = v > 0 ? 5 : 0.3;
      else if (t < 41.2 + SessionDetector.ACTIVITY_WINDOW_S) r = 5; // the window holds the roll
      else r = afterDeg;
      // a noisy gyro's empty roller: over the quiet line's 0.016°, under the "on" line's 0.025°
      d.update(r, r, false, false);
    }
    return d.offAtEnd();
  }

  @Test
  void aRestThatShowsNobodyBeforeTheDataEndMakesTheLastMovementTheGetOff() {
    assertEquals(40.0, offAtEnd(0.02, 54), 0.3);
  }

  @Test
  void aPersonStillRockingTheRollerWhenTheDataEndIsStillOnThen() {
    // a shallow breather's 0.035° residual, over the "on" line: lying there when the data stop
    assertEquals(54.0, offAtEnd(0.035, 54), 0.05);
  }

  @Test
  void aRestTooShortToTellEndsTheSessionAtTheData() {
    // 9 s after the roll, the residual has shown the rest for 2 s only; 15 s of lying still before
    // the roll were no hold
    assertEquals(50.2, offAtEnd(0.02, 50.2, 10, 25), 0.05);
  }

  @Test
  void aBurstOfAPasssTravelAfterAHoldIsGettingOffToo() {
    // seed 38000150: sitting up from the hold shoved the roller 7.6 cm, and the data ended 3.7 s
    // later. Here 30 s without moving, then 12 cm at 10 cm/s, the data ending 9 s after it
    assertEquals(40.0, offAtEnd(0.02, 50.2), 0.3);
  }

  @Test
  void aShortGentleBurstAfterAHoldIsGettingOffThoughTheDataStopSoonAfter() {
    // seed 31000150: 30 s without moving, then 2.4 cm at 2 cm/s (no jolt, no push), the data ending
    // 4 s later: too soon for the rest to show the roller empty, too little for a pass of its own
    assertEquals(40.0, offAtEnd(0.02, 45.2, 2), 0.3);
    // the same burst with the data going on past the look-back's 12 s: the rule no longer applies
    assertEquals(55.0, offAtEnd(0.035, 55, 2), 0.05);
  }
}
