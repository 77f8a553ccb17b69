package com.rollercoach.core.coach.live;

import com.rollercoach.core.detect.RollingTime;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import java.util.ArrayList;
import java.util.List;

/**
 * The live pace: each pass's speed over rolling time only ({@link RollingTime}), from the pauses the
 * pipeline has reported by the time the pass is announced (still periods and time off the roller;
 * a data gap is rolling time, see {@link RollingTime}). A still period ends ({@link
 * MotionEvent.StillEnded}, with its final boundaries) when the roller moves again, before the pass
 * that carries on from it is confirmed; one still running counts as a pause up to now. So after a
 * tender spot the pace shown is the pace of the rolling, not the 0.3 cm/s of a pass that contains
 * the minute and a half on the spot.
 *
 * <p>Pure and single-threaded like the pipeline; memory stays constant: pauses that end before the
 * latest pass began can no longer touch a pass and are dropped.
 */
public final class RollingPace {
  private final List<double[]> pauses = new ArrayList<>();
  private double stillSinceS = Double.NaN;
  private double offSinceS = Double.NaN;
  private int lastIndex = -1;
  private double last = Double.NaN;
  private double previous = Double.NaN;

  /** Feeds one pipeline event (every kind may be given; unknown ones are ignored). */
  public void onEvent(MotionEvent e) {
    if (e instanceof MotionEvent.StillStarted s) {
      stillSinceS = s.startS();
    } else if (e instanceof MotionEvent.StillEnded s) {
      pauses.add(new double[] {s.segment().startS(), s.segment().endS()});
      stillSinceS = Double.NaN;
    } else if (e instanceof MotionEvent.GotOff off) {
      offSinceS = off.offS();
    } else if (e instanceof MotionEvent.GotOn on) {
      if (!Double.isNaN(offSinceS)) pauses.add(new double[] {offSinceS, on.onS()});
      offSinceS = Double.NaN;
    } else if (e instanceof MotionEvent.PassCompleted p) {
      previous = last;
      last = speedOf(p.pass());
      lastIndex = p.pass().index();
      double from = p.pass().startS();
      pauses.removeIf(x -> x[1] < from);
    } else if (e instanceof MotionEvent.PassRevised r && r.pass().index() == lastIndex) {
      last = speedOf(r.pass());
    } else if (e instanceof MotionEvent.PassWithdrawn w && w.pass().index() == lastIndex) {
      last = previous;
      lastIndex = -1;
    }
  }

  /** Speed of the latest pass over rolling time, cm/s; NaN before the first (or without rolling time). */
  public double lastPassSpeedCmS() {
    return last;
  }

  /** {@code p}'s travel over its rolling time, with the pauses known now. */
  public double speedOf(Pass p) {
    List<double[]> known = new ArrayList<>(pauses);
    if (!Double.isNaN(stillSinceS)) known.add(new double[] {stillSinceS, Double.POSITIVE_INFINITY});
    if (!Double.isNaN(offSinceS)) known.add(new double[] {offSinceS, Double.POSITIVE_INFINITY});
    return RollingTime.speed(p, RollingTime.merge(known));
  }
}
