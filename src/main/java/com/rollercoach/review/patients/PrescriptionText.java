package com.rollercoach.review.patients;

import com.rollercoach.core.NumberText;
import com.rollercoach.core.coach.Prescription;
import java.util.Locale;

/** A prescription in one line, the same in the terminal, the reports and the window. */
public final class PrescriptionText {
  private PrescriptionText() {}

  /** "rolls 10–20 · 2–4 s/pass · tender spots 60–120 s · hold 60 s · 3×/week". */
  public static String of(Prescription p) {
    return String.format(Locale.ROOT, "rolls %d–%d · %s–%s s/pass · tender spots %s–%s s · hold %s s · %d×/week",
        p.rollsMin(), p.rollsMax(), num(p.secondsPerPassMin()), num(p.secondsPerPassMax()),
        num(p.tenderSpotMinS()), num(p.tenderSpotMaxS()), num(p.holdS()), p.sessionsPerWeek());
  }

  /** Seconds as the prescription line writes them: 2, 2.5. */
  static String num(double v) {
    return NumberText.upTo(v, 1);
  }
}
