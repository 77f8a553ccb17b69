package com.rollercoach.calibration;

import com.rollercoach.core.calibration.ImuCorrection;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * A calibration session as a miscalibrated IMU in a foam roller would record it, following the guided
 * procedure: still on the floor, resting positions, a roll over a measured distance, rolls back and
 * forth. For tests, the demo and the benefit benchmark: the session's {@link Truth} is the
 * calibration a perfect fit would find.
 *
 * <p>Physics: the roller's orientation R(t) and centre c(t) are scripted; angular velocity and the
 * acceleration of the sensor point (offset from the axis, so centripetal and tangential terms appear)
 * come from central differences of that script; the accelerometer measures specific force
 * {@code Rᵀ(a/g₀ + ẑ)} in g. The sensor's own errors are the inverse of the {@link ImuCorrection}
 * model: {@code raw = (T·K)⁻¹·f + b} and {@code raw_ω = ω / s + b_ω}, plus white Gaussian noise and
 * optional 16-bit quantisation.
 */
public final class SyntheticCalibrationSession {
  // Declared first: the pose constants below are built from them.
  private static final double[] X = {1, 0, 0};
  private static final double[] Y = {0, 1, 0};
  private static final double[] Z = {0, 0, 1};
  /** Lying on the floor: roller x (its axis) along world y. */
  private static final double[] LYING = rot(Z, 90);

  /** Standard resting positions: 4 lying, 2 standing on an end, 6 leaning at ±45°. */
  public static final List<Pose> STANDARD_POSES =
      List.of(
          Pose.lying(0),
          Pose.lying(90),
          Pose.lying(180),
          Pose.lying(270),
          Pose.standing(true),
          Pose.standing(false),
          Pose.leaning(45, 45),
          Pose.leaning(45, 135),
          Pose.leaning(45, 225),
          Pose.leaning(45, 315),
          Pose.leaning(-45, 0),
          Pose.leaning(-45, 180));

  /** A resting orientation of the roller in the world (z up), as a rotation roller → world. */
  public record Pose(double[] rollerToWorld) {
    /** Lying on the floor, axis along world y, turned by {@code rollDeg} about its axis. */
    public static Pose lying(double rollDeg) {
      return new Pose(mul(LYING, rot(X, rollDeg)));
    }

    /** Standing on one end, axis vertical. */
    public static Pose standing(boolean up) {
      return new Pose(rot(Y, up ? -90 : 90));
    }

    /** Axis tilted {@code tiltDeg} up from horizontal (leaning on a wall), turned by rollDeg. */
    public static Pose leaning(double tiltDeg, double rollDeg) {
      return new Pose(mul(rot(Y, -tiltDeg), rot(X, rollDeg)));
    }
  }

  /**
   * What a perfect calibration of this session finds.
   *
   * @param correction the correction that turns this sensor's raw readings into the true ones
   * @param rollAxis roller axis in sensor coordinates, signed so that the distance roll is positive
   */
  public record Truth(
      ImuCorrection correction, Vector3D rollAxis, double diameterCm, double sensorOffsetCm) {}

  private final Builder b;
  private final double[] sensorToRoller;
  private final double[] rawAccel = new double[9];
  private final List<Segment> script = new ArrayList<>();
  private double posesEndS;
  private double[] distanceRollSpanS = {Double.NaN, Double.NaN};

  private SyntheticCalibrationSession(Builder b) {
    this.b = b;
    Random r = new Random(mix(b.seed, 1));
    this.sensorToRoller = b.mounting != null ? b.mounting : randomRotation(r);
    double[] tk = mul(b.correction.accelMisalignment(), b.correction.accelScale());
    invert(tk, rawAccel);
    buildScript();
  }

  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  public Truth truth() {
    Vector3D axisSensor = new Vector3D(mulT(sensorToRoller, new double[] {1, 0, 0}));
    return new Truth(b.correction, axisSensor, b.diameterCm, b.sensorOffsetCm);
  }

  /** When the last resting position is left for the floor roll. */
  public double posesEndS() {
    return posesEndS;
  }

  /** The length of the distance roll, cm (the true one: the roller rolls exactly this far). */
  public double truthDistanceCm() {
    return b.distanceCm;
  }

  /** Start and end of the distance roll, NaN when there is none. */
  public double[] distanceRollSpanS() {
    return distanceRollSpanS.clone();
  }

  public double durationS() {
    double d = 0;
    for (Segment s : script) d += s.durationS;
    return d;
  }

  /** All samples, in order. */
  public List<ImuSample> samples() {
    List<ImuSample> out = new ArrayList<>();
    play(out::add);
    return out;
  }

  public void play(SampleSink sink) {
    Random noise = new Random(mix(b.seed, 2));
    double dt = 1.0 / b.rateHz;
    double total = durationS();
    long n = (long) Math.floor(total * b.rateHz);
    Random link = new Random(mix(b.seed, 4));
    for (long k = 0; k <= n; k++) {
      // Timestamp jitter stays under half a period, so time still increases.
      double t = k * dt + b.jitterFraction * dt * (link.nextDouble() - 0.5);
      if (link.nextDouble() < b.dropProbability) continue;
      sink.accept(sample(Math.max(0, t), noise));
    }
    sink.end();
  }

  private ImuSample sample(double t, Random noise) {
    // Central differences of the scripted motion; h small against every motion time scale (≥ 0.5 s).
    double h = 1e-3;
    double[] r0 = orientation(t - h);
    double[] r1 = orientation(t + h);
    double[] rm = orientation(t);
    double[] pa = position(t - h);
    double[] pb = position(t);
    double[] pc = position(t + h);
    // Body rates in the roller frame: skew part of Rᵀ·dR/dt.
    double[] dR = new double[9];
    for (int i = 0; i < 9; i++) dR[i] = (r1[i] - r0[i]) / (2 * h);
    double[] w = mul(transpose(rm), dR);
    double[] omegaRoller = {
      0.5 * (w[7] - w[5]), 0.5 * (w[2] - w[6]), 0.5 * (w[3] - w[1])
    };
    double g0 = ImuSample.STANDARD_GRAVITY;
    double[] fWorld = new double[3];
    for (int i = 0; i < 3; i++) fWorld[i] = (pa[i] - 2 * pb[i] + pc[i]) / (h * h) / g0;
    fWorld[2] += 1;
    double[] fRoller = mulT(rm, fWorld);
    double[] fSensor = mulT(sensorToRoller, fRoller);
    double[] wSensor = mulT(sensorToRoller, omegaRoller);
    double[] handJitter = jitter(t, noise);

    double[] raw = mulVec(rawAccel, fSensor);
    Vector3D off = b.correction.accelOffsetG();
    Vector3D gb = b.correction.gyroBiasDps();
    Vector3D gs = b.correction.gyroScale();
    double ax = raw[0] + off.getX() + handJitter[0] + b.accelNoiseG * noise.nextGaussian();
    double ay = raw[1] + off.getY() + handJitter[1] + b.accelNoiseG * noise.nextGaussian();
    double az = raw[2] + off.getZ() + handJitter[2] + b.accelNoiseG * noise.nextGaussian();
    double gx = Math.toDegrees(wSensor[0]) / gs.getX() + gb.getX() + b.gyroNoiseDps * noise.nextGaussian();
    double gy = Math.toDegrees(wSensor[1]) / gs.getY() + gb.getY() + b.gyroNoiseDps * noise.nextGaussian();
    double gz = Math.toDegrees(wSensor[2]) / gs.getZ() + gb.getZ() + b.gyroNoiseDps * noise.nextGaussian();
    if (b.quantize) {
      // 16 bits over ±8 g and ±1000 °/s, common full-scale settings of MPU-6050 class parts.
      double aLsb = 8.0 / 32768;
      double gLsb = 1000.0 / 32768;
      ax = Math.round(ax / aLsb) * aLsb;
      ay = Math.round(ay / aLsb) * aLsb;
      az = Math.round(az / aLsb) * aLsb;
      gx = Math.round(gx / gLsb) * gLsb;
      gy = Math.round(gy / gLsb) * gLsb;
      gz = Math.round(gz / gLsb) * gLsb;
    }
    return new ImuSample(t, ax, ay, az, gx, gy, gz);
  }

  /**
   * A hand moving the roller between positions shakes it (only while a {@link Turn} runs); a sensor
   * loose in its holder reads off by {@code looseShiftG} in one position.
   */
  private double[] jitter(double t, Random noise) {
    Segment s = segmentAt(t);
    if (s instanceof Hold h) return new double[] {h.shiftG, 0, 0};
    if (!(s instanceof Turn)) return new double[3];
    double a = 0.03;
    return new double[] {a * noise.nextGaussian(), a * noise.nextGaussian(), a * noise.nextGaussian()};
  }

  private double[] orientation(double t) {
    Segment s = segmentAt(t);
    return s.orientation(Math.max(0, Math.min(s.durationS, t - s.startS)));
  }

  private double[] position(double t) {
    Segment s = segmentAt(t);
    double[] c = s.centre(Math.max(0, Math.min(s.durationS, t - s.startS)));
    double[] r = s.orientation(Math.max(0, Math.min(s.durationS, t - s.startS)));
    double[] offsetRoller = {
      0, b.sensorOffsetCm / 100 * Math.cos(0.7), b.sensorOffsetCm / 100 * Math.sin(0.7)
    };
    double[] o = mulVec(r, offsetRoller);
    return new double[] {c[0] + o[0], c[1] + o[1], c[2] + o[2]};
  }

  private Segment segmentAt(double t) {
    for (Segment s : script) {
      if (t < s.startS + s.durationS) return s;
    }
    return script.get(script.size() - 1);
  }

  // ---- the script ----

  private void buildScript() {
    if (b.knownDistanceTest) {
      buildKnownDistanceTest();
      return;
    }
    List<Pose> poses = b.poses;
    double[] current = poses.get(0).rollerToWorld();
    double[] origin = {0, 0, 0};
    add(new Hold(current, origin, b.stillS, b.creepDuringStillDps));
    for (int i = 1; i < poses.size(); i++) {
      double[] next = poses.get(i).rollerToWorld();
      add(new Turn(current, next, origin, 2.0));
      Hold hold = new Hold(next, origin, 3.0, 0);
      if (i == b.loosePose) hold.shiftG = b.looseShiftG;
      add(hold);
      current = next;
    }
    posesEndS = last().startS + last().durationS;
    double[] start = Pose.lying(30).rollerToWorld();
    add(new Turn(current, start, origin, 2.0));
    add(new Hold(start, origin, 3.0, 0));
    double radiusM = b.diameterCm / 200;
    if (b.distanceCm > 0) {
      double theta = Math.toDegrees(b.distanceCm / 100 / radiusM);
      add(new Roll(start, origin, radiusM, theta, Math.max(3, b.distanceCm / 20), 0));
      distanceRollSpanS = new double[] {last().startS, last().startS + last().durationS};
      double[] end = mul(rot(Y, theta), start);
      double[] endC = {b.distanceCm / 100, 0, 0};
      add(new Hold(end, endC, 3.0, 0));
      start = end;
      origin = endC;
    }
    double swing = Math.toDegrees(0.4 / radiusM);
    for (int i = 0; i < 4; i++) {
      double sign = i % 2 == 0 ? -1 : 1;
      add(new Roll(start, origin, radiusM, sign * swing, 2.5, b.rollWobbleDeg));
      start = mul(rot(Y, sign * swing), start);
      origin = new double[] {origin[0] + sign * 0.4, 0, 0};
      add(new Hold(start, origin, 0.5, 0));
    }
    add(new Hold(start, origin, 3.0, 0));
  }

  /**
   * The benchmark's test: lying still, rolling back and forth for a while (so a self-calibrating
   * pipeline can find its axis), resting, then one roll over {@code distanceCm}, resting.
   */
  private void buildKnownDistanceTest() {
    double[] start = Pose.lying(30).rollerToWorld();
    double[] origin = {0, 0, 0};
    double radiusM = b.diameterCm / 200;
    add(new Hold(start, origin, b.stillS, 0));
    double swing = Math.toDegrees(0.3 / radiusM);
    for (int i = 0; i < 8; i++) {
      double sign = i % 2 == 0 ? 1 : -1;
      add(new Roll(start, origin, radiusM, sign * swing, 6.0, 0));
      start = mul(rot(Y, sign * swing), start);
      origin = new double[] {origin[0] + sign * 0.3, 0, 0};
      add(new Hold(start, origin, 1.0, 0));
    }
    add(new Hold(start, origin, 4.0, 0));
    double theta = Math.toDegrees(b.distanceCm / 100 / radiusM);
    add(new Roll(start, origin, radiusM, theta, Math.max(8, b.distanceCm / 4), 0));
    distanceRollSpanS = new double[] {last().startS, last().startS + last().durationS};
    double[] end = mul(rot(Y, theta), start);
    add(new Hold(end, new double[] {origin[0] + b.distanceCm / 100, 0, 0}, 4.0, 0));
    posesEndS = 0;
  }

  /**
   * A mounting (sensor → roller, row-major) whose roller axis lies along {@code axisInSensor}: the
   * first row of the matrix is that axis, the others complete a right-handed frame.
   */
  public static double[] mountingWithAxis(Vector3D axisInSensor) {
    Vector3D a = axisInSensor.normalize();
    Vector3D b1 = a.orthogonal();
    Vector3D c = a.crossProduct(b1);
    return new double[] {
      a.getX(), a.getY(), a.getZ(), b1.getX(), b1.getY(), b1.getZ(), c.getX(), c.getY(), c.getZ()
    };
  }

  private void add(Segment s) {
    s.startS = script.isEmpty() ? 0 : last().startS + last().durationS;
    script.add(s);
  }

  private Segment last() {
    return script.get(script.size() - 1);
  }

  private abstract static class Segment {
    double startS;
    final double durationS;

    Segment(double durationS) {
      this.durationS = durationS;
    }

    abstract double[] orientation(double t);

    abstract double[] centre(double t);
  }

  /** At rest; {@code creepDps} turns it slowly about world z (a roller creeping on a sloped floor). */
  private static final class Hold extends Segment {
    final double[] r;
    final double[] c;
    final double creepDps;
    double shiftG;

    Hold(double[] r, double[] c, double durationS, double creepDps) {
      super(durationS);
      this.r = r;
      this.c = c;
      this.creepDps = creepDps;
    }

    @Override
    double[] orientation(double t) {
      return creepDps == 0 ? r : mul(rot(Y, creepDps * t), r);
    }

    @Override
    double[] centre(double t) {
      return c;
    }
  }

  /** A hand turning the roller from one orientation to another about a fixed body axis. */
  private static final class Turn extends Segment {
    final double[] r0;
    final double[] axis;
    final double angleDeg;
    final double[] c;

    Turn(double[] r0, double[] r1, double[] c, double durationS) {
      super(durationS);
      this.r0 = r0;
      this.c = c;
      double[] q = mul(transpose(r0), r1);
      double cos = Math.max(-1, Math.min(1, (q[0] + q[4] + q[8] - 1) / 2));
      double angle = Math.acos(cos);
      double[] ax = {q[7] - q[5], q[2] - q[6], q[3] - q[1]};
      double n = Math.sqrt(ax[0] * ax[0] + ax[1] * ax[1] + ax[2] * ax[2]);
      if (n < 1e-9) {
        // 0° or 180°: for 180° the axis is the column of (Q + I) with the largest norm.
        ax = new double[] {1, 0, 0};
        if (angle > 1) {
          double best = -1;
          for (int col = 0; col < 3; col++) {
            double[] v = {q[col] + (col == 0 ? 1 : 0), q[3 + col] + (col == 1 ? 1 : 0), q[6 + col] + (col == 2 ? 1 : 0)};
            double vn = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            if (vn > best) {
              best = vn;
              ax = new double[] {v[0] / vn, v[1] / vn, v[2] / vn};
            }
          }
        }
      } else {
        ax = new double[] {ax[0] / n, ax[1] / n, ax[2] / n};
      }
      this.axis = ax;
      this.angleDeg = Math.toDegrees(angle);
    }

    @Override
    double[] orientation(double t) {
      return mul(r0, rot(axis, angleDeg * minimumJerk(t / durationS)));
    }

    @Override
    double[] centre(double t) {
      return c;
    }
  }

  /**
   * Rolling along the floor about world y without slipping: the centre moves r·θ along x. An optional
   * wobble yaws the roller back and forth (steering), so its axis is not fixed in the world.
   */
  private static final class Roll extends Segment {
    final double[] r0;
    final double[] c0;
    final double radiusM;
    final double thetaDeg;
    final double wobbleDeg;

    Roll(double[] r0, double[] c0, double radiusM, double thetaDeg, double durationS, double wobbleDeg) {
      super(durationS);
      this.r0 = r0;
      this.c0 = c0;
      this.radiusM = radiusM;
      this.thetaDeg = thetaDeg;
      this.wobbleDeg = wobbleDeg;
    }

    @Override
    double[] orientation(double t) {
      double[] r = mul(rot(Y, thetaDeg * minimumJerk(t / durationS)), r0);
      if (wobbleDeg == 0) return r;
      return mul(rot(Z, wobbleDeg * Math.sin(2 * Math.PI * t / 1.2)), r);
    }

    @Override
    double[] centre(double t) {
      double s = radiusM * Math.toRadians(thetaDeg * minimumJerk(t / durationS));
      return new double[] {c0[0] + s, c0[1], c0[2]};
    }
  }

  /** Smooth 0→1 with zero velocity and acceleration at both ends (Flash and Hogan 1985). */
  static double minimumJerk(double tau) {
    double x = Math.max(0, Math.min(1, tau));
    return x * x * x * (10 - 15 * x + 6 * x * x);
  }

  // ---- builder ----

  /** Session settings; defaults are a cheap MEMS IMU (MPU-6050 class) at 100 Hz in a 15 cm roller. */
  public static final class Builder {
    private final long seed;
    private double rateHz = 100;
    private double accelNoiseG = 0.004;
    private double gyroNoiseDps = 0.05;
    private boolean quantize = true;
    private ImuCorrection correction = ImuCorrection.identity();
    private double[] mounting;
    private double diameterCm = 15;
    private double sensorOffsetCm = 4;
    private double distanceCm = 100;
    private double stillS = 12;
    private List<Pose> poses = STANDARD_POSES;
    private double creepDuringStillDps;
    private double rollWobbleDeg;
    private int loosePose = -1;
    private boolean knownDistanceTest;
    private double jitterFraction;
    private double dropProbability;
    private double looseShiftG;

    private Builder(long seed) {
      this.seed = seed;
    }

    public Builder rateHz(double hz) {
      this.rateHz = hz;
      return this;
    }

    public Builder noise(double accelG, double gyroDps) {
      this.accelNoiseG = accelG;
      this.gyroNoiseDps = gyroDps;
      return this;
    }

    public Builder quantize(boolean q) {
      this.quantize = q;
      return this;
    }

    /** The sensor's errors, expressed as the correction that undoes them. */
    public Builder errors(ImuCorrection correctionThatUndoesThem) {
      this.correction = correctionThatUndoesThem;
      return this;
    }

    /**
     * Typical errors of a cheap MEMS IMU drawn from the seed: gyro bias up to ±3 °/s, gyro and
     * accelerometer scale up to ±5 %, accelerometer offsets up to ±60 mg, misalignment up to ±2°.
     */
    public Builder randomErrors() {
      Random r = new Random(mix(seed, 3));
      this.correction =
          new ImuCorrection(
              new Vector3D(u(r, 3), u(r, 3), u(r, 3)),
              new Vector3D(1 + u(r, 0.05), 1 + u(r, 0.05), 1 + u(r, 0.05)),
              new Vector3D(u(r, 0.06), u(r, 0.06), u(r, 0.06)),
              new Vector3D(1 + u(r, 0.05), 1 + u(r, 0.05), 1 + u(r, 0.05)),
              new double[][] {
                {1, Math.toRadians(u(r, 2)), Math.toRadians(u(r, 2))},
                {0, 1, Math.toRadians(u(r, 2))},
                {0, 0, 1}
              });
      return this;
    }

    /** How the sensor sits in the roller (sensor → roller rotation, row-major); random by default. */
    public Builder mounting(double[] sensorToRoller) {
      this.mounting = sensorToRoller.clone();
      return this;
    }

    public Builder diameterCm(double d) {
      this.diameterCm = d;
      return this;
    }

    public Builder sensorOffsetCm(double cm) {
      this.sensorOffsetCm = cm;
      return this;
    }

    /** The distance roll's length; 0 leaves it out (diameter given instead). */
    public Builder distanceCm(double cm) {
      this.distanceCm = cm;
      return this;
    }

    public Builder stillS(double s) {
      this.stillS = s;
      return this;
    }

    public Builder poses(List<Pose> poses) {
      this.poses = List.copyOf(poses);
      return this;
    }

    /** The roller turns slowly during the still step, as on a sloping floor. */
    public Builder creepDuringStillDps(double dps) {
      this.creepDuringStillDps = dps;
      return this;
    }

    /** The back-and-forth rolls are steered by ± this many degrees. */
    public Builder rollWobbleDeg(double deg) {
      this.rollWobbleDeg = deg;
      return this;
    }

    /**
     * Instead of a calibration session: back-and-forth rolling, then one roll over {@link
     * #distanceCm} between two rests (see {@link #distanceRollSpanS()}), for the benefit benchmark.
     */
    public Builder knownDistanceTest() {
      this.knownDistanceTest = true;
      return this;
    }

    /**
     * A Bluetooth-like link: timestamps off by up to ±{@code jitterFraction}/2 of a period (< 1),
     * and each sample lost with probability {@code dropProbability}.
     */
    public Builder link(double jitterFraction, double dropProbability) {
      this.jitterFraction = Math.min(jitterFraction, 0.9);
      this.dropProbability = dropProbability;
      return this;
    }

    /** In resting position {@code index} (≥ 1) the sensor reads {@code shiftG} more on its x axis. */
    public Builder loosePose(int index, double shiftG) {
      this.loosePose = index;
      this.looseShiftG = shiftG;
      return this;
    }

    public SyntheticCalibrationSession build() {
      return new SyntheticCalibrationSession(this);
    }

    private static double u(Random r, double max) {
      return (2 * r.nextDouble() - 1) * max;
    }
  }

  // ---- 3×3 matrices, row-major double[9] ----

  /** Rotation by {@code deg} about unit axis {@code u} (Rodrigues). */
  static double[] rot(double[] u, double deg) {
    double a = Math.toRadians(deg);
    double c = Math.cos(a);
    double s = Math.sin(a);
    double t = 1 - c;
    double x = u[0];
    double y = u[1];
    double z = u[2];
    return new double[] {
      c + x * x * t, x * y * t - z * s, x * z * t + y * s,
      y * x * t + z * s, c + y * y * t, y * z * t - x * s,
      z * x * t - y * s, z * y * t + x * s, c + z * z * t
    };
  }

  static double[] mul(double[] a, double[] b) {
    double[] r = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
      }
    }
    return r;
  }

  private static double[] mul(double[][] m, Vector3D diag) {
    double[] k = diag.toArray();
    double[] r = new double[9];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r[3 * i + j] = m[i][j] * k[j];
    return r;
  }

  static double[] transpose(double[] a) {
    return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
  }

  static double[] mulVec(double[] m, double[] v) {
    return new double[] {
      m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
      m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
      m[6] * v[0] + m[7] * v[1] + m[8] * v[2]
    };
  }

  /** mᵀ·v. */
  static double[] mulT(double[] m, double[] v) {
    return mulVec(transpose(m), v);
  }

  private static void invert(double[] m, double[] out) {
    double det =
        m[0] * (m[4] * m[8] - m[5] * m[7])
            - m[1] * (m[3] * m[8] - m[5] * m[6])
            + m[2] * (m[3] * m[7] - m[4] * m[6]);
    out[0] = (m[4] * m[8] - m[5] * m[7]) / det;
    out[1] = (m[2] * m[7] - m[1] * m[8]) / det;
    out[2] = (m[1] * m[5] - m[2] * m[4]) / det;
    out[3] = (m[5] * m[6] - m[3] * m[8]) / det;
    out[4] = (m[0] * m[8] - m[2] * m[6]) / det;
    out[5] = (m[2] * m[3] - m[0] * m[5]) / det;
    out[6] = (m[3] * m[7] - m[4] * m[6]) / det;
    out[7] = (m[1] * m[6] - m[0] * m[7]) / det;
    out[8] = (m[0] * m[4] - m[1] * m[3]) / det;
  }

  /**
   * Spreads nearby seeds apart (SplitMix64's finaliser): java.util.Random's first outputs for seeds
   * 1, 2, 3 are nearly equal, which would give every session the same mounting.
   */
  static long mix(long seed, long stream) {
    long z = seed * 0x9E3779B97F4A7C15L + stream;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniformly random rotation (Shoemake's method via a random unit quaternion). */
  static double[] randomRotation(Random r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble() * 2 * Math.PI;
    double u3 = r.nextDouble() * 2 * Math.PI;
    double a = Math.sqrt(1 - u1);
    double b = Math.sqrt(u1);
    double w = a * Math.sin(u2);
    double x = a * Math.cos(u2);
    double y = b * Math.sin(u3);
    double z = b * Math.cos(u3);
    return new double[] {
      1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
      2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
      2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)
    };
  }
}
