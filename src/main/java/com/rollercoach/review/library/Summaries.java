package com.rollercoach.review.library;

import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.GapTotals;
import java.util.Comparator;

/** Condenses an analysis into the metrics the library indexes. */
public final class Summaries {
  private Summaries() {}

  public static SessionSummary of(SessionAnalysis a) {
    GapTotals gaps = GapTotals.of(a);
    double onRoller = a.onPeriods().stream().mapToDouble(p -> p[1] - p[0]).sum();
    double holdS = a.holds().stream().mapToDouble(ExtensionHold::durationS).sum();
    int breaths = a.holds().stream().mapToInt(ExtensionHold::breaths).sum();
    double rate = a.holds().stream()
        .max(Comparator.comparingDouble(ExtensionHold::durationS))
        .map(ExtensionHold::breathsPerMin)
        .orElse(Double.NaN);
    return new SessionSummary(
        a.durationS(),
        onRoller,
        a.passes().size(),
        a.rolls(),
        // Over rolling time only, as reports show it (a pass interrupted by a tender spot is not slow).
        // Recomputed, not read from the analysis: a sidecar stored before round 4 holds the median
        // over whole passes in its pace_cm_s.
        com.rollercoach.review.analysis.Rolling.pace(a),
        a.rangeCm(),
        a.dwells().size(),
        holdS,
        breaths,
        rate,
        // The analysis's gaps, the ones analyze and the report's timeline show (GapTotals).
        gaps.count(),
        gaps.totalS());
  }
}
