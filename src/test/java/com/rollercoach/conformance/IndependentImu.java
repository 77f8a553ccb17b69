package com.rollercoach.conformance;

import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A deliberately minimal IMU synthesiser, written independently of {@code com.rollercoach.sim}, so that
 * the detectors are also checked against data that does not share the project simulator's modelling
 * choices: a rigid roller turning about a horizontal axis, rolling without slipping (θ = s / r), the
 * sensor at a random orientation on the axis, constant gyro bias and white noise.
 *
 * <p>Kinematics: a body turning at angular velocity ω (body frame) sees any world-fixed vector v rotate
 * as dv/dt = −ω × v, so the "up" specific force an accelerometer reads at rest turns by −θ about the
 * roller axis while the gyro reads +θ̇ along it.
 */
final class IndependentImu {
  /** What a person on the roller adds: breathing rocks it; nothing moves it when nobody is on it. */
  record Segment(double durationS, boolean personOn, DoubleUnaryOperator sCm) {}

  private final Random random;
  private final double rateHz;
  private final double radiusCm;
  private final double[] axis;
  private final double[] u;
  private final double[] w;
  private final double[] biasDps;
  private final double phase0;
  private final double breathHz;
  private final double breathAmpDeg;
  private final double offsetM;

  IndependentImu(long seed, double rateHz, double rollerDiameterCm) {
    this(seed, rateHz, rollerDiameterCm, 0);
  }

  /**
   * @param sensorOffsetCm the sensor's distance from the roller axis: it then also feels the
   *     centripetal (ω²d, towards the axis) and tangential (α·d) accelerations of its circle
   */
  IndependentImu(long seed, double rateHz, double rollerDiameterCm, double sensorOffsetCm) {
    this.random = new Random(seed);
    this.rateHz = rateHz;
    this.radiusCm = rollerDiameterCm / 2;
    this.axis = randomUnit();
    double[] helper = Math.abs(axis[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
    this.u = normalize(cross(axis, helper));
    this.w = cross(axis, u);
    // MEMS zero-rate offsets of a few °/s are normal before calibration (MPU-6050: up to ±20 °/s).
    this.biasDps = new double[] {uniform(-3, 3), uniform(-3, 3), uniform(-3, 3)};
    this.phase0 = uniform(0, 2 * Math.PI);
    // Adults at rest breathe 10–20 times a minute; the chest rocks the roller a fraction of a degree.
    this.breathHz = uniform(10, 16) / 60.0;
    this.breathAmpDeg = uniform(0.25, 0.5);
    this.offsetM = sensorOffsetCm / 100;
  }

  double breathHz() {
    return breathHz;
  }

  /** Samples for the segments played one after another; time starts at {@code t0S}. */
  List<ImuSample> render(double t0S, List<Segment> segments) {
    List<ImuSample> out = new ArrayList<>();
    double dt = 1 / rateHz;
    double segStart = 0;
    double sOffset = 0;
    double t = 0;
    for (Segment seg : segments) {
      double start = segStart;
      double base = sOffset;
      DoubleUnaryOperator s = tt -> base + seg.sCm().applyAsDouble(tt - start);
      for (; t < segStart + seg.durationS(); t += dt) {
        double breathRad = seg.personOn() ? breathRad(t) : 0;
        double breathRate = seg.personOn() ? breathRateRad(t) : 0;
        double theta = s.applyAsDouble(t) / radiusCm + breathRad;
        double thetaDot =
            (s.applyAsDouble(t + dt / 2) - s.applyAsDouble(t - dt / 2)) / dt / radiusCm + breathRate;
        double thetaDdot =
            (s.applyAsDouble(t + dt) - 2 * s.applyAsDouble(t) + s.applyAsDouble(t - dt))
                / (dt * dt)
                / radiusCm;
        out.add(sample(t0S + t, theta, thetaDot, thetaDdot));
      }
      sOffset = s.applyAsDouble(segStart + seg.durationS());
      segStart += seg.durationS();
    }
    return out;
  }

  private double breathRad(double t) {
    return Math.toRadians(breathAmpDeg) * Math.sin(2 * Math.PI * breathHz * t);
  }

  private double breathRateRad(double t) {
    return Math.toRadians(breathAmpDeg) * 2 * Math.PI * breathHz * Math.cos(2 * Math.PI * breathHz * t);
  }

  private ImuSample sample(double t, double theta, double thetaDot, double thetaDdot) {
    double c = Math.cos(phase0 - theta);
    double sn = Math.sin(phase0 - theta);
    // The sensor sits at offsetM along u (fixed in the roller): −ω²d along u, α·d along w, in g.
    double centripetalG = -thetaDot * thetaDot * offsetM / ImuSample.STANDARD_GRAVITY;
    double tangentialG = thetaDdot * offsetM / ImuSample.STANDARD_GRAVITY;
    double[] a = new double[3];
    double[] g = new double[3];
    for (int i = 0; i < 3; i++) {
      // 3 mg and 0.05 °/s of white noise: the order of a consumer MEMS IMU at 100 Hz.
      a[i] =
          c * u[i] + sn * w[i] + centripetalG * u[i] + tangentialG * w[i]
              + random.nextGaussian() * 0.003;
      g[i] = Math.toDegrees(thetaDot) * axis[i] + biasDps[i] + random.nextGaussian() * 0.05;
    }
    return new ImuSample(t, a[0], a[1], a[2], g[0], g[1], g[2]);
  }

  private double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  private double[] randomUnit() {
    return normalize(
        new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }

  private static double[] normalize(double[] v) {
    double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return new double[] {v[0] / n, v[1] / n, v[2] / n};
  }
}
