package com.rollercoach.core.signal;

import com.rollercoach.core.sample.ImuSample;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Puts samples back on the device's regular clock when the link delivered them late in a burst.
 *
 * <p>A Bluetooth LE link stalls for 100–250 ms now and then (connection events missed, the host busy)
 * and then delivers the queued samples in a burst, stamped on arrival: a silence, then several samples
 * a fraction of a millisecond apart (at a 1 ms clock, several with the same stamp). The device itself
 * kept sampling on its own regular clock, so nothing was lost: integrating the gyro over the
 * silence with the arrival stamps would put the whole stall's rotation into one long trapezoid and
 * then add the burst's samples with almost no time at all. Real loss looks different: after the
 * silence the samples arrive at the device's rate again.
 *
 * <p>So: the device's period P is the median of recent 8-sample spans (robust to the bursts themselves).
 * After a silence of more than {@value #GAP_PERIODS} P, the first sample and the {@value #BURST_RUN}
 * after it are held (a few periods of delay, only after a silence): if they arrived faster than the
 * device makes samples (their mean interval under {@value #BURST_SHARE} P), a burst has begun and the
 * held samples are re-stamped P apart, forward from the last sample before the stall, for as long as
 * the burst lasts (the mean of the last {@value #BURST_RUN} intervals); whatever time the burst does
 * not fill is real loss and stays a gap (reported downstream). If they came about P apart, the
 * silence was real loss and the stamps are kept. A mean, not one interval, because an arrival clock
 * of 1 ms stamps a burst's samples 0 or 1 ms apart: at 500 Hz (P = 2 ms) a single 1 ms interval looks
 * like a regular one, and the burst was cut at its first pair of 1 ms steps, the rest of it kept on
 * its arrival stamps, three samples per device period (a third of their rotation; a jolt to the
 * shock detector). No sample is ever placed later than it arrived, so the output cannot drift ahead
 * of the link. Outside bursts, a repeated or backwards stamp is placed just after its predecessor (a
 * repeated timestamp is a sample, not an error) unless it is an exact re-sent copy of the previous
 * row, which is dropped.
 */
public final class DeliveryClock {
  /** A silence longer than this many periods may be a stall. */
  static final double GAP_PERIODS = 3.0;
  /**
   * Arrivals whose mean interval is under this share of P are a burst. A burst comes as fast as the
   * link delivers (sub-millisecond), regular delivery at P on average whatever its jitter or
   * packing; the mean over {@link #BURST_RUN} intervals of a 1 ms stamp clock is at most 0.67 ms for
   * a burst 0.4 ms apart, so the line holds from 1000 Hz down.
   */
  static final double BURST_SHARE = 0.75;
  /** Intervals the burst test averages: enough to average out a 1 ms stamp clock's steps. */
  static final int BURST_RUN = 3;
  private static final int WINDOW = 16;
  /** A repeated stamp is placed this share of a period after its predecessor. */
  static final double REPEAT_SHARE = 0.25;

  private final Consumer<ImuSample> out;
  private static final int SPAN = 8;
  private final double[] recent = new double[WINDOW];
  private int recentCount;
  private final double[] stamps = new double[SPAN + 1];
  private long stampCount;
  private int stampPos; // == stampCount % (SPAN + 1)
  private final double[] sorted = new double[WINDOW];
  private double periodS = Double.NaN;
  private ImuSample last; // last sample as received
  private double lastOutT = Double.NaN;
  /** The samples since a silence, waiting for the burst test; at most {@link #BURST_RUN} + 1. */
  private final ImuSample[] held = new ImuSample[BURST_RUN + 1];
  private int heldCount;
  /** The last {@link #BURST_RUN} arrival intervals, a ring. */
  private final double[] intervals = new double[BURST_RUN];
  private int intervalPos;
  private boolean inBurst;

  public DeliveryClock(Consumer<ImuSample> out) {
    this.out = out;
  }

  /** The device period estimate (NaN until a few samples have been seen). */
  public double periodS() {
    return periodS;
  }

  public void accept(ImuSample x) {
    if (!Double.isFinite(x.tS())) return; // nothing can be placed in time without a time
    // re-sent row; the time test first, because a record's equals over seven doubles per sample was
    // a tenth of the pipeline's time (JFR, docs/benchmarks.md) and times almost never repeat
    if (last != null && x.tS() == last.tS() && x.equals(last)) return;
    ImuSample prev = last;
    last = x;
    if (prev == null) {
      emit(x, x.tS());
      return;
    }
    double arrivalDt = x.tS() - prev.tS();
    intervals[intervalPos] = arrivalDt;
    intervalPos = intervalPos == BURST_RUN - 1 ? 0 : intervalPos + 1;
    // The period from regular delivery only: a long burst (a 250 ms stall at 500 Hz is 125 samples)
    // filled the median's window with its own spans and took P for a third of itself, which ended
    // the burst after 20 of its samples (DeliveryClockTest). The spans start afresh after it.
    if (heldCount == 0 && !inBurst) learnPeriod(x.tS());
    if (Double.isNaN(periodS)) {
      if (arrivalDt > 0) emit(x, x.tS());
      return;
    }
    if (heldCount > 0) {
      held[heldCount++] = x;
      if (heldCount <= BURST_RUN) return;
      // the run since the silence is complete: a burst if it came faster than the device samples
      inBurst = (x.tS() - held[0].tS()) / BURST_RUN < BURST_SHARE * periodS;
      if (!inBurst) restartSpans(); // the silence is not a period's span
      int n = heldCount;
      heldCount = 0;
      for (int i = 0; i < n; i++) {
        ImuSample h = held[i];
        held[i] = null;
        if (inBurst) {
          // never later than it arrived: a period estimated a little long must not run ahead
          emit(h, Math.min(lastOutT + periodS, h.tS()));
        } else {
          emitOnStamp(h);
        }
      }
      return;
    }
    if (inBurst) {
      double sum = 0;
      for (double d : intervals) sum += d;
      // an interval longer than a period is never a burst's, even through a coarse stamp clock
      if (arrivalDt <= periodS && sum / BURST_RUN < BURST_SHARE * periodS) {
        emit(x, Math.min(lastOutT + periodS, x.tS()));
        return;
      }
      inBurst = false; // regular again: back on the arrival stamps (the rest of the silence was loss)
      restartSpans();
    }
    if (x.tS() - lastOutT > GAP_PERIODS * periodS) {
      held[heldCount++] = x; // a silence: stall or loss? decided by the samples after it
      return;
    }
    emitOnStamp(x);
  }

  /** No more samples: held samples go out on their own stamps. */
  public void flush() {
    for (int i = 0; i < heldCount; i++) {
      emitOnStamp(held[i]);
      held[i] = null;
    }
    heldCount = 0;
  }

  /**
   * On its arrival stamp; a repeated or backwards one just after its predecessor, not a whole
   * period, so that the output never runs ahead of the arrivals (it resyncs on the next regular
   * stamp).
   */
  private void emitOnStamp(ImuSample x) {
    double t = x.tS();
    if (t <= lastOutT) t = lastOutT + REPEAT_SHARE * periodS;
    emit(x, t);
  }

  private void emit(ImuSample x, double t) {
    if (!Double.isNaN(lastOutT) && !(t > lastOutT)) t = Math.nextUp(lastOutT);
    lastOutT = t;
    out.accept(
        t == x.tS() ? x : new ImuSample(t, x.axG(), x.ayG(), x.azG(), x.gxDps(), x.gyDps(), x.gzDps()));
  }

  /** The period's spans start afresh from the next sample (after a silence or a burst). */
  private void restartSpans() {
    stampCount = 0;
    stampPos = 0;
  }

  /**
   * P = the median over recent spans of (t_k − t_{k−8})/8 in arrival time: a span that holds a stall
   * and its burst is still exact (the burst makes up for the silence), and links that deliver a few
   * samples per notification (same stamp, then a longer interval) average out within a span.
   */
  private void learnPeriod(double t) {
    // int ring positions and one scratch array: a long modulo per sample and an array copied every
    // 16th were a few per cent of the pipeline (JFR, docs/benchmarks.md, round 4); same median
    stamps[stampPos] = t;
    stampPos = stampPos == SPAN ? 0 : stampPos + 1; // now the oldest stamp, 8 samples back
    if (++stampCount <= SPAN) return;
    double dt = (t - stamps[stampPos]) / SPAN;
    if (!(dt > 0)) return;
    recent[recentCount++ % WINDOW] = dt;
    if (recentCount >= 5 && (Double.isNaN(periodS) || recentCount % WINDOW == 0)) {
      int n = Math.min(recentCount, WINDOW);
      System.arraycopy(recent, 0, sorted, 0, n);
      Arrays.sort(sorted, 0, n);
      periodS = sorted[n / 2];
    }
  }
}
