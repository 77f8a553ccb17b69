package com.rollercoach.sim.bench;

/** A time span [start, end] in seconds. */
public record Interval(double start, double end) {
  public Interval {
    if (!(end >= start)) throw new IllegalArgumentException("interval ends before it starts: " + start + ".." + end);
  }

  public double length() {
    return end - start;
  }

  /**
   * Temporal intersection over union, the usual overlap score for matching detected events to true
   * ones (as in temporal action detection, e.g. the THUMOS/ActivityNet protocols): 0 when disjoint, 1
   * when equal.
   */
  public double iou(Interval o) {
    double inter = Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
    double union = Math.max(end, o.end) - Math.min(start, o.start);
    return union > 0 ? inter / union : (inter == 0 && start == o.start ? 1 : 0);
  }
}
