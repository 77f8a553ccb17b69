package com.rollercoach.core.detect;

import com.rollercoach.core.Median;
import com.rollercoach.core.signal.Biquad;
import java.util.Arrays;

/**
 * Finds breaths in the roller's rocking. A person lying on the roller rocks it a fraction of a degree
 * with every breath; the roll angle θ, low-passed at {@value #LOW_PASS_HZ} Hz (two Butterworth
 * biquads: above any breathing rate of up to 40/min, below the heartbeat's ≈1–1.5 Hz ripple and far
 * below any vibrating roller's 25–70 Hz motor line), swings back and forth once per breath.
 *
 * <p>Three things besides breathing move that angle during a hold, and each is taken out by its own
 * physics rather than by a fixed size:
 *
 * <ul>
 *   <li><b>Weight shifts</b>: the person settles half a centimetre to a centimetre, a step in θ of
 *       several degrees over 1–2.5 s followed by a new level. Its <i>rate</i> is many times the
 *       breathing's: a breath of depth A over a period T turns the roller at ≈ πA/T at most, so a
 *       step is recognised where |dθ/dt| exceeds {@value #SHIFT_ENTER}× the running median rate of
 *       the last {@value #RATE_WINDOW_S} s (the breathing's own typical rate; a shift fills at most
 *       a quarter of that window, so the median ignores it), and its whole fast stretch (while the
 *       rate stays above {@value #SHIFT_EXIT}× the median in the same direction, found backward too
 *       through a {@value #DELAY_S} s delay line) is removed from the angle the turning points are
 *       found on. What remains is breathing around a level that moved.
 *   <li><b>Strokes</b> are removed by the same rule (they turn the roller far faster than breathing),
 *       so a stroke's end is not a turning point of the breathing.
 *   <li><b>Small wiggles</b> (postural sway, a sigh's second inhale on top of the first, filtered
 *       noise): turning points are first found with a small hysteresis {@value #FLOOR_DEG}° (several
 *       times the filtered gyro noise: a noise density ≤ 0.015 °/s/√Hz integrates to ≲ 0.02° over a
 *       breath's half period), then, when a hold's breaths are counted, found again with a hysteresis
 *       of {@value #RELATIVE_SWING} of the hold's own typical swing (the duration-weighted median
 *       swing between its turning points, see {@link #medianSwing}), never below that floor. A shallow breather's 0.1° breaths and a deep
 *       breather's 3° ones are judged each against their own size.
 *   <li><b>Sway as large and as slow as the breathing</b> does the opposite: on its slope a
 *       shallow breath's opposite half only stalls the angle and leaves no turning point. Such an
 *       edge outlasts its kind by a whole breath period and its rate dips between two humps; the
 *       breath it hides is counted from that ({@link #hiddenOnsets}).
 *   <li><b>The pause after a sigh</b>: a sigh (an inhale of twice the usual depth or more) is
 *       followed by seconds without breathing, in which only the sway moves the roller. Its long
 *       edges are not searched for hidden breaths, and a wiggle far smaller than a breath there is
 *       not one ({@link #sighs}).
 * </ul>
 *
 * <p>Which turning point starts an inhale depends on how the sensor sits in the roller, so the
 * polarity is taken from the breathing itself: inhaling is quicker than exhaling (an
 * inspiratory:expiratory time ratio of about 1:1.5–1:2 at rest and slower in relaxed deep breathing,
 * e.g. West, <i>Respiratory Physiology</i>), so the edges with the shorter median duration are the
 * inhales and the turning points that start them are the inhale onsets. Turning-point times are
 * moved back by the filters' group delay ({@link #GROUP_DELAY_S}), so an onset is placed when it
 * happened.
 *
 * <p>Turning points are kept in a fixed ring (the last {@value #CAPACITY}), enough for any hold, so
 * memory does not grow with the session; a hold's breaths are counted from it when the hold is known.
 */
final class BreathDetector {
  static final double LOW_PASS_HZ = 0.7;
  /** Hysteresis of the first, fine turning-point search (degrees): above the filtered noise. */
  static final double FLOOR_DEG = 0.02;
  /** Hysteresis of the count, as a share of the hold's median swing. */
  static final double RELATIVE_SWING = 0.2;
  /** Rate above this many times the running median rate starts a weight shift (or stroke). */
  static final double SHIFT_ENTER = 8.0;
  /** A shift's fast stretch extends while its rate stays above this many times the median. */
  static final double SHIFT_EXIT = 2.0;
  /** Window of the running median rate: one slow breath (6/min). */
  static final double RATE_WINDOW_S = 10.0;
  /** Delay line for finding a shift's start backward: half its longest ramp plus filter smear. */
  static final double DELAY_S = 1.5;
  /**
   * Lowest median rate used (degrees/s): a roller at rest under a person never turns slower than
   * this on average (filtered gyro noise alone is of this order), so a very calm hold does not
   * make every breath a "shift".
   */
  static final double RATE_FLOOR_DEG_S = 0.01;
  static final int CAPACITY = 1024;
  /**
   * The running median rate forgets the breathing during a pause: after 5 s or more without
   * breathing (after a sigh, or a breath held at the top) it is the noise floor's, and the next
   * inhale, at the breathing's ordinary rate, was taken for a weight shift and cut out (a breath
   * lost). The typical rate is therefore never below this share of the breathing's own: the median
   * mean rate of the latest {@link #SWING_MEMORY} swings between turning points. A raised-cosine
   * inhale peaks at about twice its swing's mean rate, so at this share it stays 4× the typical
   * rate, below {@link #SHIFT_ENTER}; a weight shift (degrees in a second or two) is still many
   * times it.
   */
  static final double PAUSE_SHARE = 0.5;
  /** Swings the breathing's own rate is taken from: a few breaths, robust to one odd swing. */
  static final int SWING_MEMORY = 5;
  /**
   * How long the angle is kept for looking inside an edge (s): longer than any hold's edge. An edge
   * that began before this is taken as it is.
   */
  static final double HISTORY_S = 180.0;
  /**
   * An edge counts as hiding a breath only when it outlasts its kind's median by at least this
   * share of the median breath period: a hidden breath adds a whole period (± the breathing's own
   * ~10–20 % variation), an ordinary edge none, so half a period is the midpoint. A sigh's inhale on
   * top of an inhale lengthens an edge by a fraction of an inhale, not by a period.
   */
  static final double HIDDEN_CYCLE = 0.5;
  /**
   * Within such an edge, the rate must fall between two humps to at most this share of the smaller
   * one: the hidden breath's opposite half turned the roller against the sway, which only stalled it.
   */
  static final double HIDDEN_DIP = 0.5;
  /**
   * How long the low-pass's own response to a shift is taken off after the shift's rate has fallen
   * back (s): eight time constants of its poles' decay, 1/(ζ·2π·{@value #LOW_PASS_HZ} Hz) with ζ =
   * 1/√2, by when it is below 0.1 % of the shift.
   *
   * <p>The two Butterworth sections overshoot a step: a 10° weight shift over 1–2.5 s comes out
   * 0.16–0.48° past its new level, with the overshoot's peak about where the rate falls below
   * {@link #SHIFT_EXIT}× the typical rate, so the shift's removal ended there and the filter's
   * return from the overshoot was kept as breathing: a swing the size of a slow or shallow breath's
   * hysteresis, two turning points and a breath too many (seed 21000137, slow breathing with weight
   * shifts: 8 breaths counted for 4). The filter is linear, so what it does after the shift's end is
   * its free response from its state then plus its response to what the angle does from then on:
   * the free response, run ahead on a copy of the filters with the angle going on at its slope of
   * the last {@value #SLOPE_S} s, is taken off, and the breathing after the shift passes through as
   * it came. Blanking the ring-down instead (the breathing's increment carried through it, as during
   * the shift) cost inhales that began within a second of a shift or a stroke's end.
   */
  static final double FREE_RESPONSE_S = 8 / (Math.sqrt(0.5) * 2 * Math.PI * LOW_PASS_HZ);
  /**
   * How far before a shift's first marked sample the breathing's own increment is read (s): the
   * low-pass's response to a shift's start rises from 1 % of the exit rate to it over 0.25–0.35 s
   * (5–10° shifts over 1–2.5 s), and that toe is the shift's, not the breathing's.
   */
  static final double TOE_S = 0.4;
  /** Span of input the angle's slope is read over when a shift ends (s): a tenth of a fast breath. */
  static final double SLOPE_S = 0.3;
  /** Half-width of the central difference the rate inside an edge is read with (s). */
  static final double RATE_HALF_WIDTH_S = 0.25;

  private final double gridHz;
  private final Biquad lp1;
  private final Biquad lp2;
  private final RunningMedian rateMedian;
  private final int delay;
  private final double[] dz;
  private int fedPos; // == fed % dz.length
  private final double[] dzT;
  private final boolean[] dzShift;
  private final double[] held;
  /** The breathing's own increment just before the running shift began, carried through it. */
  private double heldStep;
  private long fed;
  private double z;
  private int shiftSign;
  /**
   * The filters' free response after the last shift's end, as increments per grid sample (see
   * {@link #FREE_RESPONSE_S}), and how many of them are still to be taken off.
   */
  private final double[] freeSteps;
  private int freeLeft;
  /** {@link #TOE_S} in grid samples. */
  private final int toe;
  /** The latest input angles (degrees), a ring, for the angle's slope when a shift ends. */
  private final double[] recentInputs;
  private int recentPos;
  /** Grid samples taken as a shift or stroke so far (for tests and diagnostics). */
  long shiftSamples;
  /** Mean rates of the latest {@link #SWING_MEMORY} swings between turning points, a ring. */
  private final double[] swingRates = new double[SWING_MEMORY];
  /** When each of those swings began (the time of its first turning point). */
  private final double[] swingStarts = new double[SWING_MEMORY];
  /** Swings that begin before this (the latest still's start) are not the breathing's. */
  private double swingsFromS = Double.NEGATIVE_INFINITY;
  private int swingPos;
  private int swings;
  /** Their median (degrees/s), 0 before any: updated with each swing, read every sample. */
  private double swingRate;
  private final double[] extT = new double[CAPACITY];
  private final double[] extV = new double[CAPACITY];
  private final boolean[] extPeak = new boolean[CAPACITY];
  private long extCount;
  private int direction;
  private double runT;
  private double runV;
  private boolean primed;
  private double lastY = Double.NaN;
  /** The angle the turning points are found on (after shift removal), for {@link #HISTORY_S} s. */
  private final double[] histT;
  private final double[] histZ;
  /** Samples written to the history so far, and the slot of the next one (== histCount % length). */
  private long histCount;
  private int histPos;

  BreathDetector(double gridHz) {
    this.gridHz = gridHz;
    lp1 = Biquad.lowPass(LOW_PASS_HZ, gridHz);
    lp2 = Biquad.lowPass(LOW_PASS_HZ, gridHz);
    rateMedian = new RunningMedian((int) Math.round(RATE_WINDOW_S * gridHz));
    delay = (int) Math.round(DELAY_S * gridHz);
    freeSteps = new double[(int) Math.ceil(FREE_RESPONSE_S * gridHz)];
    toe = (int) Math.round(TOE_S * gridHz);
    recentInputs = new double[(int) Math.round(SLOPE_S * gridHz) + 1];
    dz = new double[delay + 1];
    dzT = new double[delay + 1];
    dzShift = new boolean[delay + 1];
    held = new double[delay + 1];
    int hist = (int) Math.ceil(HISTORY_S * gridHz);
    histT = new double[hist];
    histZ = new double[hist];
  }

  /** DC group delay of the two low-pass biquads (s): √2/ω_c each. */
  static final double GROUP_DELAY_S = 2 * Math.sqrt(2) / (2 * Math.PI * LOW_PASS_HZ);

  /**
   * Feeds one grid sample of θ (degrees).
   *
   * @return the time of a turning point confirmed by this sample, NaN if none
   */
  double update(double tS, double thetaDeg) {
    double y = lp2.apply(lp1.apply(thetaDeg));
    recentInputs[recentPos] = thetaDeg;
    recentPos = recentPos + 1 == recentInputs.length ? 0 : recentPos + 1;
    double prev = lastY;
    lastY = y;
    if (Double.isNaN(prev)) return Double.NaN;
    double step = y - prev;
    double rate = Math.abs(step) * gridHz;
    double typical =
        Math.max(Math.max(RATE_FLOOR_DEG_S, rateMedian.median()), PAUSE_SHARE * swingRate);
    rateMedian.add(rate);
    int sign = step > 0 ? 1 : -1;
    boolean shift;
    if (shiftSign != 0 && sign == shiftSign && rate > SHIFT_EXIT * typical) {
      shift = true;
    } else if (rate > SHIFT_ENTER * typical) {
      shift = true;
      if (shiftSign != sign) markBackward(sign, typical);
      shiftSign = sign;
    } else {
      shift = false;
      if (shiftSign != 0) runFreeResponse(thetaDeg, y);
      shiftSign = 0;
    }
    double kept = step;
    if (freeLeft > 0) kept -= freeSteps[freeSteps.length - freeLeft--];
    // fed % length and (fed − delay) % length = (fed + 1) % length, kept as an int position: two
    // long divisions per grid sample were a few per cent of the pipeline
    int i = fedPos;
    long out = fed - delay;
    double result = Double.NaN;
    if (out >= 0) {
      // the oldest entry leaves the delay line (its slot is reused below)
      int o = i + 1 == dz.length ? 0 : i + 1;
      z += dzShift[o] ? heldStep(o) : dz[o];
      // an int position that wraps by comparison, as the delay line's: no long division per sample
      histT[histPos] = dzT[o] - GROUP_DELAY_S;
      histZ[histPos] = z;
      histPos = histPos + 1 == histT.length ? 0 : histPos + 1;
      histCount++;
      result = zigzag(dzT[o] - GROUP_DELAY_S, z);
    }
    dz[i] = kept;
    dzT[i] = tS;
    dzShift[i] = shift;
    if (shift) shiftSamples++;
    if (shift) held[i] = heldStep;
    fed++;
    fedPos = i + 1 == dz.length ? 0 : i + 1;
    return result;
  }

  /**
   * A shift just ended: what the filters would do from here if the angle went on as it goes now,
   * less that going on (their return from the overshoot), to be taken off the coming increments.
   */
  private void runFreeResponse(double thetaDeg, double y) {
    // the angle goes on at the slope it has had since the shift (the breathing's), measured over the
    // last few tenths of a second of the input, which runs ahead of the filtered exit by the filters'
    // delay: holding it still instead took the breathing's own lag (≈ 0.6 s of its rate, a third of
    // a 0.5° breath) off with the overshoot
    int m = recentInputs.length - 1;
    int oldest = recentPos; // the slot written m samples ago
    double slope = fed > m ? (thetaDeg - recentInputs[oldest]) / m : 0;
    Biquad a = lp1.copy();
    Biquad b = lp2.copy();
    double prev = y;
    for (int k = 0; k < freeSteps.length; k++) {
      double p = b.apply(a.apply(thetaDeg + slope * (k + 1)));
      freeSteps[k] = p - prev - slope;
      prev = p;
    }
    freeLeft = freeSteps.length;
  }

  /** A shift just began: its slower start, still in the delay line, belongs to it too. */
  private void markBackward(int sign, double typical) {
    long k = fed - 1;
    for (; k > fed - delay && k >= 0; k--) {
      int j = (int) (k % dz.length);
      double r = Math.abs(dz[j]) * gridHz;
      if ((dz[j] > 0 ? 1 : -1) != sign || r <= SHIFT_EXIT * typical) break;
      dzShift[j] = true;
    }
    // breathing goes on during the shift: carry the increment it had just before (the shift lasts
    // 1-2.5 s, a fraction of a breath, over which the breath's rate changes little), read before the
    // filtered shift's toe (TOE_S): the increment where the rate first fell below the exit level is
    // the toe's, in the shift's direction at up to twice the typical rate, and carried through the
    // shift it left a ramp of 0.5-1° where the shift had been
    long h = Math.max(k - toe, fed - delay); // never after k: the walk stops at fed - delay at the latest
    heldStep = h >= 0 && !dzShift[(int) (h % dz.length)] ? dz[(int) (h % dz.length)] : 0;
    for (long q = k + 1; q < fed; q++) held[(int) (q % dz.length)] = heldStep;
  }

  private double heldStep(int slot) {
    return held[slot];
  }

  private double zigzag(double tS, double v) {
    if (!primed) {
      primed = true;
      runT = tS;
      runV = v;
      return Double.NaN;
    }
    if (direction >= 0 && v >= runV || direction <= 0 && v <= runV) {
      if (direction == 0 && Math.abs(v - runV) < FLOOR_DEG) return Double.NaN;
      if (direction == 0) direction = v > runV ? 1 : -1;
      runT = tS;
      runV = v;
      return Double.NaN;
    }
    if (Math.abs(v - runV) >= FLOOR_DEG) {
      int i = (int) (extCount++ % CAPACITY);
      extT[i] = runT;
      extV[i] = runV;
      extPeak[i] = direction > 0;
      if (extCount >= 2) {
        int p = (int) ((extCount - 2) % CAPACITY);
        double dt = runT - extT[p];
        if (dt > 0 && extT[p] >= swingsFromS) {
          swingRates[swingPos] = Math.abs(runV - extV[p]) / dt;
          swingStarts[swingPos] = extT[p];
          swingPos = swingPos + 1 == swingRates.length ? 0 : swingPos + 1;
          if (swings < swingRates.length) swings++;
          swingRate = Median.of(swingRates, swings);
        }
      }
      double turn = runT;
      direction = -direction;
      runT = tS;
      runV = v;
      return turn;
    }
    return Double.NaN;
  }

  /**
   * A still began at {@code startS}: the swings that began before it were strokes', not the
   * breathing's, and are forgotten. The typical rate ({@link #PAUSE_SHARE} of their median) held
   * the last strokes' 10–15 °/s until three breaths had swung, and slow breathing (4–6 a minute)
   * swings three times in 15–20 s: a weight shift in that time turned the roller slower than 8×
   * that, was not cut out, and its two edges were counted as a breath (seed 21000072, slow
   * breathing with weight shifts).
   */
  void stillStarted(double startS) {
    // the turning points reach the swings through the delay line, after the still is announced:
    // the strokes' last swings are refused when they arrive, the ones already in are dropped here
    swingsFromS = Math.max(swingsFromS, startS);
    int n = 0;
    double[] rates = new double[SWING_MEMORY];
    double[] starts = new double[SWING_MEMORY];
    for (int k = 0; k < swings; k++) {
      // oldest first, so the ring's order survives
      int j = swings < SWING_MEMORY ? k : (swingPos + k) % SWING_MEMORY;
      if (swingStarts[j] >= swingsFromS) {
        rates[n] = swingRates[j];
        starts[n] = swingStarts[j];
        n++;
      }
    }
    System.arraycopy(rates, 0, swingRates, 0, SWING_MEMORY);
    System.arraycopy(starts, 0, swingStarts, 0, SWING_MEMORY);
    swings = n;
    swingPos = n % SWING_MEMORY;
    swingRate = n == 0 ? 0 : Median.of(swingRates, n);
  }

  /** The turning points in (fromS, toS) re-found with the hold's own hysteresis: [t, v, peak?1:0]. */
  double[][] turningPoints(double fromS, double toS) {
    // the extremes are stored in time order: walk back to the first one after fromS, so a live count
    // (once per turning point of a still) costs the still's extremes, not the whole ring's
    long first = extCount;
    long oldest = Math.max(0, extCount - CAPACITY);
    while (first > oldest && extT[(int) ((first - 1) % CAPACITY)] > fromS) first--;
    int n = 0;
    double[] t = new double[(int) (extCount - first)];
    double[] v = new double[t.length];
    for (long k = first; k < extCount; k++) {
      int i = (int) (k % CAPACITY);
      if (extT[i] > fromS && extT[i] < toS) {
        t[n] = extT[i];
        v[n] = extV[i];
        n++;
      }
    }
    if (n < t.length) {
      t = Arrays.copyOf(t, n);
      v = Arrays.copyOf(v, n);
    }
    // twice: the first median swing still includes wiggles the first pass removes
    for (int pass = 0; pass < 2 && n >= 3; pass++) {
      double h = Math.max(FLOOR_DEG, RELATIVE_SWING * medianSwing(t, v, n));
      n = rezigzag(t, v, n, h);
    }
    double[][] out = new double[n][];
    for (int k = 0; k < n; k++) {
      boolean peak = k + 1 < n ? v[k] > v[k + 1] : k > 0 && v[k] > v[k - 1];
      out[k] = new double[] {t[k], v[k], peak ? 1 : 0};
    }
    return out;
  }

  /**
   * The hold's typical swing: the median of the swings between turning points, each weighted by how
   * long it took. Breaths take seconds, wiggles (sway, filtered noise, a motor line aliased into the
   * band) fractions of one, so however many wiggles there are the breaths set the scale.
   */
  static double medianSwing(double[] t, double[] v, int n) {
    double[][] d = new double[n - 1][];
    double total = 0;
    for (int k = 1; k < n; k++) {
      double w = Math.max(0, t[k] - t[k - 1]);
      d[k - 1] = new double[] {Math.abs(v[k] - v[k - 1]), w};
      total += w;
    }
    Arrays.sort(d, (x, y) -> Double.compare(x[0], y[0]));
    double seen = 0;
    for (double[] x : d) {
      seen += x[1];
      if (seen >= total / 2) return x[0];
    }
    return d[d.length - 1][0];
  }

  /**
   * Zig-zag over a sequence of alternating extremes with hysteresis h, in place; returns the new
   * length. Equivalent to a zig-zag with h on the signal the extremes came from.
   */
  static int rezigzag(double[] t, double[] v, int n, double h) {
    if (n == 0) return 0;
    int m = 0;
    double runT = t[0];
    double runV = v[0];
    int dir = 0;
    for (int k = 1; k < n; k++) {
      double x = v[k];
      if (dir == 0) {
        if (Math.abs(x - runV) < h) {
          // still undecided: keep the more extreme start relative to where we go next
          continue;
        }
        dir = x > runV ? 1 : -1;
        t[m] = runT;
        v[m] = runV;
        m++;
        runT = t[k];
        runV = x;
        continue;
      }
      if (dir > 0 ? x >= runV : x <= runV) {
        runT = t[k];
        runV = x;
      } else if (Math.abs(x - runV) >= h) {
        t[m] = runT;
        v[m] = runV;
        m++;
        dir = -dir;
        runT = t[k];
        runV = x;
      }
    }
    // the last extreme was confirmed by the fine search; keep it if it is a full swing here too
    if (m > 0 && Math.abs(runV - v[m - 1]) >= h) {
      t[m] = runT;
      v[m] = runV;
      m++;
    }
    return m;
  }

  /** Whether the latest confirmed turning point was a peak (θ maximum). */
  boolean lastWasPeak() {
    return extCount > 0 && extPeak[(int) ((extCount - 1) % CAPACITY)];
  }

  /**
   * The inhale onsets of a still segment that began at {@code startS}: those strictly inside
   * (startS, toS), with the two edges of the segment judged by the filters' physics and the
   * breathing's own timing.
   *
   * <ul>
   *   <li><b>The start.</b> The stroke (or hip drop) that stopped at {@code startS} leaves a
   *       turning point there whose polarity is an accident of the stroke's direction. An onset-
   *       polarity turning point within {@value #EDGE_WINDOW_S} s of the start is an inhale that
   *       began in the still only if the inhale it starts is a whole one: its end (the next turning
   *       point) less the segment's median inhale duration lies at or after the start. A person who
   *       stops mid-inhale leaves a short, partial inhale edge, which is not counted; one who starts
   *       breathing in as the roller stops leaves a whole one, which is. (A fixed margin after the
   *       start dropped both.) Until the next turning point is confirmed it is not counted. Its
   *       onset is placed one median inhale before that end when that is later than the stop (the
   *       roller lay still, or exhaled unseen, before the inhale turned it).
   *   <li><b>The end</b> ({@code ended}: {@code toS} is where getting off began). Turning points are
   *       placed back by the filters' group delay, so whatever starts at {@code toS} — getting off —
   *       turns the filtered angle at a time placed up to {@link #GROUP_DELAY_S} before it (the
   *       filters are causal: nothing of it can land earlier). Turning points there are not counted.
   * </ul>
   *
   * An inhale that began in the last second or so before getting off is not confirmed (getting off is
   * cut out as a shift before the angle turned back far enough) and is not counted: guessing it from
   * the median exhale was tried and was right about as often as wrong, because exhales and pauses vary
   * by more than that last second (docs/benchmarks.md, round 8).
   */
  double[] onsetsInStill(double startS, double toS, boolean ended) {
    double[][] tp = turningPoints(startS, ended ? toS - GROUP_DELAY_S : toS);
    boolean atTrough = inhaleStartsAtTrough(tp);
    double inhale = medianInhale(tp, atTrough);
    double typicalSwing = medianInhaleSwing(tp, atTrough);
    boolean[] sigh = sighs(tp, atTrough, typicalSwing);
    double[] out = new double[tp.length];
    int n = 0;
    for (int k = 0; k < tp.length; k++) {
      if (!startsInhale(tp[k], atTrough)) continue;
      if (pauseWiggle(tp, sigh, k, typicalSwing)) continue;
      double onset = tp[k][0];
      if (onset <= startS + EDGE_WINDOW_S) {
        // a stop's turning point counts only if a whole inhale followed (undecided until then)
        if (k + 1 == tp.length) continue;
        double began = tp[k + 1][0] - inhale;
        if (began < startS) continue;
        // the roller may lie still a while before the inhale turns it: it began one inhale before
        // its end, not at the stop
        onset = Math.max(onset, began);
      }
      // the roller settling after the stop (the hip drop's rock back) turns it quickly, once or
      // twice, before the first breath: an inhale edge far shorter than this person's inhales,
      // within one breath period of the stop, is that settling
      if (n == 0
          && k + 1 < tp.length
          && tp[k + 1][0] - tp[k][0] < SETTLE_SHARE * inhale
          && onset < startS + inhale + medianInhale(tp, !atTrough)) {
        continue;
      }
      out[n++] = onset;
    }
    out = Arrays.copyOf(out, n);
    double[] hidden = hiddenOnsets(tp, sigh, atTrough, inhale, startS);
    if (hidden.length == 0) return out;
    double[] all = Arrays.copyOf(out, n + hidden.length);
    System.arraycopy(hidden, 0, all, n, hidden.length);
    Arrays.sort(all);
    return all;
  }

  /**
   * Inhale onsets that left no turning point of their own. A shallow breath on the slope of a
   * postural sway as large and as slow as itself only stalls the angle: under a rising sway the
   * exhale between two inhales is a plateau, not a fall, and the rise from one turning point to the
   * next holds two inhales (under a falling sway, the fall holds two exhales). Breathing is
   * quasi-periodic, so such an edge outlasts its kind's median by a whole breath period ({@link
   * #HIDDEN_CYCLE}); and its rate shows the hidden half as a dip between two humps ({@link
   * #HIDDEN_DIP}). Both must hold: a long edge without a dip is a slow breath or a pause, a dip in
   * an edge of ordinary length is a sigh's second inhale or a wiggle. The onset is placed half an
   * exhale after the dip in an edge of the inhale's sign (the dip is the middle of the hidden
   * exhale), half an inhale before it in an edge of the exhale's sign (the middle of the hidden
   * inhale). The two edges after a sigh are not searched ({@link #sighs}).
   */
  private double[] hiddenOnsets(
      double[][] tp, boolean[] sigh, boolean atTrough, double inhale, double startS) {
    if (tp.length < 4 || Double.isNaN(inhale)) return new double[0];
    double exhale = medianInhale(tp, !atTrough);
    double period = inhale + exhale;
    if (!(period > 0)) return new double[0];
    double[] found = new double[4];
    int n = 0;
    for (int k = 0; k + 1 < tp.length; k++) {
      // an edge from the stroke's own stop holds the settling too: its length is not a breath's
      if (tp[k][0] <= startS + EDGE_WINDOW_S) continue;
      // a sigh's exhale and the edge after it hold the pause that follows a sigh: they outlast
      // their kind by up to a period or more with no breath in them, and a sway's slope through
      // the pause puts the very dip between two humps in their rate that a hidden breath leaves
      if (k >= 1 && sigh[k - 1] || k >= 2 && sigh[k - 2]) continue;
      boolean inhaleEdge = startsInhale(tp[k], atTrough);
      double expected = inhaleEdge ? inhale : exhale;
      double d = tp[k + 1][0] - tp[k][0];
      if (d - expected < HIDDEN_CYCLE * period) continue;
      int most = (int) Math.max(1, Math.round((d - expected) / period));
      double dir = tp[k + 1][1] > tp[k][1] ? 1 : -1;
      double[] dips = rateDips(tp[k][0], tp[k + 1][0], dir, most, period);
      for (double dip : dips) {
        double onset = inhaleEdge ? dip + exhale / 2 : dip - inhale / 2;
        onset = Math.max(tp[k][0], Math.min(tp[k + 1][0], onset));
        if (n == found.length) found = Arrays.copyOf(found, 2 * n);
        found[n++] = onset;
      }
    }
    return Arrays.copyOf(found, n);
  }

  /**
   * Which edges are sighs (edge k runs from turning point k to k+1): inhale edges that swing at
   * least {@value #SIGH_SWING}× the median inhale edge, a breath of twice the tidal volume or more
   * (the usual definition of a sigh). People sigh a few times an hour to a few times a minute, and
   * after a sigh the breathing stops for a while at the exhaled level (post-sigh apnea, half a
   * breath to a breath or more), where a slow postural sway is all that moves the roller.
   */
  static boolean[] sighs(double[][] tp, boolean atTrough, double typicalSwing) {
    boolean[] out = new boolean[tp.length];
    for (int k = 0; k + 1 < tp.length; k++) {
      out[k] =
          startsInhale(tp[k], atTrough)
              && edgeSwing(tp, k) >= SIGH_SWING * typicalSwing;
    }
    return out;
  }

  /**
   * Whether the inhale edge starting at turning point k is the sway in a sigh's pause rather than a
   * breath: it is the first inhale edge after a sigh's exhale and swings less than {@value
   * #WIGGLE_SHARE} of the median inhale edge ({@code typicalSwing}). Breath depth varies by about a
   * fifth from breath to breath, so a breath that shallow is more than three of those below the
   * typical one, while a sway (a few hundredths of a degree to a tenth, over tens of seconds) turns
   * the angle by that much in the seconds the pause lasts.
   */
  private static boolean pauseWiggle(double[][] tp, boolean[] sigh, int k, double typicalSwing) {
    if (k < 2 || !sigh[k - 2] || k + 1 >= tp.length) return false;
    return edgeSwing(tp, k) < WIGGLE_SHARE * typicalSwing;
  }

  /**
   * Whether an inhale starts at this turning point ([t, v, peak?1:0]): a trough where inhales start
   * at troughs, a peak otherwise.
   */
  private static boolean startsInhale(double[] point, boolean inhaleAtTrough) {
    return (point[2] == 1) != inhaleAtTrough;
  }

  /** How far the angle swings along edge k, from turning point k to k+1 (degrees). */
  private static double edgeSwing(double[][] tp, int k) {
    return Math.abs(tp[k + 1][1] - tp[k][1]);
  }

  /** Median swing of the inhale edges among turning points; NaN if there is none. */
  private static double medianInhaleSwing(double[][] tp, boolean inhaleAtTrough) {
    double[] swings = new double[tp.length];
    int m = 0;
    for (int k = 0; k + 1 < tp.length; k++) {
      if (startsInhale(tp[k], inhaleAtTrough)) swings[m++] = edgeSwing(tp, k);
    }
    return m == 0 ? Double.NaN : Median.of(swings, m);
  }

  /** An inhale edge swinging this many times the median inhale edge is a sigh. */
  static final double SIGH_SWING = 2.0;

  /** An inhale edge right after a sigh's exhale swinging under this share of the median is sway. */
  static final double WIGGLE_SHARE = 0.35;

  /**
   * Times inside (fromS, toS) where the angle's rate, signed along the edge ({@code dir}), dips
   * between two humps to at most {@link #HIDDEN_DIP} of the smaller one; the deepest {@code most},
   * at least {@link #HIDDEN_CYCLE} of a breath period ({@code periodS}) apart.
   * Empty when the edge is no longer in the history.
   */
  private double[] rateDips(double fromS, double toS, double dir, int most, double periodS) {
    long oldest = Math.max(0, histCount - histT.length);
    long last = histCount - 1;
    long first = last;
    while (first > oldest && histT[(int) ((first - 1) % histT.length)] >= fromS) first--;
    if (first <= oldest && histT[(int) (oldest % histT.length)] > fromS) return new double[0];
    while (last > first && histT[(int) (last % histT.length)] > toS) last--;
    int w = (int) Math.max(1, Math.round(RATE_HALF_WIDTH_S * gridHz));
    int m = (int) (last - first + 1) - 2 * w;
    if (m < 3) return new double[0];
    // the rate along the edge, bounded by the turning points at its ends, where it is zero
    double[] rt = new double[m + 2];
    double[] r = new double[m + 2];
    rt[0] = fromS;
    rt[m + 1] = toS;
    for (int i = 0; i < m; i++) {
      int a = (int) ((first + i) % histT.length);
      int b = (int) ((first + i + 2 * w) % histT.length);
      int c = (int) ((first + i + w) % histT.length);
      rt[i + 1] = histT[c];
      r[i + 1] = dir * (histZ[b] - histZ[a]) / (histT[b] - histT[a]);
    }
    // the rate's humps and dips, turns of at least a quarter of the highest hump: every dip the test
    // below can accept next to a hump of at least half the highest one is among them
    double top = 0;
    for (double x : r) top = Math.max(top, x);
    if (!(top > 0)) return new double[0];
    int e = rezigzag(rt, r, m + 2, HIDDEN_DIP * top / 2);
    // a dip counts between two humps (local maxima) when it is at most HIDDEN_DIP of the smaller
    double[] dips = new double[e];
    double[] depth = new double[e];
    int nd = 0;
    for (int i = 1; i + 1 < e; i++) {
      if (!(r[i] < r[i - 1] && r[i] < r[i + 1])) continue;
      double hump = Math.min(r[i - 1], r[i + 1]);
      if (hump > 0 && r[i] <= HIDDEN_DIP * hump) {
        dips[nd] = rt[i];
        depth[nd++] = r[i] / hump;
      }
    }
    // each hidden breath takes a period: the deepest dips first, none within half a period of
    // another (a wiggle on one dip's flank is not a breath of its own)
    double[] kept = new double[Math.min(nd, most)];
    int nk = 0;
    boolean[] used = new boolean[nd];
    while (nk < kept.length) {
      int best = -1;
      for (int i = 0; i < nd; i++) if (!used[i] && (best < 0 || depth[i] < depth[best])) best = i;
      if (best < 0) break;
      used[best] = true;
      boolean apart = true;
      for (int j = 0; j < nk; j++) {
        if (Math.abs(kept[j] - dips[best]) < HIDDEN_CYCLE * periodS) apart = false;
      }
      if (apart) kept[nk++] = dips[best];
    }
    Arrays.sort(kept, 0, nk);
    return Arrays.copyOf(kept, nk);
  }

  /**
   * Turning points within this long of a still's start may be the stroke's own stop (its filtered
   * turning point lands up to a few tenths of a second after the stop); a breath later than this has
   * a turning point of its own.
   */
  static final double EDGE_WINDOW_S = 1.0;
  /**
   * An inhale edge shorter than this share of the person's median inhale, before the first breath
   * of a still and within one breath period of its start, is the roller settling after the stop
   * (the hip drop rocking it back and forth, edges of under a second), not a breath: breathing is
   * quasi-periodic, and an inhale at half the length of its neighbours would be a gasp. Taking it
   * out removed 0–31 over-counted holds per 1,200 on seeds 21–26 and added at most 2 under-counted
   * ones (docs/benchmarks.md, round 12).
   */
  static final double SETTLE_SHARE = 0.5;

  /**
   * The {@code count} onsets of {@code current} that are new against the first {@code announced}
   * of {@code done}: those farthest from any announced onset (an onset's time may move a little as
   * the still's medians change; a hidden breath appears between announced ones), in time order.
   */
  static double[] unannounced(double[] current, double[] done, int announced, int count) {
    int n = current.length;
    double[] distance = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      double d = Double.POSITIVE_INFINITY;
      for (int j = 0; j < announced; j++) d = Math.min(d, Math.abs(current[i] - done[j]));
      distance[i] = d;
      order[i] = i;
    }
    // farthest first; among equals the later (a new breath is more likely the latest)
    Arrays.sort(
        order,
        (a, b) -> distance[a] != distance[b] ? Double.compare(distance[b], distance[a]) : b - a);
    double[] out = new double[Math.min(count, n)];
    for (int k = 0; k < out.length; k++) out[k] = current[order[k]];
    Arrays.sort(out);
    return out;
  }

  /** Median duration of the inhale edges among turning points; NaN if there is none. */
  private static double medianInhale(double[][] tp, boolean inhaleAtTrough) {
    double[] d = new double[tp.length];
    int m = 0;
    for (int k = 1; k < tp.length; k++) {
      if (startsInhale(tp[k - 1], inhaleAtTrough)) d[m++] = tp[k][0] - tp[k - 1][0];
    }
    return m == 0 ? Double.NaN : Median.of(d, m);
  }

  /**
   * Whether inhales start at θ troughs (θ rising while breathing in): rising edges shorter on
   * average than falling ones means inhale = rising.
   */
  static boolean inhaleStartsAtTrough(double[][] tp) {
    double[] rise = new double[tp.length];
    double[] fall = new double[tp.length];
    int rises = 0;
    int falls = 0;
    for (int k = 1; k < tp.length; k++) {
      double d = tp[k][0] - tp[k - 1][0];
      if (tp[k][2] == 1) rise[rises++] = d;
      else fall[falls++] = d;
    }
    if (rises == 0 || falls == 0) return true;
    // medians: one long edge (a breath lost on a drifting angle, a pause) must not decide it
    return Median.of(rise, rises) <= Median.of(fall, falls);
  }

  /** The filtered rocking angle after the latest sample (degrees), for displays. */
  double rockingDeg() {
    return Double.isNaN(lastY) ? 0 : lastY;
  }

  /**
   * Median of the last {@code size} non-negative values, from a histogram of logarithmic bins (5 %
   * wide, 1e-4 to 1e4) whose median bin is moved incrementally: constant work per sample whatever
   * the window, 5 % resolution (plenty for a threshold that is a multiple of it).
   */
  static final class RunningMedian {
    private static final double LO = 1e-4;
    private static final double STEP = Math.log(1.05);
    private static final int BINS = (int) Math.ceil(Math.log(1e8) / STEP) + 2;
    private final int[] window;
    private final int[] counts = new int[BINS];
    private long added;
    /** Current median bin and how many values lie in bins below it. */
    private int m;
    private int below;
    private int next;
    /** The median's value for bin {@link #medianBin}: exp only when the median moves to another bin. */
    private double medianValue;
    private int medianBin = -1;

    RunningMedian(int size) {
      window = new int[Math.max(1, size)];
    }

    void add(double x) {
      int b = bin(x);
      int slot = next; // == added % length, without a long division per grid sample
      next = next + 1 == window.length ? 0 : next + 1;
      if (added >= window.length) {
        int old = window[slot];
        counts[old]--;
        if (old < m) below--;
      }
      window[slot] = b;
      counts[b]++;
      if (b < m) below++;
      added++;
      long n = Math.min(added, window.length);
      long half = (n + 1) / 2;
      while (below >= half && m > 0) {
        m--;
        below -= counts[m];
      }
      while (below + counts[m] < half && m < BINS - 1) {
        below += counts[m];
        m++;
      }
    }

    /** The median so far (NaN before the first value). */
    double median() {
      if (added == 0) return Double.NaN;
      if (m != medianBin) {
        medianValue = m == 0 ? 0 : LO * Math.exp((m - 0.5) * STEP);
        medianBin = m;
      }
      return medianValue;
    }

    private static int bin(double x) {
      if (!(x > LO)) return 0;
      return Math.min(BINS - 1, 1 + (int) (Math.log(x / LO) / STEP));
    }
  }
}
