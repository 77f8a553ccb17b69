package com.rollercoach.gui.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.live.Cue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToneTest {
  private static int sample(byte[] pcm, int i) {
    return (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
  }

  @Test
  void aToneHasItsLengthStartsAndEndsSilentAndStaysUnderItsVolume() {
    byte[] pcm = new Tone(880, 40, 0.5).pcm(44_100);
    int n = pcm.length / 2;
    assertEquals(1764, n); // 40 ms at 44.1 kHz
    assertEquals(0, sample(pcm, 0));
    assertTrue(Math.abs(sample(pcm, n - 1)) < 200, "no click at the end");
    int peak = 0;
    for (int i = 0; i < n; i++) {
      peak = Math.max(peak, Math.abs(sample(pcm, i)));
    }
    assertTrue(peak <= 0.5 * Short.MAX_VALUE + 1, "peak " + peak);
    assertTrue(peak > 0.3 * Short.MAX_VALUE, "audible: peak " + peak);
  }

  @Test
  void everyCueHasASoundAndTheMilestonesDiffer() {
    List<Cue> cues = List.of(new Cue.RollTick(1, 1), new Cue.RollMilestone(1, 10, false),
        new Cue.RollMilestone(1, 20, true), new Cue.HoldCountdown(1, 30, 3),
        new Cue.HoldCountdown(1, 0, 9), new Cue.DwellTimer(1, 60, 4, false),
        new Cue.SlowDown(1, 9, 2.5), new Cue.RangeGuard(1, 30, 0, 20));
    for (Cue c : cues) {
      assertFalse(CueSounds.of(c).isEmpty(), c.toString());
    }
    assertFalse(CueSounds.of(cues.get(1)).equals(CueSounds.of(cues.get(2))));
  }

  @Test
  void aPlayerWithoutSoundNeverBlocksTheCaller() throws Exception {
    try (CuePlayer p = new CuePlayer(Speech.none())) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        p.accept(new Cue.RollTick(i, i));
      }
      // 1000 cues into a 16-slot queue: the extra ones are not sounded, and nothing waits.
      assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
      p.setMuted(true);
      assertTrue(p.muted());
    }
  }
}
