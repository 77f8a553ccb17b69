package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.SessionAnalysis;

/**
 * The gaps in a session's data as its analysis found them: the list {@code analyze} and {@code record}
 * count ("7 gap(s) in the data, 4.7 s missing"), the report's timeline shades and its event table lists.
 * The library's index, {@code sessions show} and the report's data-quality table count them from here
 * too, so one session has one number of gaps. ({@link DataQuality}'s own count, every interval over
 * three sample periods, also takes in the short drops the pipeline bridges; its completeness still
 * counts every missing sample.)
 *
 * @param count gaps
 * @param totalS time inside them, s
 * @param longestS the longest, s (0 without gaps)
 */
public record GapTotals(int count, double totalS, double longestS) {
  public static GapTotals of(SessionAnalysis a) {
    double total = 0;
    double longest = 0;
    for (double[] g : a.gaps()) {
      total += g[1] - g[0];
      longest = Math.max(longest, g[1] - g[0]);
    }
    return new GapTotals(a.gaps().size(), total, longest);
  }
}
