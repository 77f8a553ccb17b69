package com.rollercoach.sim;

import static com.rollercoach.sim.Person.between;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The small rotations a body lying on the roller causes without meaning to: breathing (the chest
 * rises and the roller rocks by a fraction of a degree), the heartbeat (a faint ballistocardiographic
 * ripple at 1–1.5 Hz) and slow postural sway. All scale with the load on the roller, so an empty
 * roller shows none of them.
 *
 * <p>Each breath is a raised-cosine inhale followed by a longer raised-cosine exhale, so angle and
 * rate are continuous; its onset (the start of the inhale) is what the hold's breath count counts.
 */
public final class BodySignals {
  /** Heart rate swing with the breathing (respiratory sinus arrhythmia), a share of the rate. */
  private static final double HEART_SWING = 0.06;
  private static final double HEART_SWING_PERIOD_S = 5;
  private final List<SessionScript.LoadPeriod> loads;
  private final double[] onsets;
  private final double[] periods;
  private final double[] inhales;
  private final double[] depthsRad;
  private final double heartRad;
  private final double heartHz;
  private final double[] swayRad = new double[3];
  private final double[] swayHz = new double[3];
  private final double[] swayPhase = new double[3];

  private BodySignals(
      List<SessionScript.LoadPeriod> loads,
      List<double[]> breaths,
      double heartRad,
      double heartHz,
      RandomGenerator rnd) {
    this.loads = List.copyOf(loads);
    int n = breaths.size();
    onsets = new double[n];
    periods = new double[n];
    inhales = new double[n];
    depthsRad = new double[n];
    for (int i = 0; i < n; i++) {
      double[] b = breaths.get(i);
      onsets[i] = b[0];
      periods[i] = b[1];
      inhales[i] = b[2];
      depthsRad[i] = b[3];
    }
    this.heartRad = heartRad;
    this.heartHz = heartHz;
    for (int j = 0; j < 3; j++) {
      swayRad[j] = Math.toRadians(between(rnd, 0.02, 0.08));
      swayHz[j] = between(rnd, 0.02, 0.15);
      swayPhase[j] = between(rnd, 0, 2 * Math.PI);
    }
  }

  /**
   * Draws the breaths of a whole session: the person's resting rate and depth, slower and deeper
   * from the hip drop through the hold, each breath varying by ~12 % in length and ~20 % in depth.
   */
  public static BodySignals draw(Person p, SessionScript script, RandomGenerator rnd) {
    return draw(p, script, rnd, false);
  }

  /**
   * As {@link #draw(Person, SessionScript, RandomGenerator)}; with {@code sighs}, every 30–90 s one
   * breath is a sigh: 2–3 times as deep and half as long again (an inhale on top of an inhale, which
   * people do a few times a minute at rest), followed by a pause of half a breath to 1.2 breaths
   * before the next inhale (post-sigh apnea).
   */
  public static BodySignals draw(Person p, SessionScript script, RandomGenerator rnd, boolean sighs) {
    List<double[]> breaths = new ArrayList<>();
    double nextSigh = sighs ? between(rnd, 10, 60) : Double.POSITIVE_INFINITY;
    double sign = rnd.nextBoolean() ? 1 : -1;
    double t = between(rnd, 0, 3);
    while (t < script.endS()) {
      boolean deep = inDeepBreathing(script, t);
      double rate = deep ? p.holdBreathsPerMin() : p.restBreathsPerMin();
      double depthDeg = deep ? p.holdBreathDeg() : p.restBreathDeg();
      double period = 60 / rate * clamp(1 + 0.12 * rnd.nextGaussian(), 0.7, 1.4);
      double depth = Math.toRadians(depthDeg) * clamp(1 + 0.2 * rnd.nextGaussian(), 0.5, 1.6);
      double pause = 0;
      if (t >= nextSigh) {
        depth *= between(rnd, 2, 3);
        // the breathing pauses after a sigh (post-sigh apnea): here half a breath to a breath and
        // a bit, at the exhaled level, so the rate of the angle stays at zero for seconds
        pause = period * between(rnd, 0.5, 1.2);
        period *= 1.5;
        nextSigh = t + between(rnd, 30, 90);
      }
      double inhale = period * between(rnd, 0.35, 0.45);
      breaths.add(new double[] {t, period, inhale, sign * depth});
      t += period + pause;
    }
    return new BodySignals(
        script.loadPeriods(), breaths, Math.toRadians(p.heartDeg()), p.heartRateHz(), rnd);
  }

  private static boolean inDeepBreathing(SessionScript script, double t) {
    for (ScriptedPhase ph : script.phases()) {
      if (t >= ph.startS() && t < ph.endS()) {
        return ph.kind() == PhaseKind.HOLD || ph.kind() == PhaseKind.HIP_DROP;
      }
    }
    return false;
  }

  /** Inhale onsets (physical clock) inside [fromS, toS] while somebody is fully on the roller. */
  public List<Double> breathOnsets(double fromS, double toS) {
    List<Double> out = new ArrayList<>();
    for (double o : onsets) {
      if (o >= fromS && o <= toS && load(o) >= 1) out.add(o);
    }
    return out;
  }

  /** The load on the roller, 0 (empty) to 1 (a person lying on it). */
  public double load(double t) {
    for (SessionScript.LoadPeriod lp : loads) {
      if (t > lp.onS() && t < lp.offS()) return lp.weight(t);
    }
    return 0;
  }

  /**
   * The roller rotation the body adds at time t, with its rate and acceleration: out = [θ, θ', θ'']
   * in rad, rad/s, rad/s².
   */
  public void rotation(double t, double[] out) {
    double w = load(t);
    if (w == 0) {
      out[0] = out[1] = out[2] = 0;
      return;
    }
    double x = 0;
    double v = 0;
    double a = 0;
    int i = Arrays.binarySearch(onsets, t);
    if (i < 0) i = -i - 2;
    if (i >= 0) {
      double u = t - onsets[i];
      double in = inhales[i];
      double ex = periods[i] - in;
      double d = depthsRad[i];
      if (u < in) {
        double k = Math.PI / in;
        x += d * (1 - Math.cos(k * u)) / 2;
        v += d * k * Math.sin(k * u) / 2;
        a += d * k * k * Math.cos(k * u) / 2;
      } else if (u < periods[i]) {
        double k = Math.PI / ex;
        double e = u - in;
        x += d * (1 + Math.cos(k * e)) / 2;
        v -= d * k * Math.sin(k * e) / 2;
        a -= d * k * k * Math.cos(k * e) / 2;
      }
    }
    // heartbeat: a fundamental and its second harmonic, a crude ballistocardiogram; the rate swings
    // ±6 % with the breathing (respiratory sinus arrhythmia), so the ripple is no single steady line
    double wr = 2 * Math.PI / HEART_SWING_PERIOD_S;
    double wh = 2 * Math.PI * heartHz * (1 + HEART_SWING * Math.cos(wr * t));
    double ph = 2 * Math.PI * heartHz * (t + HEART_SWING * Math.sin(wr * t) / wr);
    x += heartRad * (Math.sin(ph) + 0.5 * Math.sin(2 * ph + 0.6));
    v += heartRad * wh * (Math.cos(ph) + Math.cos(2 * ph + 0.6));
    a -= heartRad * wh * wh * (Math.sin(ph) + 2 * Math.sin(2 * ph + 0.6));
    for (int j = 0; j < 3; j++) {
      double ws = 2 * Math.PI * swayHz[j];
      double q = ws * t + swayPhase[j];
      x += swayRad[j] * Math.sin(q);
      v += swayRad[j] * ws * Math.cos(q);
      a -= swayRad[j] * ws * ws * Math.sin(q);
    }
    if (w == 1) {
      out[0] = x;
      out[1] = v;
      out[2] = a;
      return;
    }
    double[] wd = loadDerivatives(t);
    out[0] = w * x;
    out[1] = wd[0] * x + w * v;
    out[2] = wd[1] * x + 2 * wd[0] * v + w * a;
  }

  /** [dw/dt, d²w/dt²] by central differences: the load ramps are smooth and slow (seconds). */
  private double[] loadDerivatives(double t) {
    double h = 1e-3;
    double lm = load(t - h);
    double l0 = load(t);
    double lp = load(t + h);
    return new double[] {(lp - lm) / (2 * h), (lp - 2 * l0 + lm) / (h * h)};
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
