package com.rollercoach.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a contact-position series s(t) into strokes and reports those that are passes, exactly as
 * {@code definitions.md} defines them:
 *
 * <ul>
 *   <li>a stroke is a maximal one-way movement of s; it ends only when s moves back at least {@code
 *       hysteresisCm} (2 cm) from the stroke's running extreme, so smaller reversals are absorbed;
 *   <li>its travel runs from turning point to turning point (extreme to extreme);
 *   <li>a pass is a stroke whose travel is at least {@code minTravelCm} (5 cm); the stroke still open
 *       when the series ends ({@link #finish}) counts too.
 * </ul>
 *
 * <p>This is the classic peak/trough picker with a hysteresis (dead-band) threshold, as used for
 * turning-point detection in zig-zag indicators: O(1) per sample, no buffering. When s rests at an
 * extreme for a while (within a tie tolerance), the turning point is the last sample there — the
 * moment the reversal starts — so a pause at the end of a stroke belongs to that stroke, as in the
 * reference segmentation.
 *
 * <p>Pure and streaming: feed samples in time order with {@link #accept}; passes are handed to the
 * consumer as soon as they are known (when the reversal exceeds the hysteresis, i.e. 2 cm after the
 * turning point).
 */
public final class PassSegmenter {
  /** Reversals smaller than this do not end a stroke (definitions.md). */
  public static final double HYSTERESIS_CM = 2.0;
  /** A stroke is a pass from this travel on (definitions.md). */
  public static final double MIN_TRAVEL_CM = 5.0;

  /**
   * Positions this close to the running extreme count as still being there, so that when s pauses
   * at a turning point the turning point is the end of the pause. For exact series (the reference
   * traces, rounded to 0.001 cm) a few rounding steps; series measured by a sensor pass their noise
   * level instead (see {@link #withTieTolerance}).
   */
  public static final double EXACT_TIE_CM = 0.004;

  private final double hysteresisCm;
  private final double minTravelCm;
  private double tieCm = EXACT_TIE_CM;
  private final Consumer<Pass> out;

  private int direction; // 0 until the first stroke's direction is known, then +1 / −1
  private boolean started;
  private double startT;
  private double startS;
  private double extT;
  private double extS;
  // Before the first direction is known: the lowest and highest points so far.
  private double minT;
  private double minS;
  private double maxT;
  private double maxS;
  private int passes;

  public PassSegmenter(Consumer<Pass> out) {
    this(HYSTERESIS_CM, MIN_TRAVEL_CM, out);
  }

  public PassSegmenter(double hysteresisCm, double minTravelCm, Consumer<Pass> out) {
    this.hysteresisCm = hysteresisCm;
    this.minTravelCm = minTravelCm;
    this.out = out;
  }

  /** Treats positions within {@code cm} of a stroke's extreme as still at the extreme. */
  public PassSegmenter withTieTolerance(double cm) {
    this.tieCm = cm;
    return this;
  }

  /** Segments a whole series at once (tests, offline tools). */
  public static List<Pass> segment(double[] tS, double[] sCm) {
    List<Pass> passes = new ArrayList<>();
    PassSegmenter seg = new PassSegmenter(passes::add);
    for (int i = 0; i < tS.length; i++) seg.accept(tS[i], sCm[i]);
    seg.finish();
    return passes;
  }

  public void accept(double t, double s) {
    if (!started) {
      started = true;
      minT = maxT = t;
      minS = maxS = s;
      return;
    }
    if (direction == 0) {
      acceptUndecided(t, s);
    } else if ((s - extS) * direction >= 0) {
      extT = t;
      extS = s;
    } else if ((extS - s) * direction <= tieCm) {
      extT = t; // still at the extreme, within noise: the turning point is when it leaves
    } else if ((extS - s) * direction >= hysteresisCm) {
      endStroke();
      startT = extT;
      startS = extS;
      direction = -direction;
      extT = t;
      extS = s;
    }
  }

  /**
   * Ends the stroke in progress (the series ended, or the person got off): it counts as a pass if its
   * travel so far reaches the minimum. The segmenter is then empty, ready for a new series.
   */
  public void finish() {
    if (direction != 0) endStroke();
    started = false;
    direction = 0;
  }

  /** The segmenter's whole state, to go back to (see {@link #restore}). */
  public record Snapshot(
      int direction, boolean started, double startT, double startS, double extT, double extS,
      double minT, double minS, double maxT, double maxS, int passes) {}

  public Snapshot snapshot() {
    return new Snapshot(direction, started, startT, startS, extT, extS, minT, minS, maxT, maxS, passes);
  }

  /**
   * Returns to an earlier state, so that samples fed since can be fed again differently (the
   * pipeline uses it to end the series where a person began getting off, after it has already seen
   * some of the getting off).
   */
  public void restore(Snapshot s) {
    direction = s.direction;
    started = s.started;
    startT = s.startT;
    startS = s.startS;
    extT = s.extT;
    extS = s.extS;
    minT = s.minT;
    minS = s.minS;
    maxT = s.maxT;
    maxS = s.maxS;
    passes = s.passes;
  }

  /** Passes reported so far. */
  public int passCount() {
    return passes;
  }

  /** Whether a stroke is in progress and it has already travelled far enough to be a pass. */
  public boolean strokeIsPass() {
    return direction != 0 && Math.abs(extS - startS) >= minTravelCm;
  }

  /**
   * The stroke in progress as it would be reported if it ended now (number {@link #passCount()} + 1,
   * from its starting turning point to its running extreme), or null when no stroke has a direction.
   */
  public Pass openStroke() {
    return direction == 0 ? null : new Pass(passes + 1, startT, extT, startS, extS);
  }

  /** The open stroke's travel so far, cm, as {@link #openStroke()}'s would be (NaN when none). */
  public double openTravelCm() {
    return direction == 0 ? Double.NaN : Math.abs(extS - startS);
  }

  /** The running extreme of the stroke in progress (NaN when no stroke has a direction yet). */
  public double extremeTimeS() {
    return direction != 0 ? extT : Double.NaN;
  }

  private void acceptUndecided(double t, double s) {
    if (s <= minS) {
      minS = s;
      minT = t;
    }
    if (s >= maxS) {
      maxS = s;
      maxT = t;
    }
    if (s - minS >= hysteresisCm) {
      direction = 1;
      startT = minT;
      startS = minS;
      extT = t;
      extS = s;
    } else if (maxS - s >= hysteresisCm) {
      direction = -1;
      startT = maxT;
      startS = maxS;
      extT = t;
      extS = s;
    }
  }

  private void endStroke() {
    if (Math.abs(extS - startS) >= minTravelCm) {
      out.accept(new Pass(++passes, startT, extT, startS, extS));
    }
  }
}
