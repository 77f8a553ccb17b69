package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A gyro warming up drifts its bias steadily, which bends the raw roll angle by a parabola (here
 * 0.02 °/s², as the simulator's `warmup-bias` sessions). The empty roller after a get-off must
 * still read quiet — the parabola is the sensor, not a body — while a calm person's breathing on
 * the same drifting sensor must not. Grid samples go straight into a {@link SessionDetector}: an
 * empty roller for 20 s, a get-on shove, a person resting with {@code breathingDeg} peak-to-peak
 * breaths every 6 s, a get-off shove at 90 s (unless {@code getOff} is false), then empty; gyro
 * noise of 0.01 °/s/√Hz on every axis and no heartbeat ripple, so the rocking alone decides.
 */
class WarmingGyroQuietTest {
  private static final double HZ = SessionDetector.GRID_HZ;
  private static final double DRIFT_DPS2 = 0.02;

  private static List<MotionEvent> run(double breathingDeg, boolean getOff, double endS) {
    List<MotionEvent> events = new ArrayList<>();
    SessionDetector d = new SessionDetector(events::add);
    SplittableRandom rnd = new SplittableRandom(7);
    double sigma = 0.01 * Math.sqrt(HZ / 2) / HZ;
    double[] noise = new double[3];
    double s = 0;
    for (int i = 0; i < endS * HZ; i++) {
      double t = i / HZ;
      for (int k = 0; k < 3; k++) noise[k] += rnd.nextGaussian() * sigma;
      boolean on = t >= 20 && (!getOff || t < 90);
      boolean shove = (t >= 20 && t < 21) || (getOff && t >= 90 && t < 91);
      if (shove) s += 8 / HZ;
      double breathing = on ? breathingDeg / 2 * Math.sin(2 * Math.PI * t / 6) : 0;
      double drift = t > 20 ? 0.5 * DRIFT_DPS2 * (t - 20) * (t - 20) : 0; // warming from get-on
      double theta = s / 7.5 * 180 / Math.PI + breathing;
      double rollPhi = theta + drift + noise[1];
      double[] phi = {noise[0], rollPhi, noise[2]};
      boolean jolt = shove && (Math.abs(t - 20) < 0.01 || Math.abs(t - 90) < 0.01);
      d.accept(t, s, theta, rollPhi, phi, jolt);
    }
    d.end();
    return events;
  }

  private static List<MotionEvent.GotOff> offs(List<MotionEvent> events) {
    return EventsOfKind.of(events, MotionEvent.GotOff.class);
  }

  @Test
  void theEmptyRollerOfAWarmingGyroReadsQuietAfterTheGetOff() {
    List<MotionEvent.GotOff> off = offs(run(0.3, true, 140));
    assertEquals(1, off.size(), "one get-off: " + off);
    assertEquals(90, off.get(0).offS(), 1.0, "where getting off began");
    assertTrue(off.get(0).atS() < 90 + 16, "found within the get-off's look-back, at " + off.get(0).atS());
  }

  @Test
  void aCalmBreatherOnTheSameDriftingGyroIsNotCalledGone() {
    // 0.1° peak to peak, the shallowest breathing the detectors are built for, for 100 s of rest
    List<MotionEvent.GotOff> off = offs(run(0.1, false, 140));
    assertEquals(1, off.size(), "only the data's end: " + off);
    assertEquals(140, off.get(0).atS(), 0.1, "off at the data's end");
  }
}
