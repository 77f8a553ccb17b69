package com.rollercoach.core.coach.live;

/**
 * A coaching prompt for the patient, who lies on the roller and cannot watch a screen: every cue is
 * meant to be heard (a tone, optionally spoken) and shown large. Cues are produced by {@link
 * LiveCueEngine} from the pipeline's events and live state; {@link #atS()} is the input time at which
 * the cue became due.
 */
public sealed interface Cue {
  double atS();

  /** One more roll (an up-and-down pair of passes) is complete. */
  record RollTick(double atS, int rolls) implements Cue {}

  /**
   * The roll count reached a target: the lower end of the prescription (enough rolling, the patient may
   * move on) or the upper end (stop rolling).
   */
  record RollMilestone(double atS, int rolls, boolean upperTarget) implements Cue {}

  /**
   * The extension hold is running: {@code remainingS} seconds of the target are left (30, 10), or 0
   * when the target is reached.
   */
  record HoldCountdown(double atS, int remainingS, int breaths) implements Cue {
    public boolean done() {
      return remainingS <= 0;
    }
  }

  /**
   * A tender spot has been held for {@code elapsedS}: at the minimum (1 min, it has done its work) and
   * at the maximum (2 min, move on).
   */
  record DwellTimer(double atS, int elapsedS, double positionCm, boolean maximum) implements Cue {}

  /** The last pass was faster than the pace limit. */
  record SlowDown(double atS, double speedCmS, double targetCmS) implements Cue {}

  /**
   * The roller went beyond the range set by the first passes, by more than the allowed growth: it is
   * likely on the low back or the neck.
   *
   * @param lowCm lower end of the starting range
   * @param highCm upper end of the starting range
   */
  record RangeGuard(double atS, double positionCm, double lowCm, double highCm) implements Cue {
    public boolean aboveRange() {
      return positionCm > highCm;
    }
  }
}
