package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A shallow breather settles after the hip drop and pauses after an exhale: for seconds the roller is
 * as quiet as an empty one. The heartbeat's ripple above the gyro's noise floor keeps the person on;
 * the same quiet without it is an empty roller.
 */
class BreathingPauseTest {
  private static final double HZ = SessionDetector.GRID_HZ;
  private static final double RADIUS_CM = 7.5;
  private static final double NOISE = 0.015; // °/s/√Hz, the noisiest part (ICM-20948)

  private final List<MotionEvent> events = new ArrayList<>();
  private final SessionDetector detector = new SessionDetector(events::add);
  private final Random rnd = new Random(7);
  private final double[] phi = new double[3];
  private final double[] noise = new double[3];
  private final double[][] smooth = new double[3][2];
  private double t;
  private double roll;

  private void feed(double seconds, DoubleUnaryOperator body, double heartDeg, double shockS) {
    double start = t;
    double sigma = NOISE * Math.sqrt(HZ / 2);
    double a = 1 - Math.exp(-1 / (0.08 * HZ)); // the pipeline's 2 Hz smoothing of the rate
    for (int i = 0; i < seconds * HZ; i++) {
      t += 1 / HZ;
      for (int k = 0; k < 3; k++) {
        smooth[k][0] += a * (0.2 + sigma * rnd.nextGaussian() - smooth[k][0]);
        smooth[k][1] += a * (smooth[k][0] - smooth[k][1]);
        noise[k] += smooth[k][1] / HZ;
      }
      roll = body.applyAsDouble(t);
      double ph = 2 * Math.PI * 1.1 * t;
      double heart = heartDeg * (0.77 * Math.sin(ph) + 0.25 * Math.sin(2 * ph + 0.6));
      double angle = roll + heart;
      phi[0] = angle + noise[0];
      phi[1] = noise[1];
      phi[2] = noise[2];
      detector.accept(t, RADIUS_CM * Math.toRadians(angle), angle, phi[0], phi, t - start < shockS);
    }
  }

  /** Empty, getting on, rolling, the hip drop, then a hold whose breathing pauses for 12 s. */
  private List<MotionEvent.GotOff> session(double heartDeg) {
    feed(20, x -> 0, 0, 0);
    double on = t;
    feed(1, x -> 5 * (x - on), heartDeg, 0.3);
    for (int k = 0; k < 4; k++) {
      double from = t;
      double base = roll;
      double sign = k % 2 == 0 ? 1 : -1;
      feed(4, x -> base + sign * 40 * (1 - Math.cos(Math.PI * (x - from) / 4)) / 2, heartDeg, 0);
      double rest = roll;
      feed(1, x -> rest + 0.1 * Math.sin(2 * Math.PI * 0.25 * x), heartDeg, 0);
    }
    double drop = t;
    double before = roll;
    feed(1.5, x -> before + 10 * (x - drop) / 1.5, heartDeg, 0.3); // the hip drop, with its jolt
    double hold = roll;
    feed(12, x -> hold, heartDeg, 0); // an end-expiratory pause: no breathing at all
    double back = t;
    feed(30, x -> hold + 0.08 * (1 - Math.cos(2 * Math.PI * (x - back) / 6)), heartDeg, 0);
    return events.stream()
        .filter(MotionEvent.GotOff.class::isInstance)
        .map(MotionEvent.GotOff.class::cast)
        .toList();
  }

  @Test
  void theHeartbeatKeepsABreathingPauseOnTheRoller() {
    assertEquals(List.of(), session(0.006), "a pause in a hold ended the session");
  }

  @Test
  void theSameQuietWithoutAHeartbeatIsAnEmptyRoller() {
    assertEquals(1, session(0).size(), "without a heartbeat the quiet after a jolt is a get-off");
  }
}
