package com.rollercoach.core.detect;

import com.rollercoach.core.signal.Biquad;

/**
 * How much an angle rocks: its residual about a {@value SessionDetector#ACTIVITY_WINDOW_S} s fit
 * ({@link ActivityMeter}), as is and low-passed to the breathing band, the smaller of the two.
 *
 * <p>The band: the angle's increments through two {@value BreathDetector#LOW_PASS_HZ} Hz biquads (as
 * the breath counter), summed up again (a gyro bias is a constant increment, which the filters pass
 * unchanged). A vibrating roller's motor sampled below twice its speed aliases into a steady line at
 * 1–3 Hz that an empty roller shows for as long as the motor runs (a 0.25° line at 1.6 Hz under a
 * 25 Hz sensor: the idle between two sets never read quiet, and the empty roller read "someone
 * on"); the filter removes it. What it also removes from a body, the heartbeat's ripple, is judged
 * on its own against the sensor's noise floor ({@link HeartbeatPresence}). Breathing and the gyro's
 * random walk are below 0.7 Hz and pass. The unfiltered residual stays the measure where it is
 * smaller: right after a shove the filter's own lag and ringing would keep the low-passed one up
 * for seconds longer.
 */
final class RockingResidual {
  /** The band's residual starts once the filters have forgotten their start. */
  static final double BAND_SETTLE_S = 3;

  private final ActivityMeter whole;
  private final ActivityMeter band;
  private final double gridHz;
  private Biquad lp1;
  private Biquad lp2;
  private final long settleSamples;
  private double bandAngle;
  private double last = Double.NaN;
  private long samples;

  RockingResidual(double gridHz) {
    int n = (int) (SessionDetector.ACTIVITY_WINDOW_S * gridHz);
    whole = new ActivityMeter(n);
    band = new ActivityMeter(n);
    this.gridHz = gridHz;
    lp1 = Biquad.lowPass(BreathDetector.LOW_PASS_HZ, gridHz);
    lp2 = Biquad.lowPass(BreathDetector.LOW_PASS_HZ, gridHz);
    settleSamples = (long) (BAND_SETTLE_S * gridHz);
  }

  /** One grid sample of the angle, degrees (NaN is skipped). */
  void add(double angleDeg) {
    if (Double.isNaN(angleDeg)) return;
    whole.add(angleDeg);
    bandAngle += Double.isNaN(last) ? angleDeg : lp2.apply(lp1.apply(angleDeg - last));
    last = angleDeg;
    if (++samples > settleSamples) band.add(bandAngle);
  }

  /** Starts again, as new (the angle is fed again after a pause in feeding it). */
  void reset() {
    whole.clear();
    band.clear();
    lp1 = Biquad.lowPass(BreathDetector.LOW_PASS_HZ, gridHz);
    lp2 = Biquad.lowPass(BreathDetector.LOW_PASS_HZ, gridHz);
    bandAngle = 0;
    last = Double.NaN;
    samples = 0;
  }

  /**
   * The rocking once both windows are full ({@value #BAND_SETTLE_S} s and a window after a start):
   * the same measure as {@link #residualDeg()} at its steady state, NaN before.
   */
  double settledResidualDeg() {
    return band.full() ? residualDeg() : Double.NaN;
  }

  /** The angle as is (its quadratic and linear residuals). */
  ActivityMeter whole() {
    return whole;
  }

  /** The angle low-passed to the breathing band. */
  ActivityMeter band() {
    return band;
  }

  /**
   * The rocking: the smaller quadratic residual of the two, degrees RMS (the whole one's alone until
   * the band's window is full; NaN until the whole one's is).
   */
  double residualDeg() {
    double r = whole.residualRms();
    double b = band.residualRms();
    return Double.isNaN(b) ? r : Math.min(r, b);
  }
}
