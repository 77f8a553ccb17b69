package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stall vs loss, repeated stamps and re-sent rows on a BLE-like link. */
class DeliveryClockTest {
  private static final double P = 0.02; // 50 Hz

  private static ImuSample at(double t, int k) {
    return new ImuSample(t, 0, 0, 1, k, 0, 0); // gx carries the sample number
  }

  @Test
  void aBurstAfterA200msStallGoesBackOnTheDeviceClock() {
    List<ImuSample> out = new ArrayList<>();
    DeliveryClock clock = new DeliveryClock(out::add);
    int k = 0;
    for (; k < 100; k++) clock.accept(at(k * P, k));
    // samples 100..109 were taken on time but arrive 0.5 ms apart after a 200 ms silence
    double arrival = 109 * P + 0.001;
    for (int b = 0; b < 10; b++, k++) clock.accept(at(Math.rint((arrival + b * 0.0005) * 1000) / 1000, k));
    for (; k < 200; k++) clock.accept(at(k * P, k));
    clock.flush();
    assertEquals(200, out.size());
    for (ImuSample s : out) {
      assertEquals(s.gxDps() * P, s.tS(), 0.002, "sample " + (int) s.gxDps() + " on the device clock");
    }
  }

  /**
   * At 500 Hz an arrival clock of 1 ms stamps a burst's samples 0 or 1 ms apart, and two 1 ms steps
   * in a row are common (samples 0.67 ms apart): one such interval alone looks regular (half a
   * period). The burst test averages a few intervals, so the whole burst goes back on the device's
   * clock; cut at the first 1 ms pair, the rest was kept on its arrival stamps, three samples per
   * period.
   */
  @Test
  void aBurstStampedByAMillisecondClockAt500HzGoesBackOnTheDeviceClock() {
    double p = 0.002;
    List<ImuSample> out = new ArrayList<>();
    DeliveryClock clock = new DeliveryClock(out::add);
    int k = 0;
    for (; k < 500; k++) clock.accept(at(k * p, k));
    // a 250 ms stall from sample 500 on; then the queue drains 0.67 ms apart, stamped to the
    // millisecond on arrival, while the device goes on sampling, until it has caught up
    double last = 0;
    for (; k < 900; k++) {
      double arrival = Math.max(k * p, 1.2504 + (k - 500) * 0.00067);
      last = Math.max(last, Math.rint(arrival * 1000) / 1000);
      clock.accept(at(last, k));
    }
    clock.flush();
    assertEquals(900, out.size());
    for (int i = 1; i < out.size(); i++) assertTrue(out.get(i).tS() > out.get(i - 1).tS());
    for (ImuSample s : out) {
      assertEquals(s.gxDps() * p, s.tS(), 0.003, "sample " + (int) s.gxDps() + " on the device clock");
    }
  }

  @Test
  void realLossKeepsItsGapAndTheStamps() {
    List<ImuSample> out = new ArrayList<>();
    DeliveryClock clock = new DeliveryClock(out::add);
    for (int k = 0; k < 100; k++) clock.accept(at(k * P, k));
    for (int k = 110; k < 200; k++) clock.accept(at(k * P, k)); // 100..109 lost
    clock.flush();
    assertEquals(190, out.size());
    for (ImuSample s : out) assertEquals(s.gxDps() * P, s.tS(), 1e-9);
  }

  @Test
  void repeatedStampsAreSpreadAndResentRowsDropped() {
    List<ImuSample> out = new ArrayList<>();
    DeliveryClock clock = new DeliveryClock(out::add);
    for (int k = 0; k < 50; k++) clock.accept(at(k * P, k));
    ImuSample a = at(50 * P, 50);
    clock.accept(a);
    clock.accept(a); // re-sent row
    clock.accept(at(50 * P, 51)); // same stamp, new sample
    for (int k = 53; k < 80; k++) clock.accept(at(k * P, k));
    clock.flush();
    assertEquals(79, out.size());
    for (int i = 1; i < out.size(); i++) assertTrue(out.get(i).tS() > out.get(i - 1).tS());
    assertEquals(51 * P, out.get(51).tS(), P); // placed after its twin, never ahead of the clock
    assertEquals(53 * P, out.get(52).tS(), 1e-9); // and back on the stamps right after
  }

  @Test
  void nonFiniteTimesAreSkipped() {
    List<ImuSample> out = new ArrayList<>();
    DeliveryClock clock = new DeliveryClock(out::add);
    clock.accept(at(0, 0));
    clock.accept(at(Double.NaN, 1));
    clock.accept(at(Double.POSITIVE_INFINITY, 2));
    clock.accept(at(P, 3));
    assertEquals(2, out.size());
  }
}
