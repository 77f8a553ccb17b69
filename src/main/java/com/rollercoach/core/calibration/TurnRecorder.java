package com.rollercoach.core.calibration;

import com.rollercoach.core.sample.ImuSample;
import java.util.Arrays;

/**
 * Collects bias-corrected gyro readings since the last recorded position, for the gyro scale fit.
 * Bounded: a turn longer than {@link #MAX_TURN_S} (someone wandered off) or with missing samples is
 * dropped rather than kept.
 */
final class TurnRecorder {
  static final double MAX_TURN_S = 30;
  private double[] dts = new double[256];
  private double[][] rates = new double[256][];
  private int n;
  private double prevT = Double.NaN;
  private double[] prev;
  private double spanS;
  private boolean valid;

  void restart() {
    n = 0;
    spanS = 0;
    valid = true;
    // prevT/prev stay: the next turn starts from the last sample seen.
  }

  void add(ImuSample s) {
    double[] w = {s.gxDps(), s.gyDps(), s.gzDps()};
    if (!Double.isNaN(prevT) && valid) {
      double dt = s.tS() - prevT;
      spanS += dt;
      if (dt > MotionSegmenter.MAX_STEP_S || spanS > MAX_TURN_S) {
        valid = false;
        n = 0;
      } else {
        if (n == dts.length) {
          dts = Arrays.copyOf(dts, 2 * n);
          rates = Arrays.copyOf(rates, 2 * n);
        }
        dts[n] = dt;
        rates[n] = new double[] {0.5 * (prev[0] + w[0]), 0.5 * (prev[1] + w[1]), 0.5 * (prev[2] + w[2])};
        n++;
      }
    }
    prevT = s.tS();
    prev = w;
  }

  boolean valid() {
    return valid && n > 0;
  }

  double[] dts() {
    return Arrays.copyOf(dts, n);
  }

  double[][] rates() {
    return Arrays.copyOf(rates, n);
  }
}
