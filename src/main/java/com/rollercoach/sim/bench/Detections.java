package com.rollercoach.sim.bench;

import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the pipeline reported for one session, collected from its events. */
public final class Detections implements MotionListener {
  /** A detected extension hold and its breath count. */
  public record Hold(Interval span, int breaths) {}

  /**
   * A pass as announced live: its ending turning point (as finally revised) and when the pipeline
   * emitted it.
   */
  public record Emitted(double endS, double emittedAtS) {}

  private int passes;
  private int corrections;
  private final List<Emitted> emitted = new ArrayList<>();
  /** Where each pass number's latest announcement sits in {@link #emitted}. */
  private final Map<Integer, Integer> emittedByIndex = new HashMap<>();
  private final List<Interval> dwells = new ArrayList<>();
  private final List<Hold> holds = new ArrayList<>();
  private final List<Double> onTimes = new ArrayList<>();
  private final List<Double> offTimes = new ArrayList<>();

  @Override
  public void onEvent(MotionEvent event) {
    if (event instanceof MotionEvent.PassCompleted p) {
      passes++;
      emittedByIndex.put(p.pass().index(), emitted.size());
      emitted.add(new Emitted(p.pass().endS(), p.atS()));
    } else if (event instanceof MotionEvent.PassRevised r) {
      // a stroke with a pause inside is announced at the pause and ends at a later turning point:
      // paired by the pause, the event was matched to the pass before or after it, and a pass
      // announced at the stop read as one announced 44 s late (27000122, pauser)
      Integer at = emittedByIndex.get(r.pass().index());
      if (at != null) emitted.set(at, new Emitted(r.pass().endS(), emitted.get(at).emittedAtS()));
    } else if (event instanceof MotionEvent.PassWithdrawn w) {
      passes--;
      corrections++;
    } else if (event instanceof MotionEvent.DwellFound d) {
      dwells.add(new Interval(d.dwell().startS(), Math.max(d.dwell().startS(), d.dwell().endS())));
    } else if (event instanceof MotionEvent.HoldFound h) {
      holds.add(
          new Hold(
              new Interval(h.hold().startS(), Math.max(h.hold().startS(), h.hold().endS())),
              h.hold().breaths()));
    } else if (event instanceof MotionEvent.GotOn on) {
      onTimes.add(on.onS());
    } else if (event instanceof MotionEvent.GotOff off) {
      offTimes.add(off.offS());
    }
  }

  public int passes() {
    return passes;
  }

  /** Every pass event as announced live (withdrawn ones included). */
  public List<Emitted> emitted() {
    return emitted;
  }

  /** Live announcements taken back ({@link MotionEvent.Correction}s). */
  public int corrections() {
    return corrections;
  }

  public List<Interval> dwells() {
    return dwells;
  }

  public List<Hold> holds() {
    return holds;
  }

  public List<Double> onTimes() {
    return onTimes;
  }

  public List<Double> offTimes() {
    return offTimes;
  }

  /** For tests and hand-made cases. */
  public static Detections of(int passes, List<Interval> dwells, List<Hold> holds) {
    Detections d = new Detections();
    d.passes = passes;
    d.dwells.addAll(dwells);
    d.holds.addAll(holds);
    return d;
  }
}
