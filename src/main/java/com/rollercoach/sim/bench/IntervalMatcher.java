package com.rollercoach.sim.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One-to-one matching of detected intervals to true ones: pairs with IoU ≥ the threshold are taken
 * greedily, best overlap first. With a threshold ≥ 0.5 and non-overlapping intervals on each side,
 * each interval has at most one candidate partner, so greedy is also optimal.
 */
public final class IntervalMatcher {
  private IntervalMatcher() {}

  /** A matched pair: indexes into the true and the detected list. */
  public record Pair(int truth, int detected, double iou) {}

  /** The pairs, plus how many true intervals were missed and how many detections were spurious. */
  public record Matching(List<Pair> pairs, int missed, int spurious) {
    public int matched() {
      return pairs.size();
    }
  }

  public static Matching match(List<Interval> truth, List<Interval> detected, double minIou) {
    List<Pair> candidates = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      for (int j = 0; j < detected.size(); j++) {
        double iou = truth.get(i).iou(detected.get(j));
        if (iou >= minIou) candidates.add(new Pair(i, j, iou));
      }
    }
    candidates.sort(Comparator.comparingDouble(Pair::iou).reversed());
    boolean[] truthUsed = new boolean[truth.size()];
    boolean[] detUsed = new boolean[detected.size()];
    List<Pair> pairs = new ArrayList<>();
    for (Pair p : candidates) {
      if (truthUsed[p.truth()] || detUsed[p.detected()]) continue;
      truthUsed[p.truth()] = true;
      detUsed[p.detected()] = true;
      pairs.add(p);
    }
    pairs.sort(Comparator.comparingInt(Pair::truth));
    return new Matching(List.copyOf(pairs), truth.size() - pairs.size(), detected.size() - pairs.size());
  }
}
