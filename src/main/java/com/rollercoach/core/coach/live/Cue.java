package com.rollercoach.core.coach.live;

/**
 * A coaching prompt for the patient, who lies on the roller and cannot watch a screen: every cue is
 * meant to be heard (a tone, optionally spoken: {@link CueText}) and shown large. Most cues come from
 * {@link LiveCueEngine} (the pipeline's events and live state); the link cues ({@link NoData}, {@link
 * LinkLost}, {@link Reconnected}) from the live session that watches the source. {@link #atS()} is
 * the input time at which the cue became due.
 */
public sealed interface Cue {
  double atS();

  /** Somebody lay down on the roller: time to start rolling. */
  record GotOn(double atS) implements Cue {}

  /** A soft pace-setting tick at the prescribed seconds per pass (metronome option, while rolling). */
  record MetronomeTick(double atS) implements Cue {}

  /** One more roll (an up-and-down pair of passes) is complete. */
  record RollTick(double atS, int rolls) implements Cue {}

  /**
   * The roll count reached a target of the prescription: the lower end (enough rolling: the patient
   * may move on to the hold) or the upper end (stop rolling).
   */
  record RollMilestone(double atS, int rolls, boolean upperTarget) implements Cue {}

  /** The roller has stopped: a still period is running, not yet known to be a tender spot or the hold. */
  record StillStarted(double atS, double sinceS, double positionCm) implements Cue {}

  /** A neutral still period has lasted {@code elapsedS} (1 and 2 minutes). */
  record StillTimer(double atS, int elapsedS) implements Cue {}

  /**
   * The running still period is coached as a tender spot, on evidence ({@link Evidence}): rolls still
   * to do, or the patient rocking on the spot.
   */
  record TenderSpot(double atS, double positionCm, Evidence evidence) implements Cue {}

  /**
   * A tender spot has been held for {@code elapsedS}: at the prescription's minimum (it has done its
   * work) and at its maximum (move on).
   */
  record DwellTimer(double atS, int elapsedS, double positionCm, boolean maximum) implements Cue {}

  /** The running still period is coached as the extension hold: the rolls are done and the hips dropped. */
  record HoldStarted(double atS, int targetS) implements Cue {}

  /**
   * The extension hold is running: {@code remainingS} seconds of the target are left (30, 10; or
   * the seconds actually left when a mark was held back while the roller had just moved), or 0 when
   * the target is reached; then, and only then, the patient is told to roll off.
   */
  record HoldCountdown(double atS, int remainingS, int breaths) implements Cue {
    public boolean done() {
      return remainingS <= 0;
    }
  }

  /** The last pass was faster than the pace limit. */
  record SlowDown(double atS, double speedCmS, double targetCmS) implements Cue {}

  /**
   * The roller went beyond the range set by the first passes, by more than the allowed growth: it is
   * likely on the low back or the neck.
   */
  record RangeGuard(double atS, double positionCm, double lowCm, double highCm) implements Cue {
    public boolean aboveRange() {
      return positionCm > highCm;
    }
  }

  /** Connected, but no sample came for {@code silentS} seconds: the roller is off, asleep or mis-wired. */
  record NoData(double atS, double silentS) implements Cue {}

  /** The link dropped; the source is reconnecting (why is the display's business, not the patient's). */
  record LinkLost(double atS) implements Cue {}

  /** Samples flow again after a drop or a silence. */
  record Reconnected(double atS) implements Cue {}

  /**
   * The session ended: what was done, for a short spoken summary, and the verdicts on it whose
   * closing words ({@link com.rollercoach.core.coach.Closing}) end the summary.
   */
  record SessionDone(double atS, int rolls, int tenderSpots, double holdS, double holdTargetS,
      java.util.List<com.rollercoach.core.coach.Verdict> verdicts) implements Cue {
    public SessionDone {
      verdicts = java.util.List.copyOf(verdicts);
    }
  }

  /** Why a still period is coached as a tender spot. */
  enum Evidence {
    /** Fewer rolls than prescribed are done: by the protocol, stopping now is on a tender spot. */
    ROLLS_TO_DO,
    /** The patient rocks on the spot, several degrees each way: more than breathing ever moves it. */
    ROCKING
  }
}
