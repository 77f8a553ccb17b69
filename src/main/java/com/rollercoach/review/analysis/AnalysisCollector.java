package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds a {@link SessionAnalysis} from a pipeline's events, as they come. */
public final class AnalysisCollector implements MotionListener {
  private final List<double[]> onPeriods = new ArrayList<>();
  private final List<Pass> passes = new ArrayList<>();
  private final List<Dwell> dwells = new ArrayList<>();
  private final List<ExtensionHold> holds = new ArrayList<>();
  private final List<double[]> gaps = new ArrayList<>();
  private final List<MotionEvent> events = new ArrayList<>();
  private double onSince = Double.NaN;
  private int rolls;

  @Override
  public void onEvent(MotionEvent event) {
    events.add(event);
    if (event instanceof MotionEvent.GotOn on) {
      onSince = on.onS();
    } else if (event instanceof MotionEvent.GotOff off) {
      if (!Double.isNaN(onSince)) onPeriods.add(new double[] {onSince, off.offS()});
      onSince = Double.NaN;
    } else if (event instanceof MotionEvent.PassCompleted p) {
      passes.add(p.pass());
      rolls = p.rollCount();
    } else if (event instanceof MotionEvent.DwellFound d) {
      dwells.add(d.dwell());
    } else if (event instanceof MotionEvent.HoldFound h) {
      holds.add(h.hold());
    } else if (event instanceof MotionEvent.DataGap g) {
      gaps.add(new double[] {g.fromS(), g.toS()});
    }
  }

  /** Every event received, in order (the report's event table reads them). */
  public List<MotionEvent> events() {
    return List.copyOf(events);
  }

  /**
   * The analysis of everything seen so far.
   *
   * @param startS first sample time
   * @param endS last sample time; closes an on-roller period still open
   */
  public SessionAnalysis analysis(double startS, double endS) {
    List<double[]> on = new ArrayList<>(onPeriods);
    if (!Double.isNaN(onSince)) on.add(new double[] {onSince, endS});
    return new SessionAnalysis(
        startS,
        endS,
        on,
        List.copyOf(passes),
        rolls,
        List.copyOf(dwells),
        List.copyOf(holds),
        medianSpeed(passes),
        range(passes),
        List.copyOf(gaps));
  }

  /** Median of the passes' mean speeds: robust to the one fast stroke when getting into position. */
  static double medianSpeed(List<Pass> passes) {
    if (passes.isEmpty()) return 0;
    double[] v = passes.stream().mapToDouble(Pass::meanSpeedCmS).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double range(List<Pass> passes) {
    if (passes.isEmpty()) return 0;
    double[] ends =
        passes.stream().flatMapToDouble(p -> Arrays.stream(new double[] {p.fromCm(), p.toCm()})).toArray();
    return Arrays.stream(ends).max().orElse(0) - Arrays.stream(ends).min().orElse(0);
  }
}
