package com.rollercoach.gui.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.gui.summary.Clock;
import com.rollercoach.live.LiveSession;

/**
 * The phase line of the live view: a title ("Rolling", "Extension hold"), a detail ("5 breaths") and,
 * during a still period, the running timer, which the view shows as its largest element (read from
 * 2 m away, from the floor). From the pipeline state and how the coach treats the still period: a
 * still period is neutral ("Holding still") until the coach has evidence what it is.
 *
 * @param timer the running timer ("0:38 left", "1:05"), empty when none runs
 * @param style a CSS suffix for colouring: ROLLING, DWELL, HOLD, STILL, DONE, IDLE
 */
public record PhaseText(String title, String detail, String timer, String style) {

  public static PhaseText of(LiveState s, LiveSession.Coaching c, CoachingTargets t) {
    boolean still = c.stillMode() != StillMode.NONE && !Double.isNaN(c.stillSinceS());
    double elapsed = still ? Math.max(0, s.tS() - c.stillSinceS()) : 0;
    if (still && c.stillMode() == StillMode.HOLD) {
      double left = t.holdTargetS() - elapsed;
      String breaths = c.breathsInHold() + (c.breathsInHold() == 1 ? " breath" : " breaths");
      return left > 0
          ? new PhaseText("Extension hold", breaths, Clock.minutes(Math.ceil(left)) + " left", "HOLD")
          : new PhaseText("Hold complete", "roll off gently · " + breaths, Clock.minutes(elapsed), "HOLD");
    }
    if (still && c.stillMode() == StillMode.TENDER_SPOT) {
      return new PhaseText("Tender spot",
          "at " + c.position(s.positionCm()) + " · move on after "
              + Clock.minutes(t.dwellMinS()), Clock.minutes(elapsed), "DWELL");
    }
    if (still) {
      return new PhaseText("Holding still", "", Clock.minutes(elapsed), "STILL");
    }
    if (c.holdDone() && s.onRoller()) {
      return new PhaseText("Hold complete", "roll off gently", "", "DONE");
    }
    switch (s.phase()) {
      case GETTING_ON:
        return new PhaseText("Getting on", "settle, lift your hips, roll slowly", "", "IDLE");
      case ROLLING:
      case STILL:
      case HOLD:
        return s.rolls() >= t.rollsMin()
            ? new PhaseText("Rolling", "when you are ready: roller to mid back, drop the hips", "", "ROLLING")
            : new PhaseText("Rolling", "slowly up and down the upper back", "", "ROLLING");
      case DONE:
      case OFF_ROLLER:
      default:
        // DONE is the pipeline's "got off": between two sets as much as at the end, so no "well done"
        // until the session has really ended (the summary says that).
        return s.passes() == 0
            ? new PhaseText("Off the roller", "lie back on the roller to start", "", "IDLE")
            : new PhaseText("Off the roller", "get back on for another set, or Stop to finish", "", "IDLE");
    }
  }
}
