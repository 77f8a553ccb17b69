package com.rollercoach.sim;

/** What the scripted person (or the empty roller) is doing during one phase of a session. */
public enum PhaseKind {
  /** Nobody on the roller; it lies on the floor. */
  IDLE(false, false),
  /** Lying back onto the roller: it jostles, the foam compresses, the load ramps up. */
  GETTING_ON(true, true),
  /** Lying still for a moment after getting on, before the first stroke. */
  SETTLING(true, false),
  /** Part of a stroke: the body moves over the roller and the roller turns. */
  STROKE(true, true),
  /** A short stop between or inside strokes. */
  PAUSE(true, false),
  /** Holding a tender spot, possibly rocking gently over it. */
  DWELL(true, false),
  /** Hips dropped to the floor with the roller at mid back, starting the extension hold. */
  HIP_DROP(true, true),
  /** The relaxed extension hold with deep breaths. */
  HOLD(true, false),
  /** Sitting up and off the roller: jostle, the load ramps down. */
  GETTING_OFF(true, true),
  /** The empty roller, pushed aside, rolls on and stops. */
  ROLLING_AWAY(false, true);

  private final boolean loaded;
  private final boolean moving;

  PhaseKind(boolean loaded, boolean moving) {
    this.loaded = loaded;
    this.moving = moving;
  }

  /** Whether a person's weight is (at least partly) on the roller. */
  public boolean loaded() {
    return loaded;
  }

  /**
   * Whether the roller is being moved on purpose; a person lying on it without moving it (settling,
   * pause, dwell, hold) is a candidate still-loaded segment.
   */
  public boolean moving() {
    return moving;
  }
}
