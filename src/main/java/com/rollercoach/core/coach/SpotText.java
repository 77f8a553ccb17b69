package com.rollercoach.core.coach;

import com.rollercoach.core.NumberText;


/**
 * A tender spot as every output writes it — {@code analyze}, {@code sessions show}, the report, the
 * window and the verdicts: "tender spot at +4 cm, held 1:02 min". The patient's word is "tender spot"
 * (the definitions' <em>dwell</em>); positions are on the back (cm from the session's landmark,
 * {@code review.frame.BackFrame}), to the whole centimetre (a landmark is uncertain by 4–6 cm), signed
 * only when the roller's direction toward the head is known.
 */
public final class SpotText {
  private SpotText() {}

  /** What users call a dwell. */
  public static final String NAME = "tender spot";

  /** "+4 cm" (direction known), "4 cm" or "-4 cm" (unknown: + and − only mean the two ways); never "-0". */
  public static String position(double backCm, boolean directionKnown) {
    // -0.2 is "0 cm", neither "-0" nor "+0": a spot at the landmark has no side
    return (directionKnown ? NumberText.signed(backCm, 0) : NumberText.upTo(backCm, 0)) + " cm";
  }

  /** "tender spot at +4 cm, held 1:02 min" (a held time under a minute: "held 45 s"). */
  public static String of(double backCm, boolean directionKnown, double durationS) {
    return NAME + " " + where(backCm, directionKnown, durationS);
  }

  /** "at +4 cm, held 1:02 min": {@link #of} where a label already says "Tender spot". */
  public static String where(double backCm, boolean directionKnown, double durationS) {
    return "at " + position(backCm, directionKnown) + ", held " + SessionCoach.secs(durationS);
  }

  /** {@link #of} as a sentence starts: "Tender spot at +4 cm, held 1:02 min". */
  public static String capitalized(double backCm, boolean directionKnown, double durationS) {
    String s = of(backCm, directionKnown, durationS);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
