package com.rollercoach.gui.live;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.gui.summary.Clock;
import java.util.Locale;

/**
 * The big phase line of the live view: a title ("Rolling", "Extension hold") and a detail ("0:38 left
 * · 5 breaths"), from the pipeline state and how the coach treats the running still segment.
 *
 * @param style a CSS suffix for colouring: ROLLING, DWELL, HOLD, DONE, IDLE
 */
public record PhaseText(String title, String detail, String style) {

  public static PhaseText of(LiveState s, StillMode mode, CoachingTargets t) {
    boolean still = mode != StillMode.NONE && !Double.isNaN(s.stillSinceS());
    double elapsed = still ? Math.max(0, s.tS() - s.stillSinceS()) : 0;
    if (still && mode == StillMode.HOLD) {
      double left = t.holdTargetS() - elapsed;
      String breaths = s.breathsInStill() + (s.breathsInStill() == 1 ? " breath" : " breaths");
      return left > 0
          ? new PhaseText("Extension hold", Clock.minutes(Math.ceil(left)) + " left · " + breaths,
              "HOLD")
          : new PhaseText("Extension hold", "done " + Clock.minutes(elapsed) + " · " + breaths,
              "HOLD");
    }
    if (still) {
      return new PhaseText("Dwell",
          String.format(Locale.ROOT, "%s at %+.0f cm", Clock.minutes(elapsed), s.positionCm()),
          "DWELL");
    }
    switch (s.phase()) {
      case GETTING_ON:
        return new PhaseText("Getting on", "settle, lift your hips, roll slowly", "IDLE");
      case ROLLING:
      case STILL:
      case HOLD:
        return s.rolls() >= t.rollsMin()
            ? new PhaseText("Rolling", "enough rolls: relax into the hold when ready", "ROLLING")
            : new PhaseText("Rolling", "slowly up and down the upper back", "ROLLING");
      case DONE:
        return new PhaseText("Done", "well done", "DONE");
      case OFF_ROLLER:
      default:
        return s.passes() == 0
            ? new PhaseText("Off the roller", "lie back on the roller to start", "IDLE")
            : new PhaseText("Off the roller", "get back on, or Stop to finish", "IDLE");
    }
  }
}
