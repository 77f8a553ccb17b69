package com.rollercoach.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole simulated session as a timeline of phases on the physical clock (seconds from the start of
 * the simulation), plus the transients that only show in the accelerometer and off-axis gyro.
 *
 * @param phases contiguous, in time order, starting at 0
 * @param shocks vertical ringing of the roller as a body lands on it or leaves it
 * @param yawTurns small turns of the roller's axis about the vertical when it is pushed around
 */
public record SessionScript(List<ScriptedPhase> phases, List<Shock> shocks, List<YawTurn> yawTurns) {
  public SessionScript {
    phases = List.copyOf(phases);
    shocks = List.copyOf(shocks);
    yawTurns = List.copyOf(yawTurns);
  }

  public double endS() {
    return phases.get(phases.size() - 1).endS();
  }

  /**
   * A vertical acceleration transient of the roller centre: the foam compresses and rings as a body
   * lands on it. a_z(t) = A·e^{−(t−t₀)/τ}·sin(2πf(t−t₀)) for t ≥ t₀.
   */
  public record Shock(double atS, double amplitudeG, double frequencyHz, double decayS) {
    public double accelerationG(double t) {
      double u = t - atS;
      if (u < 0 || u > 8 * decayS) return 0;
      return amplitudeG * Math.exp(-u / decayS) * Math.sin(2 * Math.PI * frequencyHz * u);
    }
  }

  /**
   * A turn of the roller's (still horizontal) axis about the vertical by up to {@code amplitudeDeg}
   * and back: ψ = A·(1 − cos 2πτ)/2 over [startS, endS].
   */
  public record YawTurn(double startS, double endS, double amplitudeDeg) {
    /** [ψ, ψ', ψ''] in radians and seconds. */
    public void angle(double t, double[] out) {
      if (t <= startS || t >= endS) {
        out[0] = out[1] = out[2] = 0;
        return;
      }
      double a = Math.toRadians(amplitudeDeg);
      double k = 2 * Math.PI / (endS - startS);
      double u = t - startS;
      out[0] = a * (1 - Math.cos(k * u)) / 2;
      out[1] = a * k * Math.sin(k * u) / 2;
      out[2] = a * k * k * Math.cos(k * u) / 2;
    }
  }

  /**
   * One stay of a person on the roller.
   *
   * @param onS the person starts lying back onto the roller
   * @param settledS the get-on jostle is over; strokes count from here
   * @param leavingS the person starts getting off; strokes count up to here
   * @param offS the person's weight is off the roller
   */
  public record LoadPeriod(double onS, double settledS, double leavingS, double offS) {
    /** 0 before getting on, 1 while lying on the roller, a smooth ramp in between. */
    public double weight(double t) {
      if (t <= onS || t >= offS) return 0;
      if (t < settledS) return smoothStep((t - onS) / (settledS - onS));
      if (t > leavingS) return smoothStep((offS - t) / (offS - leavingS));
      return 1;
    }

    private static double smoothStep(double u) {
      return u * u * u * (10 - 15 * u + 6 * u * u);
    }
  }

  /** The periods somebody is on the roller, in order. */
  public List<LoadPeriod> loadPeriods() {
    List<LoadPeriod> out = new ArrayList<>();
    double on = Double.NaN;
    double settled = Double.NaN;
    double leaving = Double.NaN;
    PhaseKind prev = PhaseKind.IDLE;
    for (ScriptedPhase p : phases) {
      PhaseKind k = p.kind();
      if (k == PhaseKind.GETTING_ON && prev != PhaseKind.GETTING_ON) on = p.startS();
      if (prev == PhaseKind.GETTING_ON && k != PhaseKind.GETTING_ON) settled = p.startS();
      if (k == PhaseKind.GETTING_OFF && prev != PhaseKind.GETTING_OFF) leaving = p.startS();
      if (prev == PhaseKind.GETTING_OFF && k != PhaseKind.GETTING_OFF) {
        out.add(new LoadPeriod(on, settled, leaving, p.startS()));
      }
      prev = k;
    }
    if (prev == PhaseKind.GETTING_OFF) out.add(new LoadPeriod(on, settled, leaving, endS()));
    return out;
  }
}
