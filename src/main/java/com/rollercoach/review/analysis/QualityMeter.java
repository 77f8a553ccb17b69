package com.rollercoach.review.analysis;

import com.rollercoach.core.Median;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import java.util.OptionalLong;

/**
 * Measures sample timing while a recording is replayed: the nominal rate from the median interval of
 * the first intervals (robust to jitter and to the gaps themselves), and gaps where an interval exceeds
 * {@link #GAP_FACTOR} nominal periods.
 */
final class QualityMeter {
  /**
   * An interval longer than 3 periods means at least two samples in a row are missing: beyond timestamp
   * jitter (a fraction of a period) and single drops, i.e. a link problem worth reporting.
   */
  static final double GAP_FACTOR = 3.0;

  /** Intervals used to estimate the nominal period; enough for a stable median, bounded memory. */
  private static final int RATE_WINDOW = 512;

  private final double[] firstIntervals = new double[RATE_WINDOW];
  private int intervals;
  private double period = Double.NaN;
  private double lastT = Double.NaN;
  private long samples;
  private int gaps;
  private double gapS;
  private double longestGapS;
  private long missing;

  void accept(ImuSample sample) {
    samples++;
    if (!Double.isNaN(lastT)) {
      double dt = sample.tS() - lastT;
      if (intervals < RATE_WINDOW) {
        firstIntervals[intervals++] = dt;
        if (intervals == RATE_WINDOW) period = Median.of(firstIntervals, intervals);
      }
      if (!Double.isNaN(period)) countGap(dt);
    }
    lastT = sample.tS();
  }

  private void countGap(double dt) {
    if (dt <= GAP_FACTOR * period) return;
    gaps++;
    gapS += dt;
    longestGapS = Math.max(longestGapS, dt);
    missing += Math.round(dt / period) - 1;
  }

  /** @param metadata where link counters ({@code lost_frames}, {@code crc_failures}) are found */
  /** Key under which a recording source reports how the recording ended (see DataQuality). */
  public static final String RECORDING_NOTE = "recording_note";

  DataQuality result(SessionMetadata metadata) {
    if (Double.isNaN(period) && intervals > 0) {
      // Short recording: the window never filled, so gaps were not counted yet.
      period = Median.of(firstIntervals, intervals);
      for (int i = 0; i < intervals; i++) countGap(firstIntervals[i]);
    }
    double rate = Double.isNaN(period) || period <= 0 ? 0 : 1 / period;
    return new DataQuality(
        samples,
        rate,
        gaps,
        gapS,
        longestGapS,
        missing,
        count(metadata, "lost_frames"),
        count(metadata, "crc_failures"),
        metadata.get(RECORDING_NOTE));
  }

  private static OptionalLong count(SessionMetadata metadata, String key) {
    var n = metadata.number(key);
    return n.isPresent() ? OptionalLong.of((long) n.getAsDouble()) : OptionalLong.empty();
  }
}
