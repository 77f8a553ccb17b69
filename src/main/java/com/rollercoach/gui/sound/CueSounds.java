package com.rollercoach.gui.sound;

import com.rollercoach.core.coach.live.Cue;
import java.util.List;

/**
 * Which notes each cue plays. Pitches are from the C major pentatonic scale, so any two cues that
 * overlap still sound consonant; rising patterns mean "well done / go on", falling ones "ease off".
 */
public final class CueSounds {
  private static final double C5 = 523.25;
  private static final double E5 = 659.25;
  private static final double G5 = 783.99;
  private static final double A5 = 880.00;
  private static final double C6 = 1046.50;
  private static final double G4 = 392.00;
  private static final double E4 = 329.63;

  private CueSounds() {}

  public static List<Tone> of(Cue cue) {
    if (cue instanceof Cue.RollTick) {
      return List.of(new Tone(A5, 40, 0.35));
    } else if (cue instanceof Cue.RollMilestone m) {
      return m.upperTarget()
          ? List.of(new Tone(C5, 160, 0.5), Tone.rest(30), new Tone(E5, 160, 0.5), Tone.rest(30),
              new Tone(G5, 160, 0.5), Tone.rest(30), new Tone(C6, 400, 0.5))
          : List.of(new Tone(C5, 160, 0.5), Tone.rest(30), new Tone(E5, 160, 0.5), Tone.rest(30),
              new Tone(G5, 400, 0.5));
    } else if (cue instanceof Cue.HoldCountdown h) {
      return h.done()
          ? List.of(new Tone(G5, 200, 0.5), Tone.rest(40), new Tone(C6, 600, 0.5))
          : h.remainingS() <= 10
              ? List.of(new Tone(G5, 120, 0.45), Tone.rest(80), new Tone(G5, 120, 0.45))
              : List.of(new Tone(G5, 200, 0.45));
    } else if (cue instanceof Cue.DwellTimer d) {
      return d.maximum()
          ? List.of(new Tone(E5, 200, 0.45), Tone.rest(60), new Tone(C5, 200, 0.45), Tone.rest(60),
              new Tone(G4, 400, 0.45))
          : List.of(new Tone(E5, 250, 0.45), Tone.rest(60), new Tone(C5, 400, 0.45));
    } else if (cue instanceof Cue.SlowDown) {
      return List.of(new Tone(G4, 300, 0.45), Tone.rest(40), new Tone(E4, 500, 0.45));
    } else if (cue instanceof Cue.MetronomeTick) {
      return List.of(new Tone(C6, 25, 0.2)); // soft and short: a pace to follow, not a cue to hear
    } else if (cue instanceof Cue.GotOn || cue instanceof Cue.Reconnected) {
      return cue instanceof Cue.GotOn
          ? List.of(new Tone(C5, 150, 0.45), Tone.rest(30), new Tone(G5, 250, 0.45))
          : List.of(new Tone(E5, 120, 0.45), Tone.rest(30), new Tone(A5, 120, 0.45), Tone.rest(30),
              new Tone(C6, 250, 0.45));
    } else if (cue instanceof Cue.StillStarted || cue instanceof Cue.StillTimer) {
      return List.of(new Tone(E5, 200, 0.35));
    } else if (cue instanceof Cue.TenderSpot) {
      return List.of(new Tone(E5, 200, 0.4), Tone.rest(40), new Tone(C5, 300, 0.4));
    } else if (cue instanceof Cue.HoldStarted) {
      return List.of(new Tone(G4, 200, 0.45), Tone.rest(40), new Tone(C5, 200, 0.45), Tone.rest(40),
          new Tone(G5, 400, 0.45));
    } else if (cue instanceof Cue.SessionDone) {
      return List.of(new Tone(C5, 150, 0.5), Tone.rest(30), new Tone(E5, 150, 0.5), Tone.rest(30),
          new Tone(G5, 150, 0.5), Tone.rest(30), new Tone(C6, 500, 0.5));
    } else if (cue instanceof Cue.NoData) {
      // Failures are low and insistent, unlike any coaching sound: two low alternating notes.
      return List.of(new Tone(E4, 250, 0.6), Tone.rest(60), new Tone(G4, 250, 0.6), Tone.rest(60),
          new Tone(E4, 250, 0.6), Tone.rest(60), new Tone(G4, 250, 0.6));
    } else if (cue instanceof Cue.LinkLost) {
      return List.of(new Tone(G4, 400, 0.6), Tone.rest(40), new Tone(E4, 700, 0.6));
    } else if (cue instanceof Cue.RangeGuard) {
      return List.of(new Tone(E4, 180, 0.5), Tone.rest(80), new Tone(E4, 180, 0.5), Tone.rest(80),
          new Tone(E4, 180, 0.5));
    }
    return List.of();
  }
}
