package com.rollercoach.core.coach.live;

import java.util.Locale;

/**
 * The words of every cue, in one place: short, calm sentences for a patient lying on the roller, the
 * same on the screen, in the terminal and in speech. {@link #spoken} is empty for cues that are only a
 * tone (a roll tick, the metronome, the neutral "still" chime).
 */
public final class CueText {
  private CueText() {}

  /** A sentence for the screen and the terminal. */
  public static String of(Cue cue) {
    if (cue instanceof Cue.GotOn) return "On the roller. Start rolling slowly.";
    if (cue instanceof Cue.MetronomeTick) return "tick";
    if (cue instanceof Cue.RollTick t) return t.rolls() + (t.rolls() == 1 ? " roll" : " rolls");
    if (cue instanceof Cue.RollMilestone m) {
      return m.upperTarget()
          ? m.rolls() + " rolls: that's plenty. Roller to mid back, drop the hips."
          : m.rolls() + " rolls. When you are ready: roller to mid back, drop the hips.";
    }
    if (cue instanceof Cue.StillStarted) return "Holding still.";
    if (cue instanceof Cue.StillTimer s) return "Still for " + minutes(s.elapsedS()) + ".";
    if (cue instanceof Cue.TenderSpot) return "Tender spot. Breathe, and let it ease.";
    if (cue instanceof Cue.DwellTimer d) {
      return d.maximum()
          ? minutes(d.elapsedS()) + " on this spot. Move on."
          : minutes(d.elapsedS()) + " on this spot. Move on when it eases.";
    }
    if (cue instanceof Cue.HoldStarted h) {
      return "Extension hold: relax over the roller and breathe deeply. " + minutes(h.targetS()) + ".";
    }
    if (cue instanceof Cue.HoldCountdown h) {
      return h.done() ? "Hold complete. Roll off gently." : h.remainingS() + " seconds left. Breathe deeply.";
    }
    if (cue instanceof Cue.SlowDown s) {
      return String.format(Locale.ROOT, "Slow down a little: about %.1f centimetres a second.", s.targetCmS());
    }
    if (cue instanceof Cue.RangeGuard) return "Stay between the shoulder blades: off your low back and neck.";
    if (cue instanceof Cue.NoData) return "No data from the roller. Is it switched on?";
    if (cue instanceof Cue.LinkLost) return "Connection lost. Reconnecting.";
    if (cue instanceof Cue.Reconnected) return "Connected again.";
    if (cue instanceof Cue.SessionDone d) return summary(d);
    throw new IllegalArgumentException("unknown cue " + cue);
  }

  /** What is spoken for {@code cue}; empty when it is only a tone. */
  public static String spoken(Cue cue) {
    boolean toneOnly = cue instanceof Cue.MetronomeTick || cue instanceof Cue.RollTick
        || cue instanceof Cue.StillStarted;
    return toneOnly ? "" : of(cue);
  }

  private static String summary(Cue.SessionDone d) {
    StringBuilder b = new StringBuilder("Session done: ");
    b.append(d.rolls()).append(d.rolls() == 1 ? " roll" : " rolls");
    if (d.tenderSpots() > 0) {
      b.append(", ").append(d.tenderSpots()).append(d.tenderSpots() == 1 ? " tender spot" : " tender spots");
    }
    if (d.holdS() > 0) {
      b.append(", ").append(aHold((int) Math.round(d.holdS())));
      // the evidence for the closing words: a short hold says by how much
      int shortS = com.rollercoach.core.coach.SessionCoach.holdShortS(d.holdS(), d.holdTargetS());
      if (shortS > 0) {
        b.append(", ").append(minutes(shortS)).append(" short of ").append(minutes((int) Math.ceil(d.holdTargetS())));
      }
    }
    // Praise only if the verdicts earn it: the same rule as the written summary.
    return b.append(". ").append(com.rollercoach.core.coach.Closing.of(d.verdicts())).toString();
  }

  /**
   * The hold as a noun phrase with its length as a compound adjective: "a 55-second hold", "a 1-minute
   * hold", "an 8-minute hold"; a length of minutes and seconds reads "a hold of 1 minute 30 seconds".
   */
  static String aHold(int seconds) {
    int m = seconds / 60;
    int s = seconds % 60;
    if (m > 0 && s > 0) return "a hold of " + minutes(seconds);
    int n = m > 0 ? m : s;
    String number = Integer.toString(n);
    boolean vowel = number.startsWith("8") || n == 11 || n == 18;
    return (vowel ? "an " : "a ") + n + (m > 0 ? "-minute" : "-second") + " hold";
  }

  /** "1 minute", "2 minutes", "45 seconds", "1 minute 30 seconds". */
  static String minutes(int seconds) {
    int m = seconds / 60;
    int s = seconds % 60;
    String min = m + (m == 1 ? " minute" : " minutes");
    if (m == 0) return s + (s == 1 ? " second" : " seconds");
    return s == 0 ? min : min + " " + s + " seconds";
  }
}
