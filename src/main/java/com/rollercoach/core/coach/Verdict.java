package com.rollercoach.core.coach;

/**
 * One judgement of a session against the prescription.
 *
 * @param aspect what is judged
 * @param level how it compares with the target
 * @param value the measured value (count, cm/s, cm, s), NaN when not measurable
 * @param message one sentence for the person, plain words
 */
public record Verdict(Aspect aspect, Level level, double value, String message) {

  public enum Aspect {
    ROLLS("Rolls"),
    PACE("Pace"),
    RANGE("Range"),
    DWELL("Tender spot"),
    HOLD("Extension hold"),
    BREATHS("Breathing");

    private final String title;

    Aspect(String title) {
      this.title = title;
    }

    /** The row's name wherever a verdict is shown (summary, report, review): one wording. */
    public String title() {
      return title;
    }
  }

  public enum Level {
    /** Within the prescription. */
    GOOD,
    /** Less than prescribed (too few, too short, too slow). */
    BELOW,
    /** More than prescribed (too many, too long, too fast, too far). */
    ABOVE,
    /** Not done at all. */
    MISSING,
    /** Reported without a target. */
    INFO
  }
}
