package com.rollercoach.sim;

/**
 * One phase of a simulated session: what happens and the contact-point path it follows.
 *
 * @param rockingPeakToPeakCm the peak-to-peak of deliberate rocking during a dwell, 0 when none
 */
public record ScriptedPhase(PhaseKind kind, Motion motion, double rockingPeakToPeakCm) {
  public ScriptedPhase(PhaseKind kind, Motion motion) {
    this(kind, motion, 0);
  }

  public double startS() {
    return motion.startS();
  }

  public double endS() {
    return motion.endS();
  }

  public double durationS() {
    return motion.durationS();
  }
}
