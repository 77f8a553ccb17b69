package com.rollercoach.core.coach;

import com.rollercoach.core.coach.Verdict.Aspect;
import com.rollercoach.core.coach.Verdict.Level;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The closing words of a session summary, written and spoken: the one rule. Praise only when every
 * judged verdict met its target — a patient who missed the hold must not hear "well done" and think
 * the session was complete — otherwise what to change next time, taken from the missed verdicts.
 * Informational verdicts (breaths) judge nothing and change nothing here.
 */
public final class Closing {
  private Closing() {}

  public static final String WELL_DONE = "Well done.";

  public static String of(List<Verdict> verdicts) {
    Set<String> work = new LinkedHashSet<>();
    for (Verdict v : verdicts) {
      if (v.level() == Level.GOOD || v.level() == Level.INFO) continue;
      work.add(advice(v.aspect(), v.level()));
    }
    return work.isEmpty() ? WELL_DONE : "Next time: " + String.join(", ", work) + ".";
  }

  private static String advice(Aspect aspect, Level level) {
    return switch (aspect) {
      case ROLLS -> level == Level.ABOVE ? "fewer rolls" : "more rolls";
      case PACE -> level == Level.ABOVE ? "roll more slowly" : "roll a little quicker";
      case RANGE -> "stay on the upper back";
      case DWELL -> level == Level.ABOVE ? "move on sooner from tender spots" : "stay longer on tender spots";
      case HOLD -> level == Level.MISSING ? "finish with the extension hold" : "a longer extension hold";
      case BREATHS -> "deep, slow breaths";
    };
  }
}
