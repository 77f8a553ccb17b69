package com.rollercoach.core.signal;

/**
 * A second-order IIR section (direct form I) with Butterworth low- and high-pass designs from Robert
 * Bristow-Johnson's "Cookbook formulae for audio EQ biquad filter coefficients" (bilinear transform
 * with frequency pre-warping, Q = 1/√2). Detectors run these on a uniform-rate grid, so a filter is
 * designed once for that rate.
 */
public final class Biquad {
  private final double b0;
  private final double b1;
  private final double b2;
  private final double a1;
  private final double a2;
  private double x1;
  private double x2;
  private double y1;
  private double y2;
  private boolean primed;

  private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = a1 / a0;
    this.a2 = a2 / a0;
  }

  /** Butterworth low-pass with cutoff {@code cutoffHz} at sample rate {@code rateHz}. */
  public static Biquad lowPass(double cutoffHz, double rateHz) {
    double w0 = 2 * Math.PI * cutoffHz / rateHz;
    double alpha = Math.sin(w0) / (2 * Math.sqrt(0.5));
    double c = Math.cos(w0);
    return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
  }

  /** Butterworth high-pass with cutoff {@code cutoffHz} at sample rate {@code rateHz}. */
  public static Biquad highPass(double cutoffHz, double rateHz) {
    double w0 = 2 * Math.PI * cutoffHz / rateHz;
    double alpha = Math.sin(w0) / (2 * Math.sqrt(0.5));
    double c = Math.cos(w0);
    return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
  }

  /** A filter with the same design and the same state: what this one will do next, run ahead. */
  public Biquad copy() {
    Biquad c = new Biquad(b0, b1, b2, 1, a1, a2);
    c.x1 = x1;
    c.x2 = x2;
    c.y1 = y1;
    c.y2 = y2;
    c.primed = primed;
    return c;
  }

  /**
   * Filters one sample. The first sample primes the state as if the input had always been that value
   * (steady state), so a DC offset does not ring through a high-pass at the start.
   */
  public double apply(double x) {
    if (!primed) {
      primed = true;
      double dcGain = (b0 + b1 + b2) / (1 + a1 + a2);
      x1 = x2 = x;
      y1 = y2 = x * dcGain;
    }
    double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    return y;
  }
}
