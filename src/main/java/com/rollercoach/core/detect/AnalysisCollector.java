package com.rollercoach.core.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Listens to a pipeline and builds the {@link SessionAnalysis} of the whole session when it ends. It
 * keeps only what the analysis reports (passes, dwells, holds, on periods, gaps: a few per minute), so
 * its memory grows with what the person did, not with the number of samples.
 */
public final class AnalysisCollector implements MotionListener {
  private final List<Pass> passes = new ArrayList<>();
  private final List<Dwell> dwells = new ArrayList<>();
  private final List<ExtensionHold> holds = new ArrayList<>();
  private final List<double[]> onPeriods = new ArrayList<>();
  private final List<double[]> gaps = new ArrayList<>();
  private double onS = Double.NaN;
  private int rolls;

  @Override
  public void onEvent(MotionEvent event) {
    if (event instanceof MotionEvent.GotOn e) {
      onS = e.onS();
    } else if (event instanceof MotionEvent.GotOff e) {
      if (!Double.isNaN(onS)) onPeriods.add(new double[] {onS, e.offS()});
      onS = Double.NaN;
    } else if (event instanceof MotionEvent.PassCompleted e) {
      passes.add(e.pass());
      rolls = e.rollCount();
    } else if (event instanceof MotionEvent.PassRevised e) {
      // announced at a stop, went on afterwards: keep the final extent
      for (int i = passes.size() - 1; i >= 0; i--) {
        if (passes.get(i).index() == e.pass().index()) {
          passes.set(i, e.pass());
          break;
        }
      }
    } else if (event instanceof MotionEvent.PassWithdrawn e) {
      passes.removeIf(p -> p.index() == e.pass().index());
      rolls = e.rollCount();
    } else if (event instanceof MotionEvent.DwellFound e) {
      dwells.add(e.dwell());
    } else if (event instanceof MotionEvent.HoldFound e) {
      holds.add(e.hold());
    } else if (event instanceof MotionEvent.DataGap e) {
      gaps.add(new double[] {e.fromS(), e.toS()});
    }
  }

  /**
   * The analysis so far.
   *
   * @param startS first sample time
   * @param endS last sample time (an on period still open ends here)
   */
  public SessionAnalysis analysis(double startS, double endS) {
    List<double[]> on = new ArrayList<>(onPeriods);
    if (!Double.isNaN(onS)) on.add(new double[] {onS, endS});
    SessionAnalysis found = new SessionAnalysis(
        startS,
        endS,
        copy(on),
        List.copyOf(passes),
        rolls,
        dwells.stream().sorted((a, b) -> Double.compare(a.startS(), b.startS())).toList(),
        List.copyOf(holds),
        0,
        range(SessionAnalysis.byTimeOn(passes, on)),
        copy(gaps));
    // The pace by the one rule (RollingTime: median pass speed over rolling time only), so every
    // reader of the analysis shows the number the verdicts judge.
    return found.withPace(RollingTime.pace(found));
  }

  /**
   * Span of the positions the passes reached (max − min of their turning points) within one time on
   * the roller, the largest of those, cm: spans across a get-off and a get-on measure where the
   * roller was put back, not the back.
   */
  static double range(List<List<Pass>> byTimeOn) {
    double widest = 0;
    for (List<Pass> passes : byTimeOn) { // never empty: a group is made by its first pass
      double[] span = Pass.span(passes);
      widest = Math.max(widest, span[1] - span[0]);
    }
    return widest;
  }

  private static List<double[]> copy(List<double[]> pairs) {
    return pairs.stream().map(p -> Arrays.copyOf(p, p.length)).toList();
  }
}
