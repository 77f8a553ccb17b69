package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClockTest {
  private static final long WRAP = 1L << 32;

  @Test
  void smallStepsAcrossTheWrapAreForward() {
    TimestampUnwrapper u = new TimestampUnwrapper();
    u.step(WRAP - 100, Double.NaN);
    assertEquals(300, u.step(200, Double.NaN));
    assertEquals(WRAP + 200, u.extendedUs());
  }

  @Test
  void aLargeModularStepWithoutHostEvidenceIsTheClockGoingBack() {
    TimestampUnwrapper u = new TimestampUnwrapper();
    u.step(10_000_000, Double.NaN);
    assertEquals(-9_000_000, u.step(1_000_000, 0.01));
  }

  @Test
  void theHostClockCountsWholeWrapsDuringALongOutage() {
    // The link was down for 2 h 30 min: more than two wraps of the µs counter (71.6 min each).
    TimestampUnwrapper u = new TimestampUnwrapper();
    u.step(1_000, Double.NaN);
    long elapsedUs = 9_000_000_000L; // 2.5 h
    long raw = (1_000 + elapsedUs) % WRAP;
    // The host's read of the same interval is off by 3 s (latency, drift): still the right wrap count.
    assertEquals(elapsedUs, u.step(raw, elapsedUs * 1e-6 + 3.0));
  }

  @Test
  void mapperFollowsADriftChangeAndForgetsTheOldSlope() {
    // Device runs 50 ppm fast for 2 min, then (warming up) 150 ppm fast; latency ≥ 2 ms, jittery.
    DeviceClockMapper m = new DeviceClockMapper();
    java.util.Random rnd = new java.util.Random(5);
    double host = 100;
    double dev = 0;
    for (int i = 0; i < 200 * 240; i++) {
      double rate = i < 200 * 120 ? 1 / (1 + 50e-6) : 1 / (1 + 150e-6);
      dev += 0.005;
      host += 0.005 * rate;
      m.add(dev, host + 0.002 + rnd.nextDouble() * 0.004);
    }
    assertEquals(-150, m.skewPpm(), 10); // host seconds per device second − 1
    assertEquals(host + 0.002, m.toHostS(dev), 3e-4);
  }

  @Test
  void mapperBeforeTwoBlocksUsesTheMinimumOffset() {
    DeviceClockMapper m = new DeviceClockMapper();
    assertFalse(m.ready());
    m.add(1.0, 11.004);
    m.add(1.005, 11.006); // the earliest arrival relative to device time
    m.add(1.010, 11.020);
    assertTrue(m.ready());
    assertEquals(0, m.skewPpm());
    assertEquals(11.006, m.toHostS(1.005), 1e-12);
  }
}
