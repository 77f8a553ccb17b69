package com.rollercoach.review.analysis;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges a session against the prescription in {@link CoachingTargets}: rolls, pace, range growth,
 * each dwell's length and the extension hold.
 */
public final class ProtocolCheck {
  /**
   * The first two rolls (four passes) set the patient's starting range: the stretch of back they chose
   * to roll before tiring or drifting.
   */
  static final int STARTING_RANGE_PASSES = 4;

  private final CoachingTargets targets;

  public ProtocolCheck(CoachingTargets targets) {
    this.targets = targets;
  }

  public List<Verdict> check(SessionAnalysis a) {
    List<Verdict> out = new ArrayList<>();
    out.add(rolls(a));
    if (!a.passes().isEmpty()) {
      out.add(pace(a));
      out.add(range(a.passes()));
    }
    for (int i = 0; i < a.dwells().size(); i++) out.add(dwell(i + 1, a.dwells().get(i)));
    out.add(hold(a.holds()));
    return out;
  }

  private Verdict rolls(SessionAnalysis a) {
    String target = targets.rollsMin() + "–" + targets.rollsMax() + " rolls";
    String measured = a.rolls() + " rolls (" + a.passes().size() + " passes)";
    if (a.rolls() == 0) return new Verdict("Rolls", measured, target, Verdict.Status.MISSING);
    boolean ok = a.rolls() >= targets.rollsMin() && a.rolls() <= targets.rollsMax();
    return new Verdict("Rolls", measured, target, ok ? Verdict.Status.MET : Verdict.Status.OFF_TARGET);
  }

  private Verdict pace(SessionAnalysis a) {
    String target = String.format(Locale.ROOT, "slow, about %.1f cm/s (under %.1f)",
        targets.paceCmS(), targets.paceTooFastCmS());
    String measured = String.format(Locale.ROOT, "%.1f cm/s median", a.paceCmS());
    boolean ok = a.paceCmS() <= targets.paceTooFastCmS();
    return new Verdict("Pace", measured, target, ok ? Verdict.Status.MET : Verdict.Status.OFF_TARGET);
  }

  /** Whether later passes reached beyond the starting range: likely onto the low back or the neck. */
  private Verdict range(List<Pass> passes) {
    int n = Math.min(STARTING_RANGE_PASSES, passes.size());
    double lo0 = Double.POSITIVE_INFINITY;
    double hi0 = Double.NEGATIVE_INFINITY;
    for (Pass p : passes.subList(0, n)) {
      lo0 = Math.min(lo0, Math.min(p.fromCm(), p.toCm()));
      hi0 = Math.max(hi0, Math.max(p.fromCm(), p.toCm()));
    }
    double lo = lo0;
    double hi = hi0;
    for (Pass p : passes) {
      lo = Math.min(lo, Math.min(p.fromCm(), p.toCm()));
      hi = Math.max(hi, Math.max(p.fromCm(), p.toCm()));
    }
    double growth = Math.max(lo0 - lo, hi - hi0);
    String measured = String.format(Locale.ROOT, "%.0f cm, %.0f cm beyond the starting %.0f cm",
        hi - lo, growth, hi0 - lo0);
    String target = String.format(Locale.ROOT, "stay within %.0f cm of the starting range",
        targets.rangeGrowthCm());
    boolean ok = growth <= targets.rangeGrowthCm();
    return new Verdict("Range", measured, target, ok ? Verdict.Status.MET : Verdict.Status.OFF_TARGET);
  }

  private Verdict dwell(int n, Dwell d) {
    String target = String.format(Locale.ROOT, "%s–%s on a tender spot",
        Durations.clock(targets.dwellMinS()), Durations.clock(targets.dwellMaxS()));
    String measured = String.format(Locale.ROOT, "%s at %+.0f cm",
        Durations.clock(d.durationS()), d.positionCm());
    boolean ok = d.durationS() >= targets.dwellMinS() && d.durationS() <= targets.dwellMaxS();
    return new Verdict("Tender spot " + n, measured, target,
        ok ? Verdict.Status.MET : Verdict.Status.OFF_TARGET);
  }

  private Verdict hold(List<ExtensionHold> holds) {
    String target = "about " + Durations.clock(targets.holdTargetS()) + " with deep breaths";
    if (holds.isEmpty()) return new Verdict("Extension hold", "none", target, Verdict.Status.MISSING);
    ExtensionHold h = holds.stream().max(Comparator.comparingDouble(ExtensionHold::durationS)).get();
    String measured = Durations.clock(h.durationS()) + ", " + h.breaths() + " breaths";
    boolean ok = h.durationS() >= targets.holdTargetS();
    return new Verdict("Extension hold", measured, target,
        ok ? Verdict.Status.MET : Verdict.Status.OFF_TARGET);
  }
}
