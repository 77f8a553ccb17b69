package com.rollercoach.review.analysis;

import java.util.OptionalLong;

/**
 * How complete and regular a recording is: what a physio needs to trust (or distrust) its numbers.
 *
 * @param samples samples read
 * @param nominalRateHz the median sample rate (1 / median interval)
 * @param gaps intervals longer than {@link QualityMeter#GAP_FACTOR} nominal periods
 * @param gapS total time inside those gaps, s
 * @param longestGapS the longest gap, s (0 without gaps)
 * @param missingSamples samples expected at the nominal rate but absent
 * @param framesLost frames the link decoder knew were lost (sequence gaps), when the recording says
 * @param crcFailures frames rejected by their checksum, when the recording says
 * @param recordingNote how the recording itself ended, when not cleanly: interrupted (no END record:
 *     kill -9, a power cut, a crash) or damaged (bytes skipped); empty for a whole recording
 */
public record DataQuality(
    long samples,
    double nominalRateHz,
    int gaps,
    double gapS,
    double longestGapS,
    long missingSamples,
    OptionalLong framesLost,
    OptionalLong crcFailures,
    String recordingNote) {

  public DataQuality {
    recordingNote = recordingNote == null ? "" : recordingNote;
  }

  /** Without a note: a whole recording, or a CSV. */
  public DataQuality(long samples, double nominalRateHz, int gaps, double gapS, double longestGapS,
      long missingSamples, OptionalLong framesLost, OptionalLong crcFailures) {
    this(samples, nominalRateHz, gaps, gapS, longestGapS, missingSamples, framesLost, crcFailures, "");
  }

  /** Share of expected samples that arrived, 0–1. */
  public double completeness() {
    long expected = samples + missingSamples;
    return expected == 0 ? 1 : (double) samples / expected;
  }
}
