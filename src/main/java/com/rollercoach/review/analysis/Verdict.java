package com.rollercoach.review.analysis;

/**
 * One protocol check of a session, as a physio reads it: a row of the report's verdict table.
 *
 * @param topic what was checked ("Rolls", "Pace", …)
 * @param measured what the session did, in words and units (the coach's own sentence)
 * @param target what the prescription asks
 */
public record Verdict(String topic, String measured, String target, Status status) {
  public enum Status {
    /** Within the prescription. */
    MET,
    /** Done, but outside the prescription (too fast, too short, too many). */
    OFF_TARGET,
    /** Not done at all (no hold, no rolling). */
    MISSING,
    /** Reported without a target (breaths in the hold). */
    INFO
  }

  public boolean met() {
    return status == Status.MET;
  }

  /** Whether this row judges anything (counts towards "checks met"). */
  public boolean judged() {
    return status != Status.INFO;
  }

  /** "11 rolls: within the 10–20 target. (ok)": the measured sentence with its status. */
  public String oneLine() {
    String mark = switch (status) {
      case MET -> "ok";
      case OFF_TARGET -> "off target";
      case MISSING -> "missing";
      case INFO -> "info";
    };
    return measured + " (" + mark + ")";
  }
}
