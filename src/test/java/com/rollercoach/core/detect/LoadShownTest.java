package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A person who stops breathing for a while on a vibrating roller (the pause after a sigh, a breath
 * held) leaves the angle as quiet as an empty shell's, and no heartbeat shows through the motor; but
 * the motor's shaking stays damped by the load ({@link MotorLoad#loadSeenS}). Seen in the simulator
 * as a hold cut in two on a roller whose motor ran from before the get-on (seed 1000004, mixed).
 */
class LoadShownTest {
  private static final double HZ = OnRollerRig.HZ;

  /**
   * A running motor throughout, a person on from 20 s, breathing until 80 s, dropping the hips at
   * 78–79 s and lying still after: the time the detector takes the roller for empty, NaN if never.
   *
   * @param loadSeenUntilS the motor's shaking shows the load on every sample up to this time
   */
  private static double firstOff(double loadSeenUntilS) {
    OnRollerRig rig = new OnRollerRig(5);
    OnRollerDetector d = rig.detector;
    boolean wasOn = false;
    for (int i = 0; i < 200 * HZ; i++) {
      double t = i / HZ;
      boolean breathing = t >= 20 && t < 80;
      double rocking = breathing ? 0.15 * Math.sin(2 * Math.PI * t / 5) : 0;
      double v = t >= 20 && t < 21 ? 8 : t >= 78 && t < 79 ? -4 : 0; // get-on shove, hip drop
      double r = rig.step(t, v, rocking);
      if (Double.isNaN(r)) continue;
      d.motorRunning(true);
      if (t >= 20 && t <= loadSeenUntilS) d.loadSeenAt(t);
      OnRollerDetector.Change c = d.update(r, rig.meter.linearResidualRms(), false, false);
      if (c == OnRollerDetector.Change.ON) wasOn = true;
      if (c == OnRollerDetector.Change.OFF && wasOn) return t;
    }
    return Double.NaN;
  }

  @Test
  void aPauseOnARollerTheMotorShowsLoadedIsNotAGetOff() {
    double off = firstOff(1e9);
    assertTrue(Double.isNaN(off), "taken for empty at " + off);
  }

  @Test
  void theQuietAngleDecidesOnceTheMotorStopsShowingTheLoad() {
    double off = firstOff(85);
    assertEquals(85 + OnRollerDetector.LOAD_SHOWN_S, off, 0.5);
  }
}
