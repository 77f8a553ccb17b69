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
   * The hip drop: lowering the hips to the floor with the roller at mid back rolls it by 5–20° over
   * 1–2 s (the definitions; the simulator draws 0.5–1.8 cm over 0.8–2 s on a 15 cm roller). A pass is
   * ≥ 5 cm, i.e. ≥ 38° on a 15 cm roller, so it can never pass for one; durations get a margin for
   * where the turning point falls on the 0.1 s grid. The lower bound is 5° less the ≤ 1.5° of it that
   * merges into the move before when the patient drops the hips without pausing (the moves are split
   * where the roller nearly stops, see {@link #STOP_DEG_S}); still 3–4 times what breathing moves it.
   */
  static final double DROP_MIN_DEG = 3.5;
  static final double DROP_MAX_DEG = 20;
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

  /** A move between two stops: from the last stopped point before it to the first one after. */
  record Move(double fromS, double toS, double deg) {
    double durationS() {
      return toS - fromS;
    }
  }

  /** The moves of the points from {@code fromS} on, split where the roller (nearly) stops. */
  List<Move> moves(double fromS) {
    List<Move> moves = new ArrayList<>();
    int lastStop = -1;
    boolean moving = false;
    for (int i = 0; i < size; i++) {
      if (time(i) < fromS) continue;
      boolean stopped = Math.abs(speed(i)) < STOP_DEG_S;
      if (stopped) {
        if (moving && lastStop >= 0) moves.add(new Move(time(lastStop), time(i), angle(i) - angle(lastStop)));
        moving = false;
        lastStop = i;
      } else {
        moving = true;
      }
    }
    return moves;
  }

  /**
   * Whether the roller made a hip drop around {@code stillSinceS}, the start of a still period: a
   * separate move of 5–20° over at most 2.6 s ending within 3 s of it. The still detector puts the
   * start either at the end of the drop (when the landing shock is seen) or at the end of the last
   * stroke just before it, hence the window on both sides.
   */
  boolean hipDropAround(double stillSinceS) {
    for (Move m : moves(stillSinceS - 8)) {
      double size = Math.abs(m.deg());
      boolean near = m.toS() >= stillSinceS - 3 && m.toS() <= stillSinceS + 3;
      if (near && size >= DROP_MIN_DEG && size <= DROP_MAX_DEG && m.durationS() <= DROP_MAX_S) {
        return true;
      }
    }
    return false;
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
