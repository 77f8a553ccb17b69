package com.rollercoach.gui.summary;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Judges a session against the targets, one plain-words line per part of the protocol. */
public final class Verdicts {
  /**
   * A hold a few seconds short of the target is still a complete hold: its detected start lags the
   * moment the patient settled (the 3 cm band needs a few seconds to be sure), by up to about this much.
   */
  static final double HOLD_TOLERANCE_S = 5;

  private Verdicts() {}

  public static List<Verdict> of(SessionAnalysis a, CoachingTargets t) {
    List<Verdict> v = new ArrayList<>();
    int rolls = a.rolls();
    v.add(new Verdict("Rolls", rolls >= t.rollsMin() && rolls <= t.rollsMax(),
        rolls < t.rollsMin()
            ? fmt("%d rolls, fewer than the %d–%d prescribed", rolls, t.rollsMin(), t.rollsMax())
            : rolls > t.rollsMax()
                ? fmt("%d rolls, more than the %d prescribed: no need to overdo it", rolls, t.rollsMax())
                : fmt("%d rolls, within %d–%d", rolls, t.rollsMin(), t.rollsMax())));
    if (!a.passes().isEmpty()) {
      boolean slowEnough = a.paceCmS() <= t.paceTooFastCmS();
      v.add(new Verdict("Pace", slowEnough,
          fmt("%.1f cm/s (aim for about %.1f cm/s%s)", a.paceCmS(), t.paceCmS(),
              slowEnough ? "" : ": slower next time")));
      v.add(new Verdict("Range", true, fmt("%.0f cm along the back", a.rangeCm())));
    }
    for (Dwell d : a.dwells()) {
      boolean ok = d.durationS() >= t.dwellMinS() && d.durationS() <= t.dwellMaxS();
      v.add(new Verdict("Tender spot", ok,
          fmt("%s at %+.0f cm (aim for %s–%s)", clock(d.durationS()), d.positionCm(),
              clock(t.dwellMinS()), clock(t.dwellMaxS()))));
    }
    if (a.holds().isEmpty()) {
      v.add(new Verdict("Extension hold", false,
          fmt("none found (aim for %s over the roller with deep breaths)", clock(t.holdTargetS()))));
    }
    for (ExtensionHold h : a.holds()) {
      boolean ok = h.durationS() >= t.holdTargetS() - HOLD_TOLERANCE_S;
      v.add(new Verdict("Extension hold", ok,
          fmt("%s with %d breaths (aim for %s)", clock(h.durationS()), h.breaths(),
              clock(t.holdTargetS()))));
    }
    if (!a.gaps().isEmpty()) {
      double lost = a.gaps().stream().mapToDouble(g -> g[1] - g[0]).sum();
      v.add(new Verdict("Data", false, fmt("%d gaps, %.1f s of data missing", a.gaps().size(), lost)));
    }
    return v;
  }

  /** m:ss. */
  public static String clock(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return fmt("%d:%02d", s / 60, s % 60);
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
