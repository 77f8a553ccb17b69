package com.rollercoach.gui.summary;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link SessionAnalysis} from a pipeline's events as they come (source thread). */
public final class EventTally implements MotionListener {
  private final List<double[]> onPeriods = new ArrayList<>();
  private final List<Pass> passes = new ArrayList<>();
  private final List<Dwell> dwells = new ArrayList<>();
  private final List<ExtensionHold> holds = new ArrayList<>();
  private final List<double[]> gaps = new ArrayList<>();
  private double onSince = Double.NaN;
  private int rolls;

  @Override
  public void onEvent(MotionEvent event) {
    if (event instanceof MotionEvent.GotOn on) {
      onSince = on.onS();
    } else if (event instanceof MotionEvent.GotOff off) {
      if (!Double.isNaN(onSince)) {
        onPeriods.add(new double[] {onSince, off.offS()});
      }
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

  /** Everything so far; an on-roller period still open is closed at {@code endS}. */
  public SessionAnalysis analysis(double startS, double endS) {
    List<double[]> on = new ArrayList<>(onPeriods);
    if (!Double.isNaN(onSince)) {
      on.add(new double[] {onSince, endS});
    }
    return new SessionAnalysis(startS, endS, on, List.copyOf(passes), rolls, List.copyOf(dwells),
        List.copyOf(holds), medianPace(), range(), List.copyOf(gaps));
  }

  /** Median of the passes' mean speeds: robust to one fast stroke while settling in. */
  private double medianPace() {
    double[] v = passes.stream().mapToDouble(Pass::meanSpeedCmS).sorted().toArray();
    int n = v.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private double range() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Pass p : passes) {
      lo = Math.min(lo, Math.min(p.fromCm(), p.toCm()));
      hi = Math.max(hi, Math.max(p.fromCm(), p.toCm()));
    }
    return passes.isEmpty() ? 0 : hi - lo;
  }
}
