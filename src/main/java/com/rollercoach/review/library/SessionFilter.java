package com.rollercoach.review.library;

import java.time.Instant;
import java.util.Optional;

/**
 * Which sessions to list. Patient names match exactly; the time range is half-open [from, to).
 *
 * @param limit at most this many sessions, newest first; 0 for all
 */
public record SessionFilter(
    Optional<String> patient, Optional<Instant> from, Optional<Instant> to, int limit) {

  public static SessionFilter all() {
    return new SessionFilter(Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }

  public SessionFilter withPatient(String p) {
    return new SessionFilter(Optional.ofNullable(p), from, to, limit);
  }

  public SessionFilter between(Instant f, Instant t) {
    return new SessionFilter(patient, Optional.ofNullable(f), Optional.ofNullable(t), limit);
  }

  public SessionFilter limitedTo(int n) {
    return new SessionFilter(patient, from, to, n);
  }
}
