package com.rollercoach.core.coach.live;

/** How the live coach treats the running still segment. */
public enum StillMode {
  /** No still segment is running. */
  NONE,
  /** Coached as a dwell on a tender spot: timers at the dwell minimum and maximum. */
  DWELL,
  /** Coached as the extension hold: a countdown to the hold target with a breath count. */
  HOLD
}
