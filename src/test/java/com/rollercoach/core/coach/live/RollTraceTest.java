package com.rollercoach.core.coach.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RollTraceTest {
  /** Position of a minimum-jerk move of {@code cm} over {@code seconds} starting at {@code fromS}. */
  private static double mj(double t, double fromS, double seconds, double cm) {
    double f = Math.max(0, Math.min(1, (t - fromS) / seconds));
    return cm * f * f * f * (10 - 15 * f + 6 * f * f);
  }

  private static double mjSpeed(double t, double fromS, double seconds, double cm) {
    double f = (t - fromS) / seconds;
    if (f <= 0 || f >= 1) return 0;
    return cm / seconds * 30 * f * f * (1 - f) * (1 - f);
  }

  /** Feeds s(t) with its speed from 0 to {@code untilS} at the pipeline's rate (100 Hz). */
  private static RollTrace trace(double diameterCm, double untilS, DoubleUnaryOperator s, DoubleUnaryOperator v) {
    RollTrace trace = new RollTrace(diameterCm);
    for (double t = 0; t <= untilS; t += 0.01) trace.add(t, s.applyAsDouble(t), v.applyAsDouble(t));
    return trace;
  }

  /**
   * The drop is a distance along the back (0.5–1.8 cm), not an angle: 1.8 cm turns a 10 cm roller by
   * 20.6°, which the 20° limit rejected (simulate --seed 7: 21°, the hold never coached).
   */
  @Test
  void aHipDropOfOnePointEightCentimetresCountsOnATenCentimetreRoller() {
    // a stroke of 20 cm ending at 6 s, a pause, a 1.8 cm drop over 1.6 s from 7 s; still from 8.6 s
    RollTrace trace = trace(10, 20,
        t -> mj(t, 4, 2, 20) + mj(t, 7, 1.6, 1.8), t -> mjSpeed(t, 4, 2, 20) + mjSpeed(t, 7, 1.6, 1.8));
    assertTrue(trace.hipDropAround(8.6), "a 1.8 cm drop on a 10 cm roller");
  }

  /**
   * A nudge back onto a tender spot (2.5–3.5 cm) is not the drop, on any roller: 2.6 cm on a 15 cm
   * roller is 19.9°, which the 20° limit let through as the hip drop.
   */
  @Test
  void aNudgeOfTwoPointSixCentimetresIsNotAHipDropOnAFifteenCentimetreRoller() {
    RollTrace trace = trace(15, 20,
        t -> mj(t, 4, 2, 20) - mj(t, 7, 1.6, 2.6), t -> mjSpeed(t, 4, 2, 20) - mjSpeed(t, 7, 1.6, 2.6));
    assertFalse(trace.hipDropAround(8.6), "a 2.6 cm nudge");
  }

  /**
   * A fast roller's last stroke runs straight into the drop: the speed dips between the two movements
   * but never under 2°/s, and the drop merged into the stroke (simulate --seed 8, --seed 6).
   */
  @Test
  void aHipDropRightAfterAFastStrokeIsSplitFromItAtTheSpeedDip() {
    // 20 cm in 2 s (10 cm/s) ending at 10 s; a 1.2 cm drop over 1.4 s from 9.8 s
    DoubleUnaryOperator v = t -> mjSpeed(t, 8, 2, 20) + mjSpeed(t, 9.8, 1.4, 1.2);
    RollTrace trace = trace(15, 25, t -> mj(t, 8, 2, 20) + mj(t, 9.8, 1.4, 1.2), v);
    double slowest = Double.POSITIVE_INFINITY;
    for (double t = 9.7; t <= 10.3; t += 0.01) slowest = Math.min(slowest, Math.toDegrees(v.applyAsDouble(t) / 7.5));
    assertTrue(slowest > RollTrace.STOP_DEG_S, "the roller never stops between the two: " + slowest);
    assertTrue(trace.hipDropAround(11.2), "" + trace.moves(0));
  }

  /** A steady stroke whose speed wobbles by 10 % is one move, not several. */
  @Test
  void aStrokeWithAWobblingSpeedIsOneMove() {
    DoubleUnaryOperator v = t -> mjSpeed(t, 2, 4, 30) * (1 + 0.1 * Math.sin(2 * Math.PI * 2 * t));
    RollTrace trace = trace(15, 10, t -> mj(t, 2, 4, 30), v);
    assertEquals(1, trace.moves(0).size(), "" + trace.moves(0));
  }

  /**
   * A stroke in pieces ending with a short one (1.9 cm), then a nudge back onto a tender spot
   * (2.7 cm): the move before the still is the nudge, no drop, though the short piece ended within
   * 3 s of the still (simulate --seed 5 --profile pauser: the tender spot was coached as the hold).
   */
  @Test
  void aShortStrokePieceBeforeANudgeBackOntoATenderSpotIsNotAHipDrop() {
    DoubleUnaryOperator s = t -> mj(t, 2, 0.8, 2) + mj(t, 3.5, 0.8, 1.9) - mj(t, 4.4, 1.6, 2.7);
    DoubleUnaryOperator v = t -> mjSpeed(t, 2, 0.8, 2) + mjSpeed(t, 3.5, 0.8, 1.9) - mjSpeed(t, 4.4, 1.6, 2.7);
    RollTrace trace = trace(15, 20, s, v);
    assertFalse(trace.hipDropAround(6.1), "" + trace.moves(0));
  }
}
