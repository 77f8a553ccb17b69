package com.rollercoach.core;

import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small physics-based session generator for tests: a roller of radius r turns by θ = s/r about an
 * axis fixed in the sensor frame (any orientation), gravity turns the opposite way in the sensor
 * frame, a loaded roller rocks with asymmetric breaths (inhale 40 % of the cycle) and a heartbeat
 * ripple, getting on and off adds accelerometer shocks; the gyro has a bias and white noise, the
 * accelerometer white noise. Strokes follow minimum-jerk profiles (Flash &amp; Hogan 1985).
 */
public final class SyntheticSession {
  private record Segment(double t0, double t1, double s0, double s1, boolean loaded, boolean shock) {}

  private final List<Segment> segments = new ArrayList<>();
  private final List<Double> breathOnsets = new ArrayList<>();
  private double t;
  private double s;
  private double rateHz = 100;
  private double radiusCm = 7.5;
  private double motorLoadedFraction = 1;
  private double[] axis = {0, 0, 1};
  private double[] bias = {0.4, -0.3, 0.2};
  private double gyroNoise = 0.005; // °/s/√Hz
  private double accelNoise = 0.0004; // g/√Hz
  private double breathDeg = 0.5; // peak to peak
  private double breathPeriodS = 5;
  private long seed = 1;
  private double motorOnS = Double.POSITIVE_INFINITY;
  private double motorG;
  private double motorHz;
  private double motorLoadedHz = Double.NaN;
  private double motorWobbleDeg;

  public SyntheticSession rate(double hz) {
    rateHz = hz;
    return this;
  }

  public SyntheticSession radius(double cm) {
    radiusCm = cm;
    return this;
  }

  public SyntheticSession axis(double x, double y, double z) {
    double n = Math.sqrt(x * x + y * y + z * z);
    axis = new double[] {x / n, y / n, z / n};
    return this;
  }

  public SyntheticSession gyroBias(double x, double y, double z) {
    bias = new double[] {x, y, z};
    return this;
  }

  public SyntheticSession noise(double gyroDpsPerRtHz, double accelGPerRtHz) {
    gyroNoise = gyroDpsPerRtHz;
    accelNoise = accelGPerRtHz;
    return this;
  }

  public SyntheticSession breathing(double peakToPeakDeg, double periodS) {
    breathDeg = peakToPeakDeg;
    breathPeriodS = periodS;
    return this;
  }

  /**
   * A vibrating roller's motor switched on at {@code atS} (from now on the script's clock): a knock
   * on the button (a 0.5 g ring for 0.25 s), then a radial shake of {@code g} at {@code hz}.
   */
  public SyntheticSession motorOnAt(double atS, double g, double hz) {
    this.motorOnS = atS;
    this.motorG = g;
    this.motorHz = hz;
    return this;
  }

  /**
   * A body on the roller damps the motor's shaking to {@code fraction} of the free amplitude (an
   * eccentric-mass motor pressed into the floor); 1 (the default) leaves it unchanged.
   */
  public SyntheticSession motorLoadedAmplitude(double fraction) {
    this.motorLoadedFraction = fraction;
    return this;
  }

  /**
   * A body on the roller slows the motor to {@code hz} (real massage rollers lose a few per cent of
   * their speed under a back); by default the speed does not change.
   */
  public SyntheticSession motorLoadedHz(double hz) {
    this.motorLoadedHz = hz;
    return this;
  }

  /**
   * The motor also wobbles the shell about its axis by {@code deg} (amplitude, damped under a body
   * as the shaking is): what a slow sensor sees of it, aliased, is a slow swing of the angle.
   */
  public SyntheticSession motorWobble(double deg) {
    this.motorWobbleDeg = deg;
    return this;
  }

  public SyntheticSession seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Nobody on the roller. */
  public SyntheticSession idle(double durationS) {
    segments.add(new Segment(t, t + durationS, s, s, false, false));
    t += durationS;
    return this;
  }

  /** Lying back onto the roller: a shock, the roller shuffles 1 cm and back, settles. */
  public SyntheticSession getOn() {
    segments.add(new Segment(t, t + 0.5, s, s + 1, true, true));
    segments.add(new Segment(t + 0.5, t + 1.0, s + 1, s, true, false));
    t += 1.0;
    return rest(2.0);
  }

  /** One minimum-jerk stroke to {@code toCm}. */
  public SyntheticSession stroke(double toCm, double durationS) {
    segments.add(new Segment(t, t + durationS, s, toCm, true, false));
    t += durationS;
    s = toCm;
    return this;
  }

  /** {@code n} strokes alternating between the current position and {@code s + lengthCm}. */
  public SyntheticSession strokes(int n, double lengthCm, double speedCmS) {
    double home = s;
    for (int i = 0; i < n; i++) stroke(i % 2 == 0 ? home + lengthCm : home, lengthCm / speedCmS);
    return this;
  }

  /** Loaded and still (breathing only). */
  public SyntheticSession rest(double durationS) {
    segments.add(new Segment(t, t + durationS, s, s, true, false));
    t += durationS;
    return this;
  }

  /** A jolt while loaded that moves nothing (a heel on the floor, a knock on the shell). */
  public SyntheticSession knock(double durationS) {
    segments.add(new Segment(t, t + durationS, s, s, true, true));
    t += durationS;
    return this;
  }

  /** Sitting up: a shock and a 3 cm shove, then the roller is empty. */
  public SyntheticSession getOff() {
    segments.add(new Segment(t, t + 0.6, s, s + 3, true, true));
    t += 0.6;
    s += 3;
    return this;
  }

  public double durationS() {
    return t;
  }

  /** Inhale onsets (start of the rising part of the rock) while loaded, between two times. */
  public int breathsBetween(double fromS, double toS) {
    int n = 0;
    for (double k = Math.ceil(fromS / breathPeriodS) * breathPeriodS; k < toS; k += breathPeriodS) {
      if (loadedAt(k)) n++;
    }
    return n;
  }

  /** Streams the session's samples to a sink (does not call end). */
  /** The batch result: the session played through a {@link MotionPipeline} to its end. */
  public SessionAnalysis analyze(PipelineConfig config) {
    AnalysisCollector c = new AnalysisCollector();
    MotionPipeline p = new MotionPipeline(config, c);
    play(p);
    p.end();
    return c.analysis(0, durationS());
  }

  public void play(SampleSink sink) {
    Random rnd = new Random(seed);
    double[] up0 = perpendicular(axis);
    double dt = 1 / rateHz;
    double gSigma = gyroNoise * Math.sqrt(rateHz / 2);
    double aSigma = accelNoise * Math.sqrt(rateHz / 2);
    double h = 1e-4;
    double motorPhase = 0;
    for (double time = 0; time <= t; time += dt) {
      double theta = thetaAt(time);
      double rateDps = Math.toDegrees((thetaAt(time + h) - thetaAt(time - h)) / (2 * h));
      double[] up = rotate(up0, axis, -theta);
      double shock = shockAt(time);
      if (time >= motorOnS) {
        if (time < motorOnS + 0.25) shock += 0.5 * Math.sin(2 * Math.PI * 6 * (time - motorOnS));
        boolean loaded = loadedAt(time);
        motorPhase += 2 * Math.PI * (loaded && !Double.isNaN(motorLoadedHz) ? motorLoadedHz : motorHz) * dt;
        double p = motorPhase;
        double g = motorG * (loaded ? motorLoadedFraction : 1);
        up = new double[] {up[0] + g * Math.cos(p), up[1], up[2] + g * Math.sin(p)};
        double hz = loaded && !Double.isNaN(motorLoadedHz) ? motorLoadedHz : motorHz;
        rateDps +=
            motorWobbleDeg * (loaded ? motorLoadedFraction : 1) * 2 * Math.PI * hz * Math.cos(p + 0.3);
      }
      sink.accept(
          new ImuSample(
              time,
              up[0] + shock + aSigma * rnd.nextGaussian(),
              up[1] + aSigma * rnd.nextGaussian(),
              up[2] - 0.5 * shock + aSigma * rnd.nextGaussian(),
              axis[0] * rateDps + bias[0] + gSigma * rnd.nextGaussian(),
              axis[1] * rateDps + bias[1] + gSigma * rnd.nextGaussian(),
              axis[2] * rateDps + bias[2] + gSigma * rnd.nextGaussian()));
    }
  }

  /** The contact position the script puts the roller at, cm. */
  public double positionAt(double time) {
    if (segments.isEmpty()) return 0;
    if (time < segments.get(0).t0) return segments.get(0).s0;
    for (Segment g : segments) {
      if (time >= g.t0 && time < g.t1) {
        double u = (time - g.t0) / (g.t1 - g.t0);
        double mj = u * u * u * (10 - 15 * u + 6 * u * u);
        return g.s0 + (g.s1 - g.s0) * mj;
      }
    }
    return segments.get(segments.size() - 1).s1;
  }

  private boolean loadedAt(double time) {
    for (Segment g : segments) if (time >= g.t0 && time < g.t1) return g.loaded;
    return false;
  }

  private double thetaAt(double time) {
    double th = positionAt(time) / radiusCm;
    double load = loadEnvelope(time);
    if (load > 0) {
      double phase = (time / breathPeriodS) % 1.0;
      double rock =
          phase < 0.4
              ? 0.5 * (1 - Math.cos(Math.PI * phase / 0.4))
              : 0.5 * (1 + Math.cos(Math.PI * (phase - 0.4) / 0.6));
      th += load * Math.toRadians(breathDeg * rock + 0.01 * Math.sin(2 * Math.PI * 1.2 * time));
    }
    return th;
  }

  /** 1 while loaded, ramping smoothly (0.5 s) to 0 at the edges of loaded stretches. */
  private double loadEnvelope(double time) {
    if (!loadedAt(time)) return 0;
    double edge = Double.POSITIVE_INFINITY;
    for (Segment g : segments) {
      if (!g.loaded) {
        if (g.t1 <= time) edge = Math.min(edge, time - g.t1);
        if (g.t0 >= time) edge = Math.min(edge, g.t0 - time);
      }
    }
    double u = Math.min(1, edge / 0.5);
    return u * u * (3 - 2 * u);
  }

  private double shockAt(double time) {
    for (Segment g : segments) {
      if (g.shock && time >= g.t0 + 0.1 && time < g.t0 + 0.35) {
        return 0.5 * Math.sin(2 * Math.PI * 6 * (time - g.t0));
      }
    }
    return 0;
  }

  private static double[] perpendicular(double[] a) {
    double[] ref = Math.abs(a[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
    double d = ref[0] * a[0] + ref[1] * a[1] + ref[2] * a[2];
    double[] p = {ref[0] - d * a[0], ref[1] - d * a[1], ref[2] - d * a[2]};
    double n = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
    return new double[] {p[0] / n, p[1] / n, p[2] / n};
  }

  public static double[] rotateForTest(double[] v, double[] k, double a) {
    return rotate(v, k, a);
  }

  /** Rodrigues' rotation of v about unit axis k by angle a (radians). */
  static double[] rotate(double[] v, double[] k, double a) {
    double c = Math.cos(a);
    double sn = Math.sin(a);
    double kv = k[0] * v[0] + k[1] * v[1] + k[2] * v[2];
    double[] cross = {k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0]};
    double[] out = new double[3];
    for (int i = 0; i < 3; i++) out[i] = v[i] * c + cross[i] * sn + k[i] * kv * (1 - c);
    return out;
  }
}
