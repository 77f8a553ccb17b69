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
  /**
   * A sensor set to {@link #MIN_RATE_HZ} measures a little below it: its clock runs a few hundred
   * ppm off, and stamps rounded to the millisecond alternate 40 and 41 ms, whose median step reads
   * 24.4 Hz. Such a file is what a user set up right, so only a rate below this share of the
   * minimum is refused (the simulator's 25 Hz sessions, whose devices drift by up to ±50 ppm, were
   * refused by `analyze` as "25.0 samples per second" while the bench, which skips the check,
   * scored them).
   */
  static final double NOMINAL_TOLERANCE = 0.95;

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

  /**
   * Refuses rows whose times are too slow, as {@link #require(String, double)}, from the times
   * themselves; when the time column is coarse (several rows share each stamp) it says so instead of
   * giving the stamps' step as the rate. A CSV stamped to 0.1 s with 50 rows a second was refused as
   * "10.0 samples per second is too slow" — its rows are fast enough, its times are not there.
   *
   * @throws InputFileException when the times are too slow or too coarse to tell each sample's time
   */
  public static void require(String what, double[] times, int n) {
    double hz = rateHz(times, n);
    if (!(Double.isFinite(hz) && hz < MIN_RATE_HZ * NOMINAL_TOLERANCE)) return;
    int shared = 0;
    for (int i = 1; i < n; i++) if (times[i] == times[i - 1]) shared++;
    double span = times[n - 1] - times[0];
    // a few repeated stamps (a burst) do not make a rate; a quarter of the rows do
    if (shared * 4 >= n - 1 && span > 0) {
      double rowsPerS = (n - 1) / span;
      if (rowsPerS >= MIN_RATE_HZ * NOMINAL_TOLERANCE) {
        throw new InputFileException(String.format(Locale.ROOT,
            "%s: the time column is too coarse: it steps by %s s and about %d rows share each time"
                + " (%.0f rows a second), so each sample's own time is unknown; export the time to the"
                + " millisecond or finer (Roller Coach needs every sample's time, at %.0f Hz or more)",
            what, stepText(1 / hz), Math.round((double) n / (n - shared)), rowsPerS, MIN_RATE_HZ));
      }
      hz = rowsPerS;
    }
    require(what, hz);
  }

  private static String stepText(double stepS) {
    return String.format(Locale.ROOT, "%.3f", stepS).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** @throws InputFileException when {@code rateHz} is below {@link #MIN_RATE_HZ} */
  public static void require(String what, double rateHz) {
    if (Double.isFinite(rateHz) && rateHz < MIN_RATE_HZ * NOMINAL_TOLERANCE) {
      throw new InputFileException(String.format(Locale.ROOT,
          "%s: %.3g samples per second is too slow for rolling: Roller Coach needs at least %.0f Hz"
              + " (a roll moves tens of degrees between samples at that rate); set the sensor or app to 50–200 Hz",
          what, rateHz, MIN_RATE_HZ));
    }
  }
}
