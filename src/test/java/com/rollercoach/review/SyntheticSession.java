package com.rollercoach.review;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.review.analysis.DataQuality;
import com.rollercoach.review.analysis.PositionTrace;
import com.rollercoach.review.analysis.ReplayResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A hand-built session whose analysis and s(t) trace agree, for report and GUI tests while they must
 * not depend on the detectors: get on at 5 s, passes of 20 cm at 2.5 cm/s between 0 and 20 cm, a
 * 75 s tender spot at +20 cm after pass 11, a 1.2 s data gap, a 65 s extension hold at 0 cm with 9
 * breaths, then off.
 */
public final class SyntheticSession {
  public static final double T0 = 1000.0;
  public static final int PASSES = 24;
  public static final double DWELL_S = 75;
  public static final double HOLD_S = 65;

  private SyntheticSession() {}

  public static ReplayResult typical() {
    return build(PASSES, true);
  }

  public static ReplayResult build(int passCount, boolean withHold) {
    PositionTrace trace = new PositionTrace();
    List<Pass> passes = new ArrayList<>();
    List<Dwell> dwells = new ArrayList<>();
    List<ExtensionHold> holds = new ArrayList<>();
    double t = T0;
    for (; t < T0 + 5; t += 0.1) trace.add(t, 0, 0, false);
    double onS = t;
    double s = 0;
    for (int i = 1; i <= passCount; i++) {
      double from = s;
      double to = i % 2 == 1 ? 20 : 0;
      double start = t;
      for (double u = 0; u < 8; u += 0.1, t += 0.1) {
        double x = from + (to - from) * (1 - Math.cos(Math.PI * u / 8)) / 2;
        double v = (to - from) * Math.PI / 16 * Math.sin(Math.PI * u / 8);
        trace.add(t, x, v, true);
      }
      s = to;
      passes.add(new Pass(i, start, t, from, to));
      if (i == 11) {
        double ds = t;
        for (double u = 0; u < DWELL_S; u += 0.1, t += 0.1) {
          trace.add(t, s + 0.3 * Math.sin(u * 2 * Math.PI / 5), 0, true);
        }
        dwells.add(new Dwell(ds, t, s));
      }
    }
    double gapFrom = passes.get(4).startS() + 2;
    double end;
    if (withHold) {
      double hs = t;
      for (double u = 0; u < HOLD_S; u += 0.1, t += 0.1) {
        trace.add(t, s + 0.4 * Math.sin(u * 2 * Math.PI / 7.2), 0, true);
      }
      holds.add(new ExtensionHold(hs, t, s, 9, 8.3));
    }
    double offS = t;
    for (double u = 0; u < 5; u += 0.1, t += 0.1) trace.add(t, s, 0, false);
    end = t;
    SessionAnalysis a = new SessionAnalysis(T0, end, List.of(new double[] {onS, offS}), passes,
        passCount / 2, dwells, holds, 2.5, 20, List.of(new double[] {gapFrom, gapFrom + 1.2}));
    DataQuality q = new DataQuality(Math.round((end - T0) * 200), 200, 1, 1.2, 1.2, 239,
        OptionalLong.of(239), OptionalLong.of(2));
    return new ReplayResult(new SessionMetadata(Map.of("device", "roller-42")), a, trace, q);
  }
}
