package com.rollercoach.core.detect;

import com.rollercoach.core.signal.Biquad;

/**
 * Finds breaths in the roller's rocking. A person lying on the roller rocks it a fraction of a degree
 * with every breath; the roll angle θ, low-passed at {@value #LOW_PASS_HZ} Hz (4th-order Butterworth:
 * above any breathing rate of up to 40/min, below the heartbeat's ≈1–1.5 Hz ripple), swings back and
 * forth once per breath.
 *
 * <p>Turning points of that swing are found with a hysteresis (zig-zag) threshold of {@value
 * #SWING_DEG}°: far above the filtered sensor noise, below the smallest breathing rock. Which turning
 * point starts an inhale depends on how the sensor sits in the roller, so the polarity is taken from
 * the breathing itself: inhaling is quicker than exhaling (an inspiratory:expiratory time ratio of
 * about 1:1.5–1:2 at rest and slower in relaxed deep breathing, e.g. West, <i>Respiratory
 * Physiology</i>), so the edges with the shorter mean duration are the inhales and the turning points
 * that start them are the inhale onsets.
 *
 * <p>Turning points are kept in a fixed ring (the last {@value #CAPACITY}), enough for any hold, so
 * memory does not grow with the session; a hold's breaths are counted from it when the hold is known.
 */
final class BreathDetector {
  static final double LOW_PASS_HZ = 0.7;
  static final double SWING_DEG = 0.05;
  static final int CAPACITY = 512;

  private final Biquad lp1;
  private final Biquad lp2;
  private final double[] extT = new double[CAPACITY];
  private final boolean[] extPeak = new boolean[CAPACITY];
  private long extCount;
  private int direction;
  private double runT;
  private double runV;
  private boolean primed;
  private double lastY;

  BreathDetector(double gridHz) {
    lp1 = Biquad.lowPass(LOW_PASS_HZ, gridHz);
    lp2 = Biquad.lowPass(LOW_PASS_HZ, gridHz);
  }

  /**
   * Feeds one grid sample of θ (degrees).
   *
   * @return the time of a turning point confirmed by this sample, NaN if none
   */
  double update(double tS, double thetaDeg) {
    double y = lp2.apply(lp1.apply(thetaDeg));
    lastY = y;
    if (!primed) {
      primed = true;
      runT = tS;
      runV = y;
      return Double.NaN;
    }
    if (direction >= 0 && y >= runV || direction <= 0 && y <= runV) {
      if (direction == 0 && Math.abs(y - runV) < SWING_DEG) return Double.NaN;
      if (direction == 0) direction = y > runV ? 1 : -1;
      runT = tS;
      runV = y;
      return Double.NaN;
    }
    if (Math.abs(y - runV) >= SWING_DEG) {
      int i = (int) (extCount++ % CAPACITY);
      extT[i] = runT;
      extPeak[i] = direction > 0;
      double turn = runT;
      direction = -direction;
      runT = tS;
      runV = y;
      return turn;
    }
    return Double.NaN;
  }

  /** Whether the latest confirmed turning point was a peak (θ maximum). */
  boolean lastWasPeak() {
    return extCount > 0 && extPeak[(int) ((extCount - 1) % CAPACITY)];
  }

  /**
   * Inhale onsets strictly inside (fromS, toS), with the polarity judged from the edges inside that
   * interval (the current overall polarity when there are too few).
   */
  int countOnsets(double fromS, double toS) {
    return onsets(fromS, toS, inhaleStartsAtTrough(fromS, toS)).length;
  }

  /** Times of the inhale onsets in (fromS, toS). */
  double[] onsets(double fromS, double toS, boolean atTrough) {
    long first = Math.max(0, extCount - CAPACITY);
    int n = 0;
    double[] out = new double[(int) (extCount - first)];
    for (long k = first; k < extCount; k++) {
      int i = (int) (k % CAPACITY);
      if (extT[i] > fromS && extT[i] < toS && extPeak[i] != atTrough) out[n++] = extT[i];
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Whether inhales start at θ troughs (θ rising while breathing in), judged from the turning points
   * in (fromS, toS): rising edges shorter on average than falling ones means inhale = rising.
   */
  boolean inhaleStartsAtTrough(double fromS, double toS) {
    long first = Math.max(0, extCount - CAPACITY);
    double rise = 0;
    double fall = 0;
    int rises = 0;
    int falls = 0;
    for (long k = first + 1; k < extCount; k++) {
      int a = (int) ((k - 1) % CAPACITY);
      int b = (int) (k % CAPACITY);
      if (extT[a] < fromS || extT[b] > toS) continue;
      double d = extT[b] - extT[a];
      if (extPeak[b]) {
        rise += d;
        rises++;
      } else {
        fall += d;
        falls++;
      }
    }
    if (rises == 0 || falls == 0) return true;
    return rise / rises <= fall / falls;
  }

  /** The filtered rocking angle after the latest sample (degrees), for displays. */
  double rockingDeg() {
    return lastY;
  }
}
