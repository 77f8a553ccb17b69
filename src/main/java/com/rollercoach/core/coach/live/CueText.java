package com.rollercoach.core.coach.live;

import java.util.Locale;

/**
 * The words of each cue: short, calm, spoken-friendly sentences for the patient lying on the roller.
 * One place, so the window, the terminal and speech say the same thing.
 */
public final class CueText {
  private CueText() {}

  /** A sentence for the screen and for speech. */
  public static String of(Cue cue) {
    if (cue instanceof Cue.RollTick t) {
      return t.rolls() + (t.rolls() == 1 ? " roll" : " rolls");
    } else if (cue instanceof Cue.RollMilestone m) {
      return m.upperTarget()
          ? m.rolls() + " rolls. That's plenty: time for the extension hold."
          : m.rolls() + " rolls. Well done, keep going if it feels good.";
    } else if (cue instanceof Cue.HoldCountdown h) {
      return h.done()
          ? "Hold complete. Roll off gently."
          : h.remainingS() + " seconds left. Breathe deeply.";
    } else if (cue instanceof Cue.DwellTimer d) {
      return d.maximum()
          ? minutes(d.elapsedS()) + " on this spot. Move on."
          : minutes(d.elapsedS()) + " on this spot. Move on when it eases.";
    } else if (cue instanceof Cue.SlowDown s) {
      return String.format(Locale.ROOT, "Slow down a little: about %.1f centimetres a second.",
          s.targetCmS());
    } else if (cue instanceof Cue.RangeGuard) {
      return "Stay between the shoulder blades: off your low back and neck.";
    }
    throw new IllegalArgumentException("unknown cue " + cue);
  }

  private static String minutes(int seconds) {
    if (seconds % 60 == 0) {
      int m = seconds / 60;
      return m + (m == 1 ? " minute" : " minutes");
    }
    return seconds + " seconds";
  }
}
