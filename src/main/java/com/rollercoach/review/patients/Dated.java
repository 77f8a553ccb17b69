package com.rollercoach.review.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A value that takes effect on a day and stays in force until a later one replaces it: a prescription
 * changed by the physio keeps its history, so an old session is judged by what was prescribed then.
 */
public record Dated<T>(LocalDate from, T value) {
  public Dated {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(value, "value");
  }

  /**
   * The entry of {@code history} (oldest first) in force on {@code day}: the last one taking effect on
   * or before it; null before the first. The one lookup of a dated history.
   */
  public static <T> Dated<T> inForce(List<Dated<T>> history, LocalDate day) {
    Dated<T> out = null;
    for (Dated<T> d : history) if (!d.from().isAfter(day)) out = d;
    return out;
  }
}
