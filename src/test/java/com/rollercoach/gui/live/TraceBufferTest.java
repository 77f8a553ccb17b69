package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TraceBufferTest {
  @Test
  void keepsOnePointPerBucketWithTheMeanSpeed() {
    TraceBuffer b = new TraceBuffer(10, 0.1);
    // 200 Hz for 1 s: position = t, speed alternating 1 and 3 (mean 2)
    for (int i = 0; i <= 200; i++) {
      b.add(i / 200.0, i / 200.0, i % 2 == 0 ? 1 : 3);
    }
    TraceBuffer.Points p = b.copy(new TraceBuffer.Points());
    assertEquals(10, p.n);
    assertEquals(0.0, p.originS);
    for (int i = 0; i < p.n; i++) {
      assertEquals(p.t[i], p.pos[i], 1e-12, "position is the bucket's last sample");
      assertEquals(2.0, p.speed[i], 0.11);
    }
  }

  @Test
  void memoryIsBoundedAndTheNewestPointsAreKeptInOrder() {
    TraceBuffer b = new TraceBuffer(60, 0.1);
    int hours = 2;
    for (long i = 0; i <= hours * 3600L * 200; i++) {
      b.add(i / 200.0, i, 0);
    }
    TraceBuffer.Points p = b.copy(new TraceBuffer.Points());
    assertEquals(b.capacity(), p.n);
    assertEquals(602, p.n);
    assertEquals(hours * 3600.0, p.lastT(), 1e-9);
    for (int i = 1; i < p.n; i++) {
      assertEquals(0.1, p.t[i] - p.t[i - 1], 1e-6);
    }
  }
}
