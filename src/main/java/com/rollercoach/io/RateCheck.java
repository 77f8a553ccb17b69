package com.rollercoach.io;

import com.rollercoach.core.signal.RollSignal;
import java.util.Arrays;
import java.util.Locale;

/**
 * The lowest sample rate a session file may have. The signal stage resamples onto a {@link
 * RollSignal#GRID_HZ} grid; a source at half that rate still gives every grid step a neighbour
 * within one sample, but below it the grid interpolates across a roll (a brisk 120 °/s roll turns
 * 5° between 25 Hz samples, 60° between the 2 Hz samples of Adafruit's {@code basic_readings}), and
 * breaths (0.1–0.5 Hz) and holds would be judged on a handful of points.
 */
public final class RateCheck {
  public static final double MIN_RATE_HZ = RollSignal.GRID_HZ / 2;

  private RateCheck() {}

  /** The rate from the median step of increasing times (NaN with fewer than two). */
  public static double rateHz(double[] times, int n) {
    if (n < 2) return Double.NaN;
    double[] d = new double[n - 1];
    int k = 0;
    for (int i = 1; i < n; i++) if (times[i] > times[i - 1]) d[k++] = times[i] - times[i - 1];
    if (k == 0) return Double.NaN;
    Arrays.sort(d, 0, k);
    return 1.0 / d[k / 2];
  }

  /** @throws InputFileException when {@code rateHz} is below {@link #MIN_RATE_HZ} */
  public static void require(String what, double rateHz) {
    if (Double.isFinite(rateHz) && rateHz < MIN_RATE_HZ) {
      throw new InputFileException(String.format(Locale.ROOT,
          "%s: %.3g samples per second is too slow for rolling: Roller Coach needs at least %.0f Hz"
              + " (a roll moves tens of degrees between samples at that rate); set the sensor or app to 50–200 Hz",
          what, rateHz, MIN_RATE_HZ));
    }
  }
}
