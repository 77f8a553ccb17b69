package com.rollercoach.sim;

import static com.rollercoach.sim.Person.between;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The physical side of the {@link Condition}s that act on every sample: a vibration motor, grid foam,
 * and the BLE delivery schedule. Drawn once per session from its own random stream, so an ordinary
 * session is unchanged by this class's existence.
 */
final class RealWorld {
  /** Standard gravity in cm/s², to turn a bump's acceleration into g. */
  private static final double G_CM = 980.665;

  // vibration motor
  private final boolean motor;
  private double motorOnS = Double.POSITIVE_INFINITY;
  private double motorOffS = Double.POSITIVE_INFINITY;
  private double motorHz;
  private double motorG;
  /** Under a person: the fraction the motor slows by, and its amplitude relative to the free one. */
  private double loadedSpeedDrop;
  private double loadedAmplitude;
  private double motorWobbleDeg;
  private double motorPhase;
  private double lastT = Double.NaN;
  final List<SessionScript.Shock> knocks = new ArrayList<>();

  // grid foam
  private final boolean grid;
  private double ridgeCm;
  private double pitchCm;

  // BLE delivery
  private final boolean stalls;
  /** [from, to, lost (1) or delivered late in a burst (0)] on the physical clock. */
  final List<double[]> stallList = new ArrayList<>();
  double burstSpacingS;
  double resendProbability;

  RealWorld(SimulationSpec spec, SessionScript script, RandomGenerator rnd) {
    motor = spec.conditions().stream().anyMatch(Condition::vibration);
    grid = spec.has(Condition.GRID_FOAM);
    stalls = spec.has(Condition.BLE_STALLS);
    List<SessionScript.LoadPeriod> loads = script.loadPeriods();
    if (motor) drawMotor(spec, script, loads, rnd);
    if (grid) {
      ridgeCm = between(rnd, 0.1, 0.3);
      pitchCm = between(rnd, 1.5, 3.0);
    }
    if (stalls) {
      double t = between(rnd, 2, 10);
      while (t < script.endS()) {
        double len = between(rnd, 0.1, 0.25);
        stallList.add(new double[] {t, t + len, rnd.nextDouble() < 0.25 ? 1 : 0});
        t += len + between(rnd, 3, 15);
      }
      burstSpacingS = between(rnd, 0.0003, 0.001);
      resendProbability = 0.002;
    }
  }

  /**
   * An eccentric-mass motor of 25–70 Hz (1500–4200 rpm) shaking the empty roller by 0.2–1.2 g; a
   * body on the roller loads it: it slows by a few per cent (2–8 %, the small DC motor's speed droops
   * under the added friction) and its shaking is damped to 25–60 % of the free amplitude (the shell
   * pressed into the floor by half a body weight), both drawn per roller. They are drawn from a
   * generator of their own (seeded by the roller's speed) so the other conditions' draws are as
   * before.
   */
  private void drawMotor(
      SimulationSpec spec, SessionScript script, List<SessionScript.LoadPeriod> loads,
      RandomGenerator rnd) {
    motorHz = between(rnd, 25, 70);
    motorG = between(rnd, 0.2, 1.2);
    motorWobbleDeg = between(rnd, 0.005, 0.03);
    java.util.SplittableRandom own = new java.util.SplittableRandom(Double.doubleToLongBits(motorHz));
    loadedSpeedDrop = 0.02 + 0.06 * own.nextDouble();
    loadedAmplitude = 0.25 + 0.35 * own.nextDouble();
    SessionScript.LoadPeriod first = loads.get(0);
    SessionScript.LoadPeriod last = loads.get(loads.size() - 1);
    if (spec.has(Condition.VIBRATION_BEFORE_ON)) {
      motorOnS = Math.max(0.3, first.onS() - between(rnd, 2, 10));
      double off = last.offS() + between(rnd, 2, 8);
      motorOffS = off < script.endS() ? off : Double.POSITIVE_INFINITY;
    } else {
      double lo = first.settledS() + 10;
      double hi = Math.max(lo + 1, first.leavingS() - 20);
      motorOnS = between(rnd, lo, hi);
      if (spec.has(Condition.VIBRATION_MID_SET)) {
        double off = motorOnS + between(rnd, 30, 120);
        motorOffS = off < first.leavingS() - 3 ? off : first.offS() + between(rnd, 2, 5);
      }
    }
    for (double at : new double[] {motorOnS, motorOffS}) {
      if (at < script.endS()) {
        knocks.add(
            new SessionScript.Shock(
                at - 0.05, between(rnd, 0.3, 0.8), between(rnd, 10, 20), between(rnd, 0.03, 0.06)));
      }
    }
  }

  boolean motorOn(double t) {
    return motor && t >= motorOnS && t < motorOffS;
  }

  /**
   * Adds the motor's shaking, in the roller frame: a radial force turning at the motor's speed
   * (fundamental plus 2nd and 3rd harmonics) and a small wobble of the shell about all three axes.
   *
   * @param load 0 empty … 1 a person lying on it
   */
  void vibrate(double t, double load, double[] rollerAccelG, double[] rollerRateDps) {
    double dt = Double.isNaN(lastT) ? 0 : t - lastT;
    lastT = t;
    if (!motorOn(t)) return;
    double f = motorHz * (1 - loadedSpeedDrop * load);
    motorPhase += 2 * Math.PI * f * dt;
    double a = motorG * (1 - (1 - loadedAmplitude) * load);
    double p = motorPhase;
    rollerAccelG[0] += a * (Math.cos(p) + 0.3 * Math.cos(2 * p + 0.4) + 0.15 * Math.cos(3 * p + 1.1));
    rollerAccelG[2] += a * (Math.sin(p) + 0.3 * Math.sin(2 * p + 0.4) + 0.15 * Math.sin(3 * p + 1.1));
    rollerAccelG[1] += 0.2 * a * Math.sin(p + 0.7);
    double w = Math.toRadians(motorWobbleDeg) * (1 - (1 - loadedAmplitude) * load) * 2 * Math.PI * f;
    rollerRateDps[0] += Math.toDegrees(w * Math.cos(p + 0.3));
    rollerRateDps[1] += Math.toDegrees(0.5 * w * Math.sin(p + 1.3));
    rollerRateDps[2] += Math.toDegrees(w * Math.sin(p + 0.3));
  }

  /**
   * Grid foam: the ridges (height h, pitch p) lift the centre by z = h/2·(1 − cos 2πx/p) as it rolls
   * over them; x = r·θ is the distance rolled. Returns z'' in g from the roll [θ, θ', θ''] (rad).
   */
  double gridBumpG(double[] theta, double radiusCm) {
    if (!grid) return 0;
    double x = radiusCm * theta[0];
    double v = radiusCm * theta[1];
    double acc = radiusCm * theta[2];
    double k = 2 * Math.PI / pitchCm;
    double zdd = ridgeCm / 2 * (k * k * v * v * Math.cos(k * x) + k * acc * Math.sin(k * x));
    return zdd / G_CM;
  }

  double knockG(double t) {
    double sum = 0;
    for (SessionScript.Shock k : knocks) sum += k.accelerationG(t);
    return sum;
  }

  boolean hasStalls() {
    return stalls;
  }
}
