package com.rollercoach.core.detect;

/** What the person is doing right now, as the live coach shows it. */
public enum Phase {
  OFF_ROLLER,
  GETTING_ON,
  ROLLING,
  /** Still on one spot for ≥ 8 s: a dwell, unless it turns out to be the hold. */
  STILL,
  /** Still for ≥ 20 s after rolling: most likely the extension hold. */
  HOLD,
  DONE
}
