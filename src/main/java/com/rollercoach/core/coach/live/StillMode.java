package com.rollercoach.core.coach.live;

/** How the live coach treats the running still period. */
public enum StillMode {
  /** No still period is running. */
  NONE,
  /**
   * Still, and no evidence yet what for: shown as "holding still 0:35", no countdown, no breaths.
   * Saying "hold complete" on a tender spot is worse than saying nothing.
   */
  NEUTRAL,
  /** Coached as a tender spot: timers at the prescription's minimum and maximum. */
  TENDER_SPOT,
  /** Coached as the extension hold: a countdown to the prescribed hold with a breath count. */
  HOLD
}
