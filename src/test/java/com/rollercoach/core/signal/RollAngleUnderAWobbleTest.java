package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import java.util.List;
import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.junit.jupiter.api.Test;

/**
 * The gyro's roll angle (rollPhiDeg) of an empty roller whose motor wobbles the shell about all
 * three axes, on a gyro whose bias (not yet learned: the shaking roller is never still) reads as
 * turning, so the axis estimate is re-solved every 0.25 s from bias and wobble before anyone rolls
 * the roller. The angle must stay the wobble's own
 * hundredths of a degree; taken as a·Φ with Φ's bias ramp (tens of degrees), each re-solve stepped
 * it by Δa·Φ and an empty roller read as somebody lying on it (seed 30000131).
 */
class RollAngleUnderAWobbleTest {
  private static final double RATE_HZ = 200;
  /** A motor line as a sensor sees it aliased: a few Hz, inside the rate low-pass. */
  private static final double MOTOR_HZ = 3;
  private static final double WOBBLE_DEG = 0.05;

  @Test
  void aReSolvedAxisDoesNotStepTheRollAngle() {
    AngleRecorder recorder = new AngleRecorder();
    RollSignal signal = new RollSignal(15, null, recorder); // the axis found from the data
    double w = WOBBLE_DEG * 2 * Math.PI * MOTOR_HZ; // °/s
    // °/s: over the 8 °/s the axis estimator takes for turning while the bias is not yet learned
    // (a shaking roller is never still enough to learn it), and Φ runs to hundreds of degrees
    double[] bias = {7, 0.5, -5}; // across gravity (y), as a roller turns
    for (int i = 0; i < 30 * RATE_HZ; i++) {
      double t = i / RATE_HZ;
      double p = 2 * Math.PI * MOTOR_HZ * t;
      signal.accept(
          new ImuSample(
              t,
              0.3 * Math.cos(p),
              1 + 0.06 * Math.sin(p + 0.7),
              0.3 * Math.sin(p),
              bias[0] + w * Math.cos(p + 0.3),
              bias[1] + 0.5 * w * Math.sin(p + 1.3),
              bias[2] + w * Math.sin(p + 0.3)));
    }
    signal.flush();

    // the first 6 s (the rocking window) after the axis is found, while its estimate still moves,
    // about a quadratic (the bias's ramp removed), as the detectors judge it
    List<double[]> grid = recorder.rows.stream().map(r -> new double[] {r[0], r[3]}).toList();
    double found = grid.stream().filter(g -> !Double.isNaN(g[1])).mapToDouble(g -> g[0]).min().orElse(99);
    assertTrue(found < 20, "the axis was found from the bias and the wobble, at " + found + " s");
    WeightedObservedPoints points = new WeightedObservedPoints();
    List<double[]> window = grid.stream().filter(g -> g[0] >= found && g[0] < found + 6).toList();
    for (double[] g : window) points.add(g[0] - found, g[1]);
    double[] c = PolynomialCurveFitter.create(2).fit(points.toList());
    double sq = 0;
    for (double[] g : window) {
      double x = g[0] - found;
      double r = g[1] - (c[0] + c[1] * x + c[2] * x * x);
      sq += r * r;
    }
    double rms = Math.sqrt(sq / window.size());
    assertTrue(rms < 2 * WOBBLE_DEG, "residual " + rms + "° against the wobble's " + WOBBLE_DEG + "°");
  }
}
