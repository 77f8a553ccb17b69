package com.rollercoach.sim;

/**
 * A scripted path of the contact point along the back, s(t) in cm, over {@code [startS, endS]}, with
 * its first two time derivatives given analytically so that the simulated gyro is exactly dθ/dt and
 * the tangential acceleration exactly d²θ/dt²·d (no numerical differentiation error in the truth).
 */
public sealed interface Motion
    permits Motion.Rest, Motion.MinimumJerkMove, Motion.Glide, Motion.Rocking, Motion.Coasting {

  double startS();

  double endS();

  /** s at time t (cm); t is clamped to the motion's span. */
  double position(double t);

  /** ds/dt (cm/s). */
  double velocity(double t);

  /** d²s/dt² (cm/s²). */
  double acceleration(double t);

  default double durationS() {
    return endS() - startS();
  }

  default double endPosition() {
    return position(endS());
  }

  /** Lying still at one place (the rocking of breathing is added separately). */
  record Rest(double startS, double endS, double atCm) implements Motion {
    @Override
    public double position(double t) {
      return atCm;
    }

    @Override
    public double velocity(double t) {
      return 0;
    }

    @Override
    public double acceleration(double t) {
      return 0;
    }
  }

  /**
   * A point-to-point move with the minimum-jerk profile x = x₀ + D·(10τ³ − 15τ⁴ + 6τ⁵), which fits
   * unconstrained human reaching and body movements well (Flash &amp; Hogan, "The coordination of arm
   * movements", J. Neurosci. 5(7), 1985). Speed and acceleration are zero at both ends, so
   * consecutive moves join smoothly; peak speed is 1.875 × the mean speed D/T.
   */
  record MinimumJerkMove(double startS, double endS, double fromCm, double toCm) implements Motion {
    private double tau(double t) {
      return Math.min(1, Math.max(0, (t - startS) / durationS()));
    }

    @Override
    public double position(double t) {
      double u = tau(t);
      return fromCm + (toCm - fromCm) * u * u * u * (10 - 15 * u + 6 * u * u);
    }

    @Override
    public double velocity(double t) {
      double u = tau(t);
      double T = durationS();
      return (toCm - fromCm) / T * 30 * u * u * (1 - u) * (1 - u);
    }

    @Override
    public double acceleration(double t) {
      double u = tau(t);
      double T = durationS();
      return (toCm - fromCm) / (T * T) * 60 * u * (1 - u) * (1 - 2 * u);
    }
  }

  /**
   * A stroke along the back: the body speeds up over {@code rampS}, glides at a steady speed, and
   * slows down over {@code rampS}. Long rolling strokes are pushed by the legs at a fairly even speed
   * rather than following one bell-shaped velocity profile over 10 s; the ramps use the minimum-jerk
   * polynomial for the speed, v = v_c·(10w³ − 15w⁴ + 6w⁵), so acceleration is continuous and zero at
   * both ends. Each ramp covers v_c·ramp/2, so the cruise speed is v_c = D/(T − ramp).
   */
  record Glide(double startS, double endS, double fromCm, double toCm, double rampS)
      implements Motion {
    public Glide {
      rampS = Math.min(rampS, (endS - startS) / 2);
    }

    private double cruise() {
      return (toCm - fromCm) / (durationS() - rampS);
    }

    @Override
    public double position(double t) {
      double u = Math.min(durationS(), Math.max(0, t - startS));
      double vc = cruise();
      if (u < rampS) return fromCm + vc * rampS * rampDistance(u / rampS);
      if (u > durationS() - rampS) {
        return toCm - vc * rampS * rampDistance((durationS() - u) / rampS);
      }
      return fromCm + vc * rampS / 2 + vc * (u - rampS);
    }

    @Override
    public double velocity(double t) {
      double u = t - startS;
      if (u <= 0 || u >= durationS()) return 0;
      if (u < rampS) return cruise() * rampSpeed(u / rampS);
      if (u > durationS() - rampS) return cruise() * rampSpeed((durationS() - u) / rampS);
      return cruise();
    }

    @Override
    public double acceleration(double t) {
      double u = t - startS;
      if (u <= 0 || u >= durationS()) return 0;
      if (u < rampS) return cruise() / rampS * rampAccel(u / rampS);
      if (u > durationS() - rampS) return -cruise() / rampS * rampAccel((durationS() - u) / rampS);
      return 0;
    }

    /** ∫₀ʷ speed profile: 2.5w⁴ − 3w⁵ + w⁶ (reaches 1/2 at w = 1). */
    private static double rampDistance(double w) {
      return w * w * w * w * (2.5 - 3 * w + w * w);
    }

    private static double rampSpeed(double w) {
      return w * w * w * (10 - 15 * w + 6 * w * w);
    }

    private static double rampAccel(double w) {
      return 30 * w * w * (1 - w) * (1 - w);
    }
  }

  /**
   * Gentle rocking around a tender spot: s = c + A·sin(2πfτ)·w(τ), where the window w = sin²(πτ/T)
   * fades the rocking in and out so speed is continuous at both ends.
   *
   * @param amplitudeCm half the peak-to-peak excursion
   */
  record Rocking(double startS, double endS, double centerCm, double amplitudeCm, double frequencyHz)
      implements Motion {
    @Override
    public double position(double t) {
      double u = clamp(t);
      return centerCm + amplitudeCm * carrier(u) * window(u);
    }

    @Override
    public double velocity(double t) {
      double u = clamp(t);
      return amplitudeCm * (carrierD(u) * window(u) + carrier(u) * windowD(u));
    }

    @Override
    public double acceleration(double t) {
      double u = clamp(t);
      return amplitudeCm
          * (carrierDD(u) * window(u) + 2 * carrierD(u) * windowD(u) + carrier(u) * windowDD(u));
    }

    private double clamp(double t) {
      return Math.min(durationS(), Math.max(0, t - startS));
    }

    private double w() {
      return 2 * Math.PI * frequencyHz;
    }

    private double carrier(double u) {
      return Math.sin(w() * u);
    }

    private double carrierD(double u) {
      return w() * Math.cos(w() * u);
    }

    private double carrierDD(double u) {
      return -w() * w() * Math.sin(w() * u);
    }

    private double k() {
      return Math.PI / durationS();
    }

    private double window(double u) {
      double s = Math.sin(k() * u);
      return s * s;
    }

    private double windowD(double u) {
      return k() * Math.sin(2 * k() * u);
    }

    private double windowDD(double u) {
      return 2 * k() * k() * Math.cos(2 * k() * u);
    }
  }

  /**
   * The empty roller rolling away on the floor after a push: constant deceleration from rolling
   * resistance (foam on a floor loses speed at roughly 0.3–1 m/s²) until it stops.
   *
   * @param speedCmS initial signed speed
   * @param decelerationCmS2 magnitude of the deceleration
   */
  record Coasting(double startS, double endS, double fromCm, double speedCmS, double decelerationCmS2)
      implements Motion {
    private double elapsed(double t) {
      double stop = Math.abs(speedCmS) / decelerationCmS2;
      return Math.min(stop, Math.min(durationS(), Math.max(0, t - startS)));
    }

    private double stopped(double t) {
      return t - startS >= Math.abs(speedCmS) / decelerationCmS2 ? 0 : 1;
    }

    @Override
    public double position(double t) {
      double u = elapsed(t);
      return fromCm + speedCmS * u - Math.signum(speedCmS) * 0.5 * decelerationCmS2 * u * u;
    }

    @Override
    public double velocity(double t) {
      double u = elapsed(t);
      return (speedCmS - Math.signum(speedCmS) * decelerationCmS2 * u) * stopped(t);
    }

    @Override
    public double acceleration(double t) {
      return -Math.signum(speedCmS) * decelerationCmS2 * stopped(t);
    }
  }
}
