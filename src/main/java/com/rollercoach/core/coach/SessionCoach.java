package com.rollercoach.core.coach;

import com.rollercoach.core.coach.Verdict.Aspect;
import com.rollercoach.core.coach.Verdict.Level;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges a finished session against {@link CoachingTargets}: rolls against the 10–20 target, pace
 * against the slow ~2.5 cm/s guidance, the rolling range and whether it grew past the range set by
 * the first passes (likely onto the low back or the neck), each dwell against 1–2 minutes, and the
 * extension hold against ~60 s with its breaths.
 */
public final class SessionCoach {
  /** The starting range is the range of this many first passes (two rolls). */
  static final int STARTING_PASSES = 4;
  /**
   * Seconds a hold of {@code holdS} falls short of {@code targetS}, as said and printed (the hold to
   * the second): 0 when it reached the target. The one rule for praising a hold, written and spoken; a
   * 55 s hold against 60 s was "well done" while a hold within 5 s of the target counted as done.
   */
  public static int holdShortS(double holdS, double targetS) {
    return (int) Math.max(0, Math.ceil(targetS - Math.round(holdS)));
  }

  private final CoachingTargets targets;

  public SessionCoach(CoachingTargets targets) {
    this.targets = targets;
  }

  /**
   * Judges {@code a} whose positions are on the back ({@code BackFrame.apply}); {@code directionKnown}
   * signs them as the frame does.
   */
  public List<Verdict> judge(SessionAnalysis a, boolean directionKnown) {
    List<Verdict> out = new ArrayList<>();
    out.add(rolls(a.rolls()));
    if (!a.passes().isEmpty()) {
      // The analysis's pace is over rolling time only (RollingTime, as live): a pass that contains a
      // tender spot is not slow.
      out.add(pace(a.paceCmS()));
      out.add(range(a.passesByTimeOn(), a.rangeCm()));
    }
    for (Dwell d : a.dwells()) out.add(dwell(d, directionKnown));
    if (a.holds().isEmpty()) out.add(noHold());
    for (ExtensionHold h : a.holds()) {
      out.add(hold(h.durationS()));
      out.add(breaths(h));
    }
    return out;
  }

  /**
   * What the live coach knows when the session ends — the rolls, the tender spots the detector
   * confirmed (a pass followed them) and the longest hold (0: none) — judged by the same rules as
   * {@link #judge}, so the spoken summary's closing words ({@link Closing}) follow the same verdicts as
   * the written one. Pace and range are left out: live, a pass's speed is revised until the pauses
   * around it are known, and the spoken summary should not contradict the report on a borderline pace.
   */
  public List<Verdict> judgeAtEnd(int rolls, List<Dwell> dwells, double holdS) {
    List<Verdict> out = new ArrayList<>();
    out.add(rolls(rolls));
    for (Dwell d : dwells) out.add(dwell(d, false));
    out.add(holdS > 0 ? hold(holdS) : noHold());
    return out;
  }

  private Verdict noHold() {
    return new Verdict(
        Aspect.HOLD, Level.MISSING, Double.NaN,
        "No extension hold: finish with about " + secs(targets.holdTargetS())
            + " relaxed over the roller at mid back, breathing deeply.");
  }

  private Verdict rolls(int rolls) {
    String target = targets.rollsMin() + "–" + targets.rollsMax();
    if (rolls == 0) {
      return new Verdict(Aspect.ROLLS, Level.MISSING, 0, "No rolls up and down (target " + target + ").");
    }
    if (rolls < targets.rollsMin()) {
      return new Verdict(
          Aspect.ROLLS, Level.BELOW, rolls, rolls + " rolls: fewer than the " + target + " prescribed.");
    }
    if (rolls > targets.rollsMax()) {
      return new Verdict(
          Aspect.ROLLS, Level.ABOVE, rolls, rolls + " rolls: more than the " + target + " prescribed.");
    }
    return new Verdict(Aspect.ROLLS, Level.GOOD, rolls, rolls + " rolls: within the " + target + " target.");
  }

  private Verdict pace(double pace) {
    String p = fmt(pace) + " cm/s";
    String target = "about " + fmt(targets.paceCmS()) + " cm/s";
    if (pace > targets.paceTooFastCmS()) {
      return new Verdict(Aspect.PACE, Level.ABOVE, pace, "Pace " + p + ": too fast, slow down to " + target + ".");
    }
    if (pace < targets.paceCmS() / CoachingTargets.PACE_TOLERANCE) {
      return new Verdict(Aspect.PACE, Level.BELOW, pace, "Pace " + p + ": slower than the " + target + " guidance.");
    }
    return new Verdict(Aspect.PACE, Level.GOOD, pace, "Pace " + p + ": nice and slow.");
  }

  /**
   * Range growth, judged within each time on the roller (its own first passes set its stretch of
   * back): after getting off and back on, the same back lies at another s.
   */
  private Verdict range(List<List<Pass>> byTimeOn, double rangeCm) {
    double beyond = 0;
    for (List<Pass> passes : byTimeOn) {
      if (passes.size() <= STARTING_PASSES) continue;
      double[] start = Pass.span(passes.subList(0, STARTING_PASSES));
      for (Pass p : passes) beyond = Math.max(beyond, Math.max(start[0] - p.lowCm(), p.highCm() - start[1]));
    }
    if (beyond > targets.rangeGrowthCm()) {
      return new Verdict(
          Aspect.RANGE, Level.ABOVE, rangeCm,
          "Range " + fmt(rangeCm) + " cm: you went " + fmt(beyond)
              + " cm past the stretch of back your first passes covered, likely onto the low back or neck."
              + " Stay on the upper back.");
    }
    return new Verdict(
        Aspect.RANGE, Level.GOOD, rangeCm,
        "Range " + fmt(rangeCm) + " cm: you kept to the stretch of back your first passes covered (no more than "
            + String.format(Locale.ROOT, "%.0f", targets.rangeGrowthCm()) + " cm past it).");
  }

  /** {@link #judge(SessionAnalysis, boolean)} with the direction unknown (positions unsigned). */
  public List<Verdict> judge(SessionAnalysis a) {
    return judge(a, false);
  }

  private Verdict dwell(Dwell d, boolean directionKnown) {
    double dur = d.durationS();
    String where = SpotText.capitalized(d.positionCm(), directionKnown, dur);
    if (dur < targets.dwellMinS()) {
      return new Verdict(Aspect.DWELL, Level.BELOW, dur, where + ": hold tender spots " + minuteRange(targets.dwellMinS(), targets.dwellMaxS()) + ".");
    }
    if (dur > targets.dwellMaxS()) {
      return new Verdict(Aspect.DWELL, Level.ABOVE, dur, where + ": longer than " + secs(targets.dwellMaxS()) + ", move on.");
    }
    return new Verdict(Aspect.DWELL, Level.GOOD, dur, where + ": good.");
  }

  private Verdict hold(double dur) {
    int shortS = holdShortS(dur, targets.holdTargetS());
    if (shortS > 0) {
      return new Verdict(Aspect.HOLD, Level.BELOW, dur, "Extension hold " + secs(dur) + ", " + shortS
          + " s short of the target: aim for " + secs(targets.holdTargetS()) + ".");
    }
    return new Verdict(Aspect.HOLD, Level.GOOD, dur, "Extension hold " + secs(dur) + ": well done.");
  }

  private Verdict breaths(ExtensionHold h) {
    // one decimal, as the report's card, its event rows and `sessions show` give the same rate: the
    // verdict rounded to whole breaths said 7 beside a card's 6.5 on one page
    String rate = Double.isNaN(h.breathsPerMin()) ? "" : String.format(Locale.ROOT, " (%.1f per minute)", h.breathsPerMin());
    return new Verdict(Aspect.BREATHS, Level.INFO, h.breaths(), h.breaths() + " breaths during the hold" + rate + ".");
  }

  /**
   * "1–2 min" when both ends are whole minutes, else "0:45–1:40 min": tenths of a minute rounded a
   * prescribed 45–100 s to "0.8–1.7 min", which the report's "0:45–1:40" beside it contradicted.
   */
  static String minuteRange(double fromS, double toS) {
    long a = Math.round(fromS);
    long b = Math.round(toS);
    if (a % 60 == 0 && b % 60 == 0) return (a / 60) + "–" + (b / 60) + " min";
    return String.format(Locale.ROOT, "%d:%02d–%d:%02d min", a / 60, a % 60, b / 60, b % 60);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String secs(double s) {
    long r = Math.round(s);
    return r >= 60 ? String.format(Locale.ROOT, "%d:%02d min", r / 60, r % 60) : r + " s";
  }
}
