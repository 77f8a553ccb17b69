package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.RollingTime;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The time actually spent rolling. A pass runs turning point to turning point, so a stroke interrupted
 * by a tender spot (the patient stops mid-stroke, holds 1–2 minutes, then carries on) is one pass that
 * contains the still period: its "speed" over the whole span is 0.1–0.3 cm/s, and a "Rolling" row built
 * from such passes spans the tender spot. Here every still period (tender spot or hold; by the
 * definitions every still-loaded segment of ≥ 8 s is one of them) and every stretch off the roller is
 * cut out: rolling stretches end where one starts, and pace is travel over rolling time only. A data gap's time is rolling time: the travel includes what
 * the roller rolled across it ({@link RollingTime}). The core's analysis is left as it is; reviews
 * judge from these figures.
 */
public final class Rolling {
  private Rolling() {}

  /** Still and off-roller periods of the session, merged, as [from, to] in the recording clock. */
  public static List<double[]> pauses(SessionAnalysis a) {
    return RollingTime.pauses(a);
  }

  /** Seconds of {@code p} not inside a pause ({@link RollingTime}, the rule the live pace uses too). */
  public static double rollingSeconds(Pass p, List<double[]> pauses) {
    return RollingTime.rollingSeconds(p, pauses);
  }

  /** Travel over rolling time, cm/s; NaN when the pass has no rolling time at all. */
  public static double speed(Pass p, List<double[]> pauses) {
    return RollingTime.speed(p, pauses);
  }

  /** Median pass speed over rolling time only; 0 without passes. */
  public static double pace(SessionAnalysis a) {
    return RollingTime.pace(a);
  }

  /** Median seconds per pass over rolling time only; NaN without passes. */
  public static double secondsPerPass(SessionAnalysis a) {
    List<double[]> pauses = pauses(a);
    return RollingTime.median(a.passes().stream().mapToDouble(p -> rollingSeconds(p, pauses))
        .map(x -> x > 0 ? x : Double.NaN).toArray());
  }

  /** Rolling stretches ({@link RollingTime#stretches}): one rule for the review and the summary. */
  public static List<double[]> stretches(SessionAnalysis a) {
    return RollingTime.stretches(a);
  }
}
