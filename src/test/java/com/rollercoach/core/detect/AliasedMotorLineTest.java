package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On/off on a vibrating roller read by a slow sensor: the motor (25–70 Hz) sampled at 25 Hz aliases
 * into a steady line at 1–3 Hz in the integrated angle, as large as breathing, for as long as it
 * runs. An empty roller with that line is empty; a body breathing on it is on.
 */
class AliasedMotorLineTest {
  private static final double HZ = SessionDetector.GRID_HZ;
  private static final double RADIUS_CM = 7.5;

  private final List<MotionEvent> events = new ArrayList<>();
  private final SessionDetector detector = new SessionDetector(events::add);
  private final Random rnd = new Random(5);
  private final double[] phi = new double[3];
  private double t;
  private double roll; // roller angle, degrees (the body's and the roller's own turning)
  private double noise; // integrated gyro noise, degrees
  /** The motor's shaking level, g (a function of time; none by default). */
  private java.util.function.DoubleUnaryOperator levelG = x -> 0;

  /**
   * Feeds {@code seconds} of grid: the roller angle from {@code body} (a function of time) plus the
   * motor's aliased line (amplitude {@code lineDeg} at 1.6 Hz, on every axis) and 0.005 °/s/√Hz gyro
   * noise integrated; a shock flag on the first {@code shockS} seconds.
   */
  private void feed(double seconds, java.util.function.DoubleUnaryOperator body, double lineDeg, double shockS) {
    double start = t;
    double sigma = 0.005 * Math.sqrt(HZ / 2);
    for (int i = 0; i < seconds * HZ; i++) {
      t += 1 / HZ;
      noise += sigma * rnd.nextGaussian() / HZ;
      roll = body.applyAsDouble(t);
      double line = lineDeg * Math.sin(2 * Math.PI * 1.6 * t);
      double angle = roll + line + noise;
      phi[0] = angle + 0.3 * t; // a gyro bias: the residuals remove its ramp
      phi[1] = line * 0.8 + 0.1 * t;
      phi[2] = line * 0.6 - 0.2 * t;
      double s = RADIUS_CM * Math.toRadians(angle);
      detector.motorLevel(levelG.applyAsDouble(t));
      detector.accept(t, s, angle, phi[0], phi, t - start < shockS);
    }
  }

  private <T> List<T> of(Class<T> kind) {
    return events.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static double breathing(double tS) {
    return 0.25 * Math.sin(2 * Math.PI * 0.2 * tS); // 0.5° peak to peak, 12 breaths a minute
  }

  @Test
  void anEmptyRollerWithTheMotorsLineIsNotSomebody() {
    feed(15, x -> 0, 0, 0);
    feed(0.2, x -> 0, 0.25, 0.2); // the button's knock, then the motor runs
    feed(60, x -> 0, 0.25, 0);
    assertEquals(List.of(), of(MotionEvent.GotOn.class));
  }

  @Test
  void aBodyBreathingOnTheRunningMotorIsOnAndItsGetOffIsSeen() {
    feed(15, x -> 0, 0, 0);
    feed(10, x -> 0, 0.25, 0.2);
    // lying back onto the roller turns it by 5° over a second, then breathing
    double on = t;
    feed(1, x -> 5 * (x - on), 0.25, 0.3);
    feed(40, x -> 5 + breathing(x), 0.25, 0);
    assertEquals(1, of(MotionEvent.GotOn.class).size(), "the body was not seen");
    assertEquals(List.of(), of(MotionEvent.GotOff.class), "breathing on the running motor read as empty");
    // sitting up: a jolt and a 25° shove (3 cm on this roller), then the empty roller, motor running
    double off = t;
    double from = roll;
    feed(0.6, x -> from + 25 * (x - off) / 0.6, 0.25, 0.3);
    double rest = roll;
    feed(20, x -> rest, 0.25, 0);
    List<MotionEvent.GotOff> gotOff = of(MotionEvent.GotOff.class);
    assertEquals(1, gotOff.size(), "the get-off was not seen: the motor's line kept the roller occupied");
    assertEquals(off, gotOff.get(0).offS(), 1.0);
    assertTrue(gotOff.get(0).atS() - off < 12, "get-off seen " + (gotOff.get(0).atS() - off) + " s late");
    assertEquals(1, of(MotionEvent.GotOn.class).size(), "the empty roller read as somebody again");
  }

  @Test
  void aFreedAliasedLevelBeatingDownIsNobodyLyingOnIt() {
    // on with the motor off, then switched on (0.3 g loaded) and lain on for 30 s; getting off, and
    // the freed motor's alias reads lower (0.06 g: the load left, MotorLoad#fell), then beats up to
    // 0.2 g and back every 10 s as its speed drifts against the sampling (seed 37000111, 25 Hz):
    // each fall is no body lying down
    feed(15, x -> 0, 0, 0);
    double on = t;
    feed(1, x -> 5 * (x - on), 0, 0.3);
    feed(10, x -> 5 + breathing(x), 0, 0);
    levelG = x -> 0.3;
    feed(30, x -> 5 + breathing(x), 0.1, 0);
    double off = t;
    double from = roll;
    feed(0.6, x -> from + 25 * (x - off) / 0.6, 0.1, 0.3);
    double freed = t;
    levelG = x -> x < freed + 8 ? 0.06 : 0.13 - 0.07 * Math.cos(2 * Math.PI * (x - freed - 8) / 10);
    double rest = roll;
    feed(80, x -> rest, 0.1, 0);
    assertEquals(1, of(MotionEvent.GotOff.class).size(), "the get-off was not seen");
    assertEquals(1, of(MotionEvent.GotOn.class).size(), "the beating level read as somebody getting on");
  }
}
