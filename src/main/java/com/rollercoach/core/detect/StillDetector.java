package com.rollercoach.core.detect;

import com.rollercoach.core.signal.SlidingExtremes;

/**
 * Finds still-loaded segments (definitions.md): while a person is on the roller, the contact point
 * stays within a {@value #BAND_CM} cm band (max − min) for at least {@value #MIN_DURATION_S} s.
 *
 * <p>Detection uses the sliding-window range of s (Lemire's min/max filter): once the last 8 s fit
 * in the band a segment is running; it keeps running while every new sample keeps the segment's own
 * range within the band. Boundaries are then placed where the roller actually stopped and started,
 * not at the edges of the widest band-sized window (which reach into the neighbouring strokes):
 *
 * <ul>
 *   <li>start: the place the roller rests at is its mean position over the last {@value
 *       #REST_PLACE_S} s, and breathing or rocking swing it by at most their largest excursion
 *       there; going back, the roller arrived after the last moment it was farther away than that
 *       (plus {@value #ARRIVAL_CM} cm), and its approach stopped when its speed towards the place
 *       fell under {@value #STOP_CM_S} cm/s; if within {@value #HIP_DROP_WINDOW_S} s a one-way roll
 *       of {@value #HIP_DROP_MIN_DEG}–{@value #HIP_DROP_MAX_DEG}° over at most {@value
 *       #HIP_DROP_MAX_S} s follows (the hips dropping to the floor before the hold), the end of that
 *       roll — recognised by its motion, not by a shock flag;
 *   <li>end: when the band is left, back from that sample to where the departing movement began
 *       (speed in the departure direction last under {@value #STOP_CM_S} cm/s), or the moment the
 *       person began getting off.
 * </ul>
 *
 * Breathing, the heartbeat and gentle rocking on a tender spot stay inside the band and are not
 * movement.
 */
final class StillDetector {
  static final double BAND_CM = 3.0;
  static final double MIN_DURATION_S = 8.0;
  static final double STOP_CM_S = 0.2;
  /** The resting place is the mean position over the last seconds of the detection window. */
  static final double REST_PLACE_S = 4.0;
  /** The approach has arrived when it is this close to the resting place. */
  static final double ARRIVAL_CM = 0.15;
  /** How soon after the last stroke stops the hip drop that starts the hold may begin. */
  static final double HIP_DROP_WINDOW_S = 4.0;
  /**
   * The hip drop by its motion: dropping the hips to the floor rolls the roller under the back by
   * 5–20° in one direction over 1–2 s (up to {@value #HIP_DROP_MAX_S} s here); a shock alone (a heel,
   * a knock) moves nothing and is not one.
   */
  static final double HIP_DROP_MIN_DEG = 5.0;
  static final double HIP_DROP_MAX_DEG = 20.0;
  static final double HIP_DROP_MAX_S = 2.5;

  private final GridHistory history;
  private final SlidingExtremes window;
  private double armedSinceS = Double.NaN;
  private double lastEndS = Double.NEGATIVE_INFINITY;
  private boolean running;
  private double startS;
  private double lo;
  private double hi;
  private double positionCm;
  /** cm of contact travel per degree of roll (π r / 180), NaN until known. */
  private double cmPerDeg = Double.NaN;

  StillDetector(GridHistory history, int capacity) {
    this.history = history;
    this.window = new SlidingExtremes(MIN_DURATION_S, capacity);
  }

  /** The roller's radius, as cm of travel per degree of roll, to judge the hip drop's roll. */
  void cmPerDegree(double cm) {
    cmPerDeg = cm;
  }

  /** Starts looking (a person is on and settled), from the newest sample on. */
  void arm() {
    window.clear();
    armedSinceS = history.t(history.newest());
    running = false;
  }

  /** Stops looking (the person is off); a running segment must be ended with {@link #end} first. */
  void disarm() {
    armedSinceS = Double.NaN;
    running = false;
    window.clear();
  }

  boolean armed() {
    return !Double.isNaN(armedSinceS);
  }

  boolean running() {
    return running;
  }

  double startS() {
    return startS;
  }

  double positionCm() {
    return positionCm;
  }

  /**
   * Judges the newest history sample.
   *
   * @return NaN when nothing changed; otherwise, if a segment just started, its start time (check
   *     {@link #running()}), or if it just ended, its end time
   */
  double update() {
    if (!armed()) return Double.NaN;
    long i = history.newest();
    double t = history.t(i);
    double s = history.s(i);
    window.add(t, s);
    if (!running) {
      boolean longEnough = t - Math.max(armedSinceS, lastEndS) >= MIN_DURATION_S;
      if (longEnough && window.max() - window.min() <= BAND_CM) {
        running = true;
        lo = window.min();
        hi = window.max();
        startS = placeStart();
        bandSince(startS);
        positionCm = (lo + hi) / 2;
        return startS;
      }
      return Double.NaN;
    }
    double newLo = Math.min(lo, s);
    double newHi = Math.max(hi, s);
    if (newHi - newLo <= BAND_CM) {
      lo = newLo;
      hi = newHi;
      return Double.NaN;
    }
    running = false;
    lastEndS = placeEnd(i, s > hi ? 1 : -1);
    return lastEndS;
  }

  /**
   * The band is that of the segment itself, from its start: the detection window may still hold the
   * tail of the stroke that led into it, and a band stretched by that tail would end the segment at
   * the first breath that rocks the other way.
   */
  private void bandSince(double fromS) {
    lo = history.minSince(fromS);
    hi = history.maxSince(fromS);
  }

  /** Ends a running segment at {@code endS} (the person began getting off). */
  double end(double endS) {
    running = false;
    lastEndS = Math.max(endS, startS);
    return lastEndS;
  }

  private double placeStart() {
    long newest = history.newest();
    long oldest = Math.max(history.oldest(), history.indexAt(Math.max(armedSinceS, lastEndS)));
    // The place the roller rests at, and how far breathing or rocking on a tender spot swing it.
    double fromS = history.t(newest) - REST_PLACE_S;
    double rest = meanSince(fromS);
    double reach = 0;
    for (long k = history.indexAt(fromS); k <= newest; k++) {
      reach = Math.max(reach, Math.abs(history.s(k) - rest));
    }
    reach += ARRIVAL_CM;
    // Back from now to the last moment the roller was farther away than that: it arrived just after.
    long i = newest;
    while (i > oldest && Math.abs(history.s(i - 1) - rest) <= reach) i--;
    double approach = Math.signum(history.v(i));
    while (i < newest && history.v(i) * approach > STOP_CM_S) i++;
    // Dropping the hips onto the floor (before the extension hold) rolls the roller a little more,
    // in one go: the segment starts when that roll has settled.
    double stopS = history.t(i);
    long k = i;
    while (k < newest && history.t(k) <= stopS + HIP_DROP_WINDOW_S) {
      if (Math.abs(history.v(k)) <= STOP_CM_S) {
        k++;
        continue;
      }
      long from = k;
      double dir = Math.signum(history.v(k));
      while (k < newest && history.v(k) * dir > STOP_CM_S) k++;
      double rollDeg = Math.abs(history.s(k) - history.s(from)) / cmPerDeg;
      boolean drop =
          rollDeg >= HIP_DROP_MIN_DEG
              && rollDeg <= HIP_DROP_MAX_DEG
              && history.t(k) - history.t(from) <= HIP_DROP_MAX_S;
      if (drop) i = k;
    }
    return history.t(i);
  }

  private double meanSince(double fromS) {
    double sum = 0;
    int n = 0;
    for (long k = history.indexAt(fromS); k <= history.newest(); k++) {
      sum += history.s(k);
      n++;
    }
    return sum / n;
  }

  private double placeEnd(long exit, int departure) {
    long i = exit;
    long oldest = Math.max(history.oldest(), history.indexAt(startS));
    while (i > oldest && history.v(i - 1) * departure > STOP_CM_S) i--;
    return Math.max(history.t(i), startS);
  }
}
