package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One test per signal-stage mechanism of issue 10, each able to fail without it. */
class SignalMechanismsTest {
  private static final double[] AXIS = {0.6, 0.0, 0.8};

  /** Counts shocks and grid samples. */
  private static final class Probe implements RollSignal.Listener {
    int grid;
    int shocks;
    double lastShockS = Double.NaN;
    double lastS;

    @Override
    public void grid(
        double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg, double[] phiDeg,
        boolean shock) {
      grid++;
      lastS = sCm;
      if (shock) {
        shocks++;
        lastShockS = tS;
      }
    }

    @Override
    public void gap(double fromS, double toS) {}
  }

  /** A 40 Hz eccentric-mass motor shaking the roller by 0.8 g, on from the very first sample. */
  private static double motor(double t) {
    return 0.8 * Math.sin(2 * Math.PI * 40 * t);
  }

  @Test
  void aMotorLineFromTheFirstSampleIsNotAShockButAJoltOnTopOfItIs() {
    Probe p = new Probe();
    RollSignal signal = new RollSignal(15, AXIS, p);
    double dt = 0.005; // 200 Hz
    for (int i = 0; i < 4000; i++) {
      double t = i * dt;
      double jolt = t >= 15 && t < 15.25 ? 1.5 * Math.sin(2 * Math.PI * 6 * (t - 15)) : 0;
      signal.accept(new ImuSample(t, motor(t), 0.3 * motor(t + 0.003), 1 + jolt, 0.01, -0.02, 0.01));
    }
    // the baseline needs a moment to learn the motor; after that only the jolt is a shock
    assertTrue(p.shocks > 0, "the jolt is seen");
    assertEquals(15.0, p.lastShockS, 0.3, "and it is the only shock after the first seconds");
    Probe quiet = new Probe();
    RollSignal again = new RollSignal(15, AXIS, quiet);
    for (int i = 0; i < 4000; i++) {
      double t = i * dt;
      again.accept(new ImuSample(t, motor(t), 0.3 * motor(t + 0.003), 1, 0.01, -0.02, 0.01));
      if (t > 2 && quiet.shocks > 0) break;
    }
    assertTrue(Double.isNaN(quiet.lastShockS) || quiet.lastShockS < 2, "no shocks once the motor is the baseline");
  }

  @Test
  void biasIsLearnedWhileAMotorShakesTheRoller() {
    RollSignal signal = new RollSignal(15, AXIS, new Probe());
    double dt = 0.005;
    for (int i = 0; i < 2000; i++) {
      double t = i * dt;
      double wobble = 12 * Math.sin(2 * Math.PI * 40 * t + 0.3); // °/s of shell wobble at the motor speed
      signal.accept(new ImuSample(t, motor(t), 0.3 * motor(t + 0.003), 1, 2.0 + wobble, -1.5 + 0.5 * wobble, 0.7));
    }
    assertTrue(signal.bias().estimated(), "a still (but shaking) roller gives a bias estimate");
    assertEquals(2.0, signal.bias().bias(0), 0.2);
    assertEquals(-1.5, signal.bias().bias(1), 0.2);
  }

  @Test
  void hugeOrJumpingTimestampsNeverSpinTheGrid() {
    Probe p = new Probe();
    RollSignal signal = new RollSignal(15, AXIS, p);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          signal.accept(new ImuSample(0, 0, 0, 1, 0, 0, 0));
          signal.accept(new ImuSample(0.01, 0, 0, 1, 0, 0, 0));
          signal.accept(new ImuSample(1e15, 0, 0, 1, 0, 0, 0)); // a clock jumps ahead by ages
          signal.accept(new ImuSample(1e15 + 0.01, 0, 0, 1, 0, 0, 0));
          signal.accept(new ImuSample(1e300, 0, 0, 1, 0, 0, 0)); // so large 0.02 s vanishes in it
          signal.accept(new ImuSample(Math.nextUp(1e300), 0, 0, 1, 0, 0, 0));
          signal.accept(new ImuSample(Double.POSITIVE_INFINITY, 0, 0, 1, 0, 0, 0));
          signal.flush();
        });
    assertTrue(p.grid < 20, "a few grid samples, not one per 20 ms of the jump: " + p.grid);
  }

  /**
   * A roller on grid foam (ridges 0.3 cm high every 2.5 cm, radius 7.5 cm) rolled in brisk strokes
   * of 15 cm in 1 s (minimum jerk, up to 28 cm/s), each followed by a 2 s pause, about the
   * sensor's y axis; a jolt (1.5 g at 6 Hz for 0.25 s) lands in the pause at 38 s. The bumps lift the
   * centre by z = h/2·(1 − cos kx), so the sensor feels z'' = h/2·(k²v²·cos kx + k·a·sin kx) along
   * the vertical: close to 1 g at full speed, growing as v⁴ in energy while the stroke sets off.
   *
   * @return the times of the shocks flagged
   */
  private static java.util.List<Double> gridFoamShocks() {
    java.util.List<Double> shocks = new java.util.ArrayList<>();
    RollSignal signal =
        new RollSignal(
            15,
            new double[] {0, 1, 0},
            new RollSignal.Listener() {
              @Override
              public void grid(
                  double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg,
                  double[] phiDeg, boolean shock) {
                if (shock) shocks.add(tS);
              }

              @Override
              public void gap(double fromS, double toS) {}
            });
    double r = 7.5;
    double h = 0.3;
    double k = 2 * Math.PI / 2.5;
    double dt = 0.005;
    for (int i = 0; i < 40 / dt; i++) {
      double t = i * dt;
      int n = (int) (t / 3.0);
      double u = (t - 3.0 * n) / 1.0; // within the stroke, 0..1; past 1: the pause
      double dir = n % 2 == 0 ? 1 : -1;
      double x;
      double v;
      double a;
      if (u < 1) {
        x = 15 * (10 * u * u * u - 15 * u * u * u * u + 6 * u * u * u * u * u);
        v = 15 / 1.0 * (30 * u * u - 60 * u * u * u + 30 * u * u * u * u);
        a = 15 / (1.0 * 1.0) * (60 * u - 180 * u * u + 120 * u * u * u);
      } else {
        x = 15;
        v = 0;
        a = 0;
      }
      double pos = n % 2 == 0 ? x : 15 - x; // back and forth
      double theta = pos / r;
      double bump = h / 2 * (k * k * v * v * Math.cos(k * pos) + k * dir * a * Math.sin(k * pos)) / 981;
      double jolt = t >= 38.0 && t < 38.25 ? 1.5 * Math.sin(2 * Math.PI * 6 * (t - 38.0)) : 0;
      double up = 1 + bump + jolt; // specific force along the vertical, g
      double rateDps = Math.toDegrees(dir * v / r);
      signal.accept(new ImuSample(t, -Math.sin(theta) * up, 0, Math.cos(theta) * up, 0, rateDps, 0));
    }
    return shocks;
  }

  @Test
  void gridFoamsBumpsGrowingWithTheRollingSpeedAreNotShocksButAJoltIs() {
    java.util.List<Double> shocks = gridFoamShocks();
    // the roller's texture is learned over the first strokes; after that only the jolt is a shock
    assertTrue(shocks.stream().anyMatch(t -> t >= 38.0 && t < 38.5), "the jolt is seen: " + shocks);
    assertEquals(
        java.util.List.of(),
        shocks.stream().filter(t -> t >= 15 && (t < 38.0 || t >= 38.5)).toList(),
        "no stroke after the first 15 s is a shock");
  }

  @Test
  void aTiltedRollersAxisIsStillFoundFromItsRolling() {
    // roller axis 12° off horizontal; the sensor rolls back and forth about it
    double tilt = Math.toRadians(12);
    double[] axis = {0, Math.cos(tilt), Math.sin(tilt)};
    Probe p = new Probe();
    RollSignal signal = new RollSignal(15, null, p);
    double dt = 0.01;
    double[] g0 = {1, 0, 0};
    for (int i = 0; i < 3000; i++) {
      double t = i * dt;
      double theta = t < 3 ? 0 : 1.2 * Math.sin(2 * Math.PI * (t - 3) / 6); // ±1.2 rad = ±9 cm
      double rate = t < 3 ? 0 : Math.toDegrees(1.2 * 2 * Math.PI / 6 * Math.cos(2 * Math.PI * (t - 3) / 6));
      // gravity: mostly across the axis, sin(tilt) along it; it turns by −θ about the axis
      double[] across = com.rollercoach.core.SyntheticSession.rotateForTest(g0, axis, -theta);
      double c = Math.cos(tilt);
      double[] g = {c * across[0] + Math.sin(tilt) * axis[0], c * across[1] + Math.sin(tilt) * axis[1], c * across[2] + Math.sin(tilt) * axis[2]};
      signal.accept(new ImuSample(t, g[0], g[1], g[2], axis[0] * rate, axis[1] * rate, axis[2] * rate));
    }
    double[] a = signal.rollAxis();
    double dot = Math.abs(a[0] * axis[0] + a[1] * axis[1] + a[2] * axis[2]);
    assertTrue(dot > Math.cos(Math.toRadians(2)), "axis within 2°: " + java.util.Arrays.toString(a));
    assertFalse(Double.isNaN(p.lastS));
  }

  /**
   * An empty roller at 1000 Hz loses 0.18 s of samples, and the first sample after the loss carries
   * a noise spike of 5 °/s on the roll axis. The raw roll angle must keep following the bias's ramp
   * across the loss: bridged with that one sample (the low-pass jumps onto it: 1° here) it
   * kinks by a breath's size, which read as somebody getting on.
   */
  @Test
  void aLossIsBridgedWithTheRateBeforeItNotWithTheOneSampleAfterIt() {
    double[] axis = {0, 1, 0};
    double biasDps = 0.5;
    double[] phiAt = new double[2]; // raw roll angle at 1 s and at 3 s
    RollSignal signal =
        new RollSignal(
            15,
            axis,
            new RollSignal.Listener() {
              @Override
              public void grid(
                  double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg,
                  double[] phiDeg, boolean shock) {
                if (Math.abs(tS - 1) < 1e-6) phiAt[0] = rollPhiDeg;
                if (Math.abs(tS - 3) < 1e-6) phiAt[1] = rollPhiDeg;
              }

              @Override
              public void gap(double fromS, double toS) {}
            });
    for (int i = 0; i <= 4000; i++) {
      double t = i * 0.001;
      if (t > 2.0 && t < 2.18) continue; // lost
      double spike = Math.abs(t - 2.18) < 1e-9 ? 5 : 0;
      signal.accept(new ImuSample(t, 0, 0, 1, 0, biasDps + spike, 0));
    }
    assertEquals(biasDps * 2, phiAt[1] - phiAt[0], 0.02, "the bias's ramp, 1° over 2 s");
  }
  @Test
  void rollingDoesNotTurnTheNoiseReferenceButATurnAboutItDoes() {
    // strokes of ±30° about a known axis (y) at up to 50 °/s: the angle about roll axis × gravity
    // stays still; the same roller pitched by 2° (one end lifted) turns it by 2°
    for (boolean pitched : new boolean[] {false, true}) {
      double[] last = {Double.NaN, Double.NaN};
      double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      RollSignal signal =
          new RollSignal(
              15,
              new double[] {0, 1, 0},
              new RollSignal.Listener() {
                @Override
                public void noiseReference(double pitchPhiDeg) {
                  last[0] = pitchPhiDeg;
                }

                @Override
                public void grid(
                    double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg,
                    double[] phiDeg, boolean shock) {
                  if (tS > 2 && !Double.isNaN(last[0])) {
                    range[0] = Math.min(range[0], last[0]);
                    range[1] = Math.max(range[1], last[0]);
                  }
                }

                @Override
                public void gap(double fromS, double toS) {}
              });
      double dt = 0.01;
      for (int i = 0; i < 2000; i++) {
        double t = i * dt;
        double w = 2 * Math.PI * 0.25;
        double theta = Math.toRadians(30) * Math.sin(w * t);
        double rate = 30 * w * Math.cos(w * t);
        // the pitch: a turn of 2° about x over 1 s at t = 10 s
        double pitchRate = pitched && t >= 10 && t < 11 ? 2.0 : 0;
        signal.accept(
            new ImuSample(t, -Math.sin(theta), 0, Math.cos(theta), pitchRate * Math.cos(theta), rate,
                pitchRate * Math.sin(theta)));
      }
      double swing = range[1] - range[0];
      if (pitched) assertEquals(2.0, swing, 0.3, "a pitch of 2° reads as one");
      else assertTrue(swing < 0.1, "rolling turned the reference by " + swing + "°");
    }
  }
}
