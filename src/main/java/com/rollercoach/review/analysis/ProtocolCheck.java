package com.rollercoach.review.analysis;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.List;
import java.util.Locale;

/**
 * The session's verdicts as the physio reads them: the same judgements as the live coach's summary
 * ({@link SessionCoach}), each with the prescription it was judged against, for the report's table.
 */
public final class ProtocolCheck {
  private final CoachingTargets targets;
  private final SessionCoach coach;

  public ProtocolCheck(CoachingTargets targets) {
    this.targets = targets;
    this.coach = new SessionCoach(targets);
  }

  public List<Verdict> check(SessionAnalysis a) {
    return coach.judge(a).stream().map(this::row).toList();
  }

  private Verdict row(com.rollercoach.core.coach.Verdict v) {
    return new Verdict(topic(v.aspect()), v.message(), target(v.aspect()), status(v.level()));
  }

  private static String topic(com.rollercoach.core.coach.Verdict.Aspect aspect) {
    return switch (aspect) {
      case ROLLS -> "Rolls";
      case PACE -> "Pace";
      case RANGE -> "Range";
      case DWELL -> "Tender spot";
      case HOLD -> "Extension hold";
      case BREATHS -> "Breathing";
    };
  }

  private String target(com.rollercoach.core.coach.Verdict.Aspect aspect) {
    return switch (aspect) {
      case ROLLS -> targets.rollsMin() + "–" + targets.rollsMax() + " rolls";
      case PACE -> String.format(Locale.ROOT, "slow, about %.1f cm/s", targets.paceCmS());
      case RANGE -> String.format(Locale.ROOT, "within %.0f cm of the starting range",
          targets.rangeGrowthCm());
      case DWELL -> Durations.clock(targets.dwellMinS()) + "–" + Durations.clock(targets.dwellMaxS())
          + " on a tender spot";
      case HOLD -> "about " + Durations.clock(targets.holdTargetS());
      case BREATHS -> "deep, slow breaths";
    };
  }

  private static Verdict.Status status(com.rollercoach.core.coach.Verdict.Level level) {
    return switch (level) {
      case GOOD -> Verdict.Status.MET;
      case BELOW, ABOVE -> Verdict.Status.OFF_TARGET;
      case MISSING -> Verdict.Status.MISSING;
      case INFO -> Verdict.Status.INFO;
    };
  }
}
