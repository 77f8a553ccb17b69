package com.rollercoach.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The pass rules of {@code definitions.md}, applied literally to a position trace: the simulator's
 * reference for the truth, written independently of the pipeline's detector.
 *
 * <p>A stroke is a maximal one-way movement of s; it ends only when s comes back ≥ 2 cm from the
 * stroke's running extreme, and its travel runs from turning point to turning point. A pass is a
 * stroke of ≥ 5 cm; the unfinished last stroke counts if it reaches 5 cm. When s stays on a stroke's
 * extreme for a while (a pause at the end of a stroke) or comes back to it, the turning point is the
 * last moment there, when the next stroke leaves it — as the conformance traces have it. Before the
 * first stroke, the trace's first point is the starting point unless s goes further the other way.
 */
public final class ReferenceStrokeSegmenter {
  /** A reversal must reach this far back from the running extreme to end a stroke, cm. */
  public static final double REVERSAL_CM = 2.0;

  /** Shortest stroke that is a pass, cm. */
  public static final double MIN_PASS_CM = 5.0;

  /** Slack for decimal traces: 5.000 written as 4.9999999 must still count. */
  private static final double EPS = 1e-9;

  /** One stroke, turning point to turning point. */
  public record Stroke(double startS, double endS, double fromCm, double toCm) {
    public double travelCm() {
      return Math.abs(toCm - fromCm);
    }

    public boolean isPass() {
      return travelCm() >= MIN_PASS_CM - EPS;
    }

    public int direction() {
      return toCm >= fromCm ? 1 : -1;
    }
  }

  private final List<Stroke> strokes = new ArrayList<>();
  private int dir;
  private boolean started;
  // while the direction is unknown: running min and max, and the opposite extreme since each
  private double minS, minT, maxS, maxT, maxSinceMinS, maxSinceMinT, minSinceMaxS, minSinceMaxT;
  // while in a stroke: where it started, its running extreme, the opposite extreme since then
  private double fromS, fromT, extS, extT, backS, backT;

  /** The next point of the trace; times increase. */
  public void accept(double t, double s) {
    if (!started) {
      started = true;
      minS = maxS = maxSinceMinS = minSinceMaxS = s;
      minT = maxT = maxSinceMinT = minSinceMaxT = t;
    } else if (dir == 0) {
      undecided(t, s);
    } else {
      inStroke(t, s);
    }
  }

  private void undecided(double t, double s) {
    if (s < minS) {
      minS = s;
      minT = t;
      maxSinceMinS = s;
      maxSinceMinT = t;
    } else if (s >= maxSinceMinS) {
      maxSinceMinS = s;
      maxSinceMinT = t;
    }
    if (s > maxS) {
      maxS = s;
      maxT = t;
      minSinceMaxS = s;
      minSinceMaxT = t;
    } else if (s <= minSinceMaxS) {
      minSinceMaxS = s;
      minSinceMaxT = t;
    }
    if (s - minS >= REVERSAL_CM - EPS) {
      begin(1, minT, minS, maxSinceMinT, maxSinceMinS);
    } else if (maxS - s >= REVERSAL_CM - EPS) {
      begin(-1, maxT, maxS, minSinceMaxT, minSinceMaxS);
    }
  }

  private void begin(int direction, double t0, double s0, double tExt, double sExt) {
    dir = direction;
    fromT = t0;
    fromS = s0;
    extT = backT = tExt;
    extS = backS = sExt;
  }

  private void inStroke(double t, double s) {
    if (dir * (s - extS) >= 0) {
      extS = s;
      extT = t;
      backS = s;
      backT = t;
    } else if (dir * (s - backS) <= 0) {
      backS = s;
      backT = t;
    }
    if (dir * (extS - s) >= REVERSAL_CM - EPS) {
      strokes.add(new Stroke(fromT, extT, fromS, extS));
      begin(-dir, extT, extS, backT, backS);
    }
  }

  /** Closes the unfinished last stroke and returns every stroke, in order. */
  public List<Stroke> finish() {
    if (dir != 0) {
      strokes.add(new Stroke(fromT, extT, fromS, extS));
      dir = 0;
      started = false;
    }
    return List.copyOf(strokes);
  }

  /** The passes among strokes. */
  public static List<Stroke> passes(List<Stroke> strokes) {
    return strokes.stream().filter(Stroke::isPass).toList();
  }

  /**
   * Rolls: up-and-down pairs of passes. Passes pair greedily in order: a pass pairs with the next one
   * if they go opposite ways, else the later one waits for its partner.
   */
  public static int rolls(List<Stroke> passes) {
    int rolls = 0;
    Stroke pending = null;
    for (Stroke p : passes) {
      if (pending != null && pending.direction() != p.direction()) {
        rolls++;
        pending = null;
      } else {
        pending = p;
      }
    }
    return rolls;
  }
}
