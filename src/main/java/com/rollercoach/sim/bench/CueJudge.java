package com.rollercoach.sim.bench;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.sim.SessionTruth;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a live cue was justified by what really happened (the simulator's truth), by rules a
 * patient would apply: nothing about a still to somebody getting up, "stay in range" only while
 * rolling, "slow down" only after a pass that was not slow. Coarse on purpose (a second either side
 * of the cue), so that what it flags is plainly wrong, not a matter of timing.
 */
final class CueJudge {
  /** The truth's phases with nobody lying on the roller. */
  static final Set<String> OFF = Set.of("IDLE", "GETTING_OFF", "ROLLING_AWAY");
  /** Phases in which the roller's movement is not the person rolling their back over it. */
  static final Set<String> NOT_ROLLING =
      Set.of("IDLE", "GETTING_ON", "SETTLING", "GETTING_OFF", "ROLLING_AWAY");
  /** Phases that are no stroke of the back: a pass's rolling time leaves them out. */
  static final Set<String> NOT_STROKE = Set.of("PAUSE", "DWELL", "HOLD", "HIP_DROP", "SETTLING");
  /** A "slow down" after a pass rolled this far under the limit is wrong, not a matter of estimate. */
  static final double SLOW_SHARE = 0.85;

  private final SessionTruth truth;
  private final CoachingTargets targets;

  CueJudge(SessionTruth truth, CoachingTargets targets) {
    this.truth = truth;
    this.targets = targets;
  }

  /** Why {@code cue} was not justified, or null when it was (or is not judged). */
  String fault(Cue cue) {
    double t = cue.atS();
    if (cue instanceof Cue.StillStarted || cue instanceof Cue.TenderSpot || cue instanceof Cue.HoldStarted
        || cue instanceof Cue.HoldCountdown || cue instanceof Cue.DwellTimer || cue instanceof Cue.StillTimer) {
      return OFF.containsAll(kindsNear(t - 1.5, t + 1.5)) ? "about a still, nobody on the roller" : null;
    }
    if (cue instanceof Cue.RangeGuard) {
      Set<String> near = kindsNear(t - 2, t + 1);
      return near.stream().anyMatch(NOT_ROLLING::contains) ? "range guard while " + near : null;
    }
    if (cue instanceof Cue.SlowDown) {
      Set<String> near = kindsNear(t - 1, t + 0.5);
      if (OFF.containsAll(near)) return "slow down while " + near;
      // the pass the cue follows: the last one begun a second before it (a pass is announced at
      // the 2 cm reversal, under a second into the next stroke, or at the stop, before the pause
      // after it that the truth's span runs on through)
      SessionTruth.PassSpan last = null;
      for (SessionTruth.PassSpan p : truth.passSpans()) if (p.startS() <= t - 1) last = p;
      if (last == null) return "slow down before any pass";
      double rolling = strokeSeconds(last.startS(), last.endS());
      double speed = rolling > 0 ? last.travelCm() / rolling : Double.POSITIVE_INFINITY;
      return speed < SLOW_SHARE * targets.paceTooFastCmS()
          ? String.format(Locale.ROOT, "slow down after a pass rolled at %.1f cm/s", speed)
          : null;
    }
    if (cue instanceof Cue.GotOn) {
      Set<String> near = kindsNear(t - 3, t + 1);
      return near.contains("GETTING_ON") || near.contains("SETTLING") || near.contains("STROKE")
          ? null : "on the roller while " + near;
    }
    if (cue instanceof Cue.RollTick r) {
      int done = 0;
      for (SessionTruth.PassSpan p : truth.passSpans()) if (p.endS() <= t + 0.5) done++;
      return Math.abs(r.rolls() - done / 2) > 1 ? "roll " + r.rolls() + " of " + done / 2 + " true" : null;
    }
    return null;
  }

  /** The kinds of the truth's phases that overlap [from, to]. */
  Set<String> kindsNear(double from, double to) {
    TreeSet<String> kinds = new TreeSet<>();
    for (SessionTruth.PhaseSpan p : truth.phases()) {
      if (p.endS() > from && p.startS() < to) kinds.add(p.kind());
    }
    if (kinds.isEmpty()) kinds.add("IDLE"); // before the first phase or after the last
    return kinds;
  }

  /** Seconds of [from, to] inside the truth's strokes (pauses, stills and settling left out). */
  private double strokeSeconds(double from, double to) {
    double s = 0;
    for (SessionTruth.PhaseSpan p : truth.phases()) {
      if (NOT_STROKE.contains(p.kind())) continue;
      s += Math.max(0, Math.min(to, p.endS()) - Math.max(from, p.startS()));
    }
    return s;
  }

  /** The kinds of cue judged, in the report's order. */
  static final List<Class<? extends Cue>> JUDGED =
      List.of(Cue.GotOn.class, Cue.RollTick.class, Cue.SlowDown.class, Cue.RangeGuard.class,
          Cue.StillStarted.class, Cue.TenderSpot.class, Cue.HoldStarted.class, Cue.HoldCountdown.class,
          Cue.DwellTimer.class, Cue.StillTimer.class);
}
