package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 26 Hz sensor in a vibrating roller: the motor's rotating force (0.15 g in the plane ⟂ the roll
 * axis) is aliased to 0.66 Hz, where no low-pass that keeps rolling can cut it, and gravity's angle
 * swings by ±9° at that rate. θ (the position's angle) keeps its 2 s pull and carries a share of the
 * line; the rocking angle the breath counter reads must carry the breathing and little of the line.
 */
class RockingUnderAMotorLineTest {
  private static final double HZ = 26;
  private static final double BREATH_HZ = 0.15;
  private static final double BREATH_DEG = 0.3;
  private static final double LINE_HZ = 0.66;
  private static final double LINE_G = 0.15;

  private static List<double[]> run(double motorFromS, boolean line) {
    AngleRecorder recorder = new AngleRecorder();
    List<double[]> grid = recorder.rows;
    RollSignal signal = recorder.signalAboutY();
    for (int i = 0; i <= 90 * HZ; i++) {
      double t = i / HZ;
      double[] breath = AngleRecorder.breathing(t, BREATH_HZ, BREATH_DEG);
      double theta = breath[0];
      double rate = breath[1];
      // gravity seen from a sensor turned by θ about y, plus the aliased rotating force in x-z
      double ax = -Math.sin(theta);
      double az = Math.cos(theta);
      if (line && t >= motorFromS) {
        double p = 2 * Math.PI * LINE_HZ * t;
        ax += LINE_G * Math.cos(p);
        az += LINE_G * Math.sin(p);
      }
      signal.accept(new ImuSample(t, ax, 0.002, az, 0.4, rate - 0.8, 0.3));
    }
    signal.flush();
    return grid;
  }

  @Test
  void theBreathCounterReadsTheBreathingNotTheLine() {
    // the bias is learnt in the 15 s before the motor starts, as on a roller switched on by hand
    List<double[]> grid = run(15, true);
    double thetaError = errorPeakToPeak(grid, 1, 50, 90);
    double rockingError = errorPeakToPeak(grid, 2, 50, 90);
    // the mechanism is there: θ's 2 s pull carries much of the line
    assertTrue(thetaError > 0.6, "θ error p-p " + thetaError);
    // the rocking angle carries little of it: well under the 0.6° p-p breathing
    assertTrue(rockingError < 0.25, "rocking error p-p " + rockingError);
  }

  @Test
  void aMiscalibratedAccelerometerOrAStrokeIsNoLine() {
    // norm 1.06 g at rest (a cheap, uncalibrated part): the RMS about 1 g that picks the slower
    // gravity filter reads "vibrating", but nothing swings, so the rocking angle never takes its
    // own long pull; then brisk strokes (60 °/s) swing the norm by themselves, and still nothing
    // changes
    RollAngleTracker tracker = new RollAngleTracker();
    tracker.biasEstimated(true);
    double[] axis = {0, 1, 0};
    double theta = 0;
    boolean sawVibrating = false;
    for (int i = 0; i <= 60 * HZ; i++) {
      double t = i / HZ;
      double rate = t > 30 ? 60 * Math.sin(2 * Math.PI * 0.25 * t) : 0.5 * Math.cos(t);
      theta += Math.toRadians(rate) / HZ;
      double swing = t > 30 ? 0.08 * Math.sin(2 * Math.PI * 0.5 * t) : 0;
      double g = 1.06 + swing;
      tracker.update(0, rate, 0, -g * Math.sin(theta), 0, g * Math.cos(theta), 1 / HZ, axis, false);
      sawVibrating |= tracker.vibrating();
      assertFalse(tracker.rockingRestarted() || tracker.rockingUnderLine(), "at " + t);
    }
    assertTrue(sawVibrating, "the case is one the old measure called vibrating");
  }

  /** Peak-to-peak of (angle − true breathing), mean removed, over [from, to). */
  private static double errorPeakToPeak(List<double[]> grid, int col, double from, double to) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double mean = 0;
    int n = 0;
    for (double[] g : grid) {
      if (g[0] >= from && g[0] < to) {
        mean += g[col] - BREATH_DEG * Math.sin(2 * Math.PI * BREATH_HZ * g[0]);
        n++;
      }
    }
    mean /= n;
    for (double[] g : grid) {
      if (g[0] >= from && g[0] < to) {
        double e = g[col] - BREATH_DEG * Math.sin(2 * Math.PI * BREATH_HZ * g[0]) - mean;
        lo = Math.min(lo, e);
        hi = Math.max(hi, e);
      }
    }
    return hi - lo;
  }
}
