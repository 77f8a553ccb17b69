package com.rollercoach.review.patients;

import java.time.LocalDate;
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
}
