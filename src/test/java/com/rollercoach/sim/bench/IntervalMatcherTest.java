package com.rollercoach.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalMatcherTest {
  @Test
  void iouOfOverlappingNestedAndDisjointSpans() {
    assertEquals(1.0, new Interval(0, 10).iou(new Interval(0, 10)), 1e-12);
    assertEquals(5.0 / 15, new Interval(0, 10).iou(new Interval(5, 15)), 1e-12);
    assertEquals(0.5, new Interval(0, 10).iou(new Interval(0, 5)), 1e-12);
    assertEquals(0.0, new Interval(0, 10).iou(new Interval(10, 20)), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new Interval(3, 2));
  }

  @Test
  void matchesOneToOneAtIouHalf() {
    List<Interval> truth = List.of(new Interval(0, 60), new Interval(100, 130), new Interval(200, 210));
    List<Interval> detected =
        List.of(
            new Interval(1, 59), // matches the first
            new Interval(2, 58), // a duplicate of the first: spurious
            new Interval(118, 140), // IoU 12/40 with the second: too little
            new Interval(300, 320)); // nothing there
    IntervalMatcher.Matching m = IntervalMatcher.match(truth, detected, 0.5);
    assertEquals(1, m.matched());
    assertEquals(0, m.pairs().get(0).truth());
    assertEquals(0, m.pairs().get(0).detected(), "the better overlap wins");
    assertEquals(2, m.missed());
    assertEquals(3, m.spurious());
  }

  @Test
  void exactlyHalfCounts() {
    IntervalMatcher.Matching m =
        IntervalMatcher.match(List.of(new Interval(0, 10)), List.of(new Interval(0, 5)), 0.5);
    assertEquals(1, m.matched());
  }
}
