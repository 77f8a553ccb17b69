package com.rollercoach.core.coach.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #KEEP_S} s of the roller's angle (from the contact position and the roller's radius:
 * θ = s / r), one point every {@value #STEP_S} s, and the evidence the coach reads from it about a still
 * period: the hip drop that starts the extension hold, and rocking on a tender spot.
 *
 * <p>Both are read from the zig-zag of the angle: its legs are the monotone moves between turning
 * points, a turn counting only once the angle has come back by {@value #TURN_DEG}° (breathing and
 * sensor noise wobble the angle by a fraction of a degree and must not split a move).
 */
final class RollTrace {
  static final double STEP_S = 0.1;
  static final double KEEP_S = 40;

  /** Reversals smaller than this are wobble, not a new move: breathing rocks a loaded roller < 1°. */
  static final double TURN_DEG = 0.6;

  /**
   * The hip drop: lowering the hips to the floor with the roller at mid back slides the back over the
   * roller by a body's distance, 0.5–1.8 cm along the back over 0.8–2 s (the simulator draws that;
   * the definitions' "5–20° roll" is that distance on a 15 cm roller). The bounds are therefore
   * distances along the back, not angles: the same drop turns a 10 cm roller 1.5 times as far as a
   * 15 cm one (θ = s / r), and a 20° limit rejected a 1.8 cm drop on a 10 cm roller (21°).
   *
   * <p>The upper bound keeps a nudge back onto a tender spot (2.5–3.5 cm, the smallest deliberate
   * move that is not a drop) from reading as the drop: the largest drop, 1.8 cm, measures up to ~6 %
   * more through foam flattening and the sensor's scale error, plus breathing's ≤ 1.2° (0.16 cm on a
   * 15 cm roller) ≈ 2.07 cm; the smallest nudge measures no less than 2.5 × 0.94 − 0.16 ≈ 2.19 cm.
   * A pass (≥ 5 cm) is far beyond it.
   *
   * <p>The lower bound is 0.5 cm less the ≤ 0.15 cm of it that merges into the tail of the move
   * before when the patient drops the hips without pausing (the moves are split where the speed dips,
   * see {@link #moves}). Breathing can never make a move of its own (it turns the roller < 0.5°/s,
   * under {@link #STOP_DEG_S}), so the lower bound need not clear it.
   */
  static final double DROP_MIN_CM = 0.35;
  static final double DROP_MAX_CM = 2.2;
  static final double DROP_MAX_S = 2.6;

  /**
   * Rocking on a tender spot: deliberate rocks of several degrees each way. 3° is three times what
   * breathing moves the roller, and three legs (there and back and there) make it a rhythm rather
   * than one shift of weight.
   */
  static final double ROCK_DEG = 3;
  static final int ROCK_LEGS = 3;

  private final double radiusCm;
  private final int capacity = (int) Math.round(KEEP_S / STEP_S);
  private final double[] t = new double[capacity];
  private final double[] deg = new double[capacity];
  private final double[] speed = new double[capacity];
  private int size;
  private int head; // next write index
  private double nextS = Double.NEGATIVE_INFINITY;

  RollTrace(double rollerDiameterCm) {
    this.radiusCm = rollerDiameterCm / 2;
  }

  void add(double tS, double positionCm, double speedCmS) {
    if (tS < nextS) return;
    nextS = tS + STEP_S;
    t[head] = tS;
    deg[head] = Math.toDegrees(positionCm / radiusCm);
    speed[head] = Math.toDegrees(speedCmS / radiusCm);
    head = (head + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  void clear() {
    size = 0;
    nextS = Double.NEGATIVE_INFINITY;
  }

  /** A leg of the zig-zag: a monotone move from one turning point to the next. */
  record Leg(double fromS, double toS, double deg) {
    double durationS() {
      return toS - fromS;
    }
  }

  /** The zig-zag legs of the points from {@code fromS} on, oldest first; the last leg may be unfinished. */
  List<Leg> legs(double fromS) {
    List<Leg> legs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < size; i++) {
      if (time(i) >= fromS) {
        start = i;
        break;
      }
    }
    if (start < 0) return legs;
    double pivotT = time(start);
    double pivot = angle(start);
    double extremeT = pivotT;
    double extreme = pivot;
    int dir = 0;
    for (int i = start + 1; i < size; i++) {
      double a = angle(i);
      double ti = time(i);
      if (dir == 0) {
        if (Math.abs(a - pivot) >= TURN_DEG) {
          dir = a > pivot ? 1 : -1;
          extreme = a;
          extremeT = ti;
        }
        continue;
      }
      if ((a - extreme) * dir > 0) {
        extreme = a;
        extremeT = ti;
      } else if ((extreme - a) * dir >= TURN_DEG) {
        legs.add(new Leg(pivotT, extremeT, extreme - pivot));
        pivot = extreme;
        pivotT = extremeT;
        extreme = a;
        extremeT = ti;
        dir = -dir;
      }
    }
    if (dir != 0) legs.add(new Leg(pivotT, extremeT, extreme - pivot));
    return legs;
  }

  /**
   * Below this angular speed the roller counts as stopped between two moves: a hip drop that follows
   * the move to mid back without a pause still dips under it (the minimum-jerk movements of a body
   * come to rest between two intentions), while breathing stays far below it (< 0.5°/s).
   */
  static final double STOP_DEG_S = 2;

  /**
   * A dip in the speed splits two moves when the speed falls to at most this fraction of the smaller
   * of the peaks on its two sides. Each deliberate movement of a body has a single-peaked speed
   * (minimum-jerk, Flash & Hogan 1985); two overlapping ones show a dip between them. A fast roller's
   * last stroke runs straight into the hip drop: it slowed to 4°/s, never under {@link #STOP_DEG_S},
   * and the drop merged into the stroke (a 46° "move").
   */
  static final double DIP_RATIO = 0.6;

  /**
   * ... and by at least this much below that smaller peak: 4 times breathing's speed and far above the
   * gyro's noise (≈ 0.1°/s in the pipeline's 0.1 s steps), so wobble on a steady stroke never splits it.
   */
  static final double DIP_DEG_S = 2;

  /** A move between two stops: from the last stopped point before it to the first one after. */
  record Move(double fromS, double toS, double deg) {
    double durationS() {
      return toS - fromS;
    }
  }

  /**
   * The moves of the points from {@code fromS} on: split where the roller (nearly) stops, where it
   * reverses, and where its speed dips between two movements ({@link #DIP_RATIO}).
   */
  List<Move> moves(double fromS) {
    List<Move> moves = new ArrayList<>();
    int first = -1;
    for (int i = 0; i < size; i++) {
      if (time(i) >= fromS) {
        first = i;
        break;
      }
    }
    if (first < 0) return moves;
    int n = size - first;
    boolean[] split = new boolean[n];
    for (int k = 0; k < n; k++) split[k] = Math.abs(speed(first + k)) < STOP_DEG_S;
    for (int k = 0; k + 1 < n; k++) {
      double a = speed(first + k);
      double b = speed(first + k + 1);
      if (a * b < 0) split[Math.abs(a) <= Math.abs(b) ? k : k + 1] = true; // a reversal
    }
    // dips: a local minimum of |speed| well under the peaks on both sides (up to the next split)
    for (int k = 1; k + 1 < n; k++) {
      if (split[k]) continue;
      double v = Math.abs(speed(first + k));
      if (v > Math.abs(speed(first + k - 1)) || v > Math.abs(speed(first + k + 1))) continue;
      double before = 0;
      for (int j = k - 1; j >= 0 && !split[j]; j--) before = Math.max(before, Math.abs(speed(first + j)));
      double after = 0;
      for (int j = k + 1; j < n && !split[j]; j++) after = Math.max(after, Math.abs(speed(first + j)));
      double smaller = Math.min(before, after);
      if (v <= DIP_RATIO * smaller && smaller - v >= DIP_DEG_S) split[k] = true;
    }
    int lastSplit = -1;
    boolean moving = false;
    for (int k = 0; k < n; k++) {
      if (split[k]) {
        if (moving && lastSplit >= 0) {
          moves.add(new Move(time(first + lastSplit), time(first + k),
              angle(first + k) - angle(first + lastSplit)));
        }
        moving = false;
        lastSplit = k;
      } else {
        moving = true;
      }
    }
    return moves;
  }

  /**
   * Whether the roller made a hip drop around {@code stillSinceS}, the start of a still period: the
   * last move before the still, a separate move of {@value #DROP_MIN_CM}–{@value #DROP_MAX_CM} cm
   * along the back over at most 2.6 s, ending within 3 s of it. The still detector puts the start
   * either at the end of the drop (when the landing shock is seen) or at the end of the last stroke
   * just before it, hence the window on both sides. Only the last move counts: the hold begins where
   * the drop ends, and nothing but breathing moves the roller in between. Any move in the window
   * took a short last piece of a stroke before a nudge back onto a tender spot (2.7 cm, itself no
   * drop) for the drop, and the tender spot was coached as the hold (simulate --seed 5 --profile
   * pauser).
   */
  boolean hipDropAround(double stillSinceS) {
    Move last = null;
    for (Move m : moves(stillSinceS - 8)) {
      if (m.toS() <= stillSinceS + 3) last = m;
    }
    if (last == null || last.toS() < stillSinceS - 3) return false;
    double size = Math.toRadians(Math.abs(last.deg())) * radiusCm;
    return size >= DROP_MIN_CM && size <= DROP_MAX_CM && last.durationS() <= DROP_MAX_S;
  }

  /** Whether the roller has been rocked back and forth since {@code fromS} (see {@link #ROCK_DEG}). */
  boolean rockingSince(double fromS) {
    int n = 0;
    for (Leg leg : legs(fromS)) {
      n = Math.abs(leg.deg()) >= ROCK_DEG ? n + 1 : 0;
      if (n >= ROCK_LEGS) return true;
    }
    return false;
  }

  private int index(int i) {
    return (head - size + i + capacity) % capacity;
  }

  private double time(int i) {
    return t[index(i)];
  }

  private double speed(int i) {
    return speed[index(i)];
  }

  private double angle(int i) {
    return deg[index(i)];
  }
}
