package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A calm person holding still on a noisy gyro: the rocking residual dips under the quiet line while
 * the heartbeat's evidence flickers across its own line sample by sample. One sample without it is
 * no empty roller (seed 29000092: a get-off read 10 s into the hold); a second without it is.
 */
class HeartbeatFlickerTest {
  private static final double HZ = OnRollerRig.HZ;

  /**
   * On from 10 s (a shove), rolling 25–28 s, then still: the residual under the quiet line from 35 s,
   * the heartbeat's evidence present but for single samples {@code gapSamples} long every 0.5 s.
   *
   * @return the times the detector changed state (on, settled, off)
   */
  private static List<String> run(int gapSamples) {
    OnRollerRig rig = new OnRollerRig(7);
    OnRollerDetector d = rig.detector;
    List<String> changes = new ArrayList<>();
    for (int i = 0; i <= 50 * HZ; i++) {
      double t = i / HZ;
      double v = (t >= 10 && t < 10.5) ? 8 : (t >= 25 && t < 28) ? 4 : 0;
      rig.step(t, v, 0);
      double r = t < 10 ? 0.001 : t < 35 ? 0.3 : 0.01;
      boolean body = t >= 10 && (i % (int) (HZ / 2)) >= gapSamples;
      OnRollerDetector.Change c = d.update(r, r, body, false);
      if (c != OnRollerDetector.Change.NONE) changes.add(c + "@" + Math.round(t * 10) / 10.0);
    }
    return changes;
  }

  @Test
  void aFlickerOfTheHeartbeatIsNoGetOff() {
    List<String> changes = run(1);
    assertFalse(changes.stream().anyMatch(c -> c.startsWith("OFF")), "no get-off: " + changes);
  }

  @Test
  void aHeartbeatGoneForASecondLetsTheQuietRollerBeEmpty() {
    // the evidence absent for 0.5 s of every 0.5 s, i.e. gone: the quiet roller is empty
    List<String> changes = run((int) (HZ / 2));
    assertEquals(1, changes.stream().filter(c -> c.startsWith("OFF")).count(), "one get-off: " + changes);
  }
}
