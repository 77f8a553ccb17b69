package com.rollercoach.review.report;

import com.rollercoach.core.NumberText;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.analysis.Rolling;
import com.rollercoach.review.analysis.Verdict;
import com.rollercoach.review.frame.BackFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The protocol checks of one session: the one place that decides them, from the patient's
 * prescription in force on the session's date and the session's positions on the back. The report's
 * table, {@code sessions list}/{@code show}, the window's Review table and the progress page all show
 * these, so "Checks 7 of 9 met" means the same everywhere.
 *
 * <p>Nothing here is stored: a prescription changes (with history) and a roller's "toward the head"
 * gesture may be recorded after its sessions, so checks are judged when shown, from the stored
 * analysis ({@link LibraryChecks}).
 *
 * <p>The coach's own judgements ({@link SessionCoach}: rolls, pace, range growth, each tender spot, the
 * hold and its breaths) are made on the pace over rolling time only ({@link Rolling}); the review adds
 * seconds per pass (the prescription's form of the pace) and where on the back the rolling was.
 */
public record Checks(List<Verdict> verdicts) {
  public Checks {
    verdicts = List.copyOf(verdicts);
  }

  /** Judges a session in its review context (back frame, rolling pace, prescription on its date). */
  public static Checks of(ReviewSession r) {
    SessionAnalysis a = r.onBack().analysis();
    Prescription p = r.prescription();
    CoachingTargets targets = p.targets();
    List<Verdict> out = new ArrayList<>();
    boolean judgedBySecondsPerPass = !a.passes().isEmpty();
    for (var v : new SessionCoach(targets).judge(a, r.frame().directionKnown())) {
      Verdict.Status st = status(v.level());
      String target = target(targets, v.aspect());
      String measured = v.message();
      // The prescription states the pace as seconds per pass (judged below). The coach's cm/s pace
      // then stays only as the speed guard: "too fast" is still off target, whatever the stroke
      // length, but a cm/s figure inside the guard is information, so the table never says "nice and
      // slow" beside "too quick" for short strokes.
      if (v.aspect() == com.rollercoach.core.coach.Verdict.Aspect.PACE && judgedBySecondsPerPass
          && v.level() != com.rollercoach.core.coach.Verdict.Level.ABOVE) {
        st = Verdict.Status.INFO;
        measured = String.format(Locale.ROOT, "Pace %.1f cm/s over rolling time.", v.value());
        target = String.format(Locale.ROOT, "under %.1f cm/s; judged as seconds per pass",
            targets.paceTooFastCmS());
      }
      out.add(new Verdict(v.aspect().title(), measured, target, st));
    }
    if (judgedBySecondsPerPass) {
      double spp = Rolling.secondsPerPass(a);
      String target = Page.fmt("%s–%s s per pass", num(p.secondsPerPassMin()), num(p.secondsPerPassMax()));
      Verdict.Status st = spp < p.secondsPerPassMin() ? Verdict.Status.OFF_TARGET : Verdict.Status.MET;
      String msg = Page.fmt("%.1f s per pass (median, rolling time only)", spp)
          + (spp < p.secondsPerPassMin() ? ": too quick, slow down"
              : spp > p.secondsPerPassMax() ? ": slower than prescribed" : ""); // the status says it is fine
      out.add(1, new Verdict("Seconds per pass", msg, target, st));
      double[] span = r.rollingSpan();
      String where = r.frame().rangeVerdict(span[0], span[1]);
      out.add(new Verdict("Where on the back",
          Page.fmt("%s to %s: %s", r.frame().position(span[0]), r.frame().position(span[1]), where),
          Page.fmt("mid/upper back, about %+.0f to %+.0f cm (±%.0f)", BackFrame.BAND_LOW_CM,
              BackFrame.BAND_HIGH_CM, r.frame().uncertaintyCm()),
          where.startsWith("within") ? Verdict.Status.MET
              : where.startsWith("near") ? Verdict.Status.INFO : Verdict.Status.OFF_TARGET));
    }
    return new Checks(out);
  }

  /** Checks met. */
  public int met() {
    return (int) verdicts.stream().filter(Verdict::met).count();
  }

  /** Checks made (informational rows, such as breaths, are not checks). */
  public int judged() {
    return (int) verdicts.stream().filter(Verdict::judged).count();
  }

  /** "7/9", as tables show it. */
  public String fraction() {
    return met() + "/" + judged();
  }

  private static String target(CoachingTargets t, com.rollercoach.core.coach.Verdict.Aspect aspect) {
    return switch (aspect) {
      case ROLLS -> t.rollsMin() + "–" + t.rollsMax() + " rolls";
      case PACE -> String.format(Locale.ROOT, "slow, about %.1f cm/s", t.paceCmS());
      case RANGE -> String.format(Locale.ROOT, "no more than %.0f cm past the stretch the first passes covered",
          t.rangeGrowthCm());
      case DWELL -> Durations.clock(t.dwellMinS()) + "–" + Durations.clock(t.dwellMaxS()) + " on a tender spot";
      case HOLD -> "about " + Durations.clock(t.holdTargetS());
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

  /** Numbers as the prescription line writes them: 2, 2.5. */
  static String num(double v) {
    return NumberText.upTo(v, 1);
  }
}
