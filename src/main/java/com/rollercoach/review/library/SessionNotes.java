package com.rollercoach.review.library;

import java.util.OptionalInt;

/**
 * What the patient or physio wrote about one session. Pain uses the 0–10 numeric rating scale (NRS-11,
 * 0 = no pain, 10 = worst imaginable), asked before and after rolling.
 *
 * @param painBefore pain before the session, empty when not asked
 * @param painAfter pain after the session, empty when not asked
 * @param text free text, never null (empty when none)
 */
public record SessionNotes(OptionalInt painBefore, OptionalInt painAfter, String text) {
  public SessionNotes {
    checkPain(painBefore, "before");
    checkPain(painAfter, "after");
    text = text == null ? "" : text;
  }

  public static SessionNotes none() {
    return new SessionNotes(OptionalInt.empty(), OptionalInt.empty(), "");
  }

  public boolean isEmpty() {
    return painBefore.isEmpty() && painAfter.isEmpty() && text.isEmpty();
  }

  /** These notes with the given fields replaced; a null argument keeps the current value. */
  public SessionNotes merge(Integer newPainBefore, Integer newPainAfter, String newText) {
    return new SessionNotes(
        newPainBefore == null ? painBefore : OptionalInt.of(newPainBefore),
        newPainAfter == null ? painAfter : OptionalInt.of(newPainAfter),
        newText == null ? text : newText);
  }

  private static void checkPain(OptionalInt pain, String when) {
    if (pain.isPresent() && (pain.getAsInt() < 0 || pain.getAsInt() > 10)) {
      throw new IllegalArgumentException(
          "pain " + when + " must be 0–10 (NRS-11), got " + pain.getAsInt());
    }
  }
}
