package com.rollercoach.core.detect;

/**
 * What the pipeline tells its listeners, in the order it learns it. Times are in the input's own
 * clock ({@code ImuSample.tS}). Some facts are only known after the fact (a still segment's start is
 * known 8 s later; whether it was a dwell or the extension hold only when a pass follows or the person
 * gets off), so each event carries the true times of what it reports and {@link #atS()} when it was
 * emitted: {@code atS} is the event's {@code emitted_at_s}, the session time at which the pipeline
 * emitted it (the time of the sample that made it known), so live latency is {@code atS} minus the
 * event's own time.
 *
 * <p>Live order for a still period: {@link RollerStopped} at once (neutral "still"), {@link
 * StillStarted} once the 3 cm band has held for 8 s, {@link StillClassified} as soon as it is known
 * whether it is a dwell or the hold, and {@link StillEnded} / {@link DwellFound} / {@link HoldFound}
 * with the final boundaries. A pass is announced by {@link PassCompleted} when its ending turning point
 * is confirmed (2 cm back) or the roller comes to rest; if its extent grows afterwards (the stroke
 * went on after a stop) {@link PassRevised} gives the final one; if it turns out to have been part of
 * getting off, a {@link Correction} takes it back. Summing {@code PassCompleted} minus {@link
 * PassWithdrawn} gives exactly the batch count.
 */
public sealed interface MotionEvent {
  /** The input time at which the pipeline emitted this event. */
  double atS();

  /** Somebody lay down on the roller (start of the on-roller period). */
  record GotOn(double atS, double onS) implements MotionEvent {}

  /** Nobody is on the roller any more. */
  record GotOff(double atS, double offS) implements MotionEvent {}

  /** A stroke of ≥ 5 cm travel finished (see {@link Pass}). */
  record PassCompleted(double atS, Pass pass, int passCount, int rollCount) implements MotionEvent {}

  /**
   * The contact point has stayed within the 3 cm band for 8 s: a still-loaded segment is running. It
   * is not yet known whether it is a dwell or the extension hold.
   */
  record StillStarted(double atS, double startS, double positionCm) implements MotionEvent {}

  /** The running still segment ended (the roller moves again, or the person got off). */
  record StillEnded(double atS, StillSegment segment) implements MotionEvent {}

  /** A still segment turned out to be a dwell on a tender spot: a pass followed it. */
  record DwellFound(double atS, Dwell dwell) implements MotionEvent {}

  /** A still segment turned out to be the extension hold: no pass followed before getting off. */
  record HoldFound(double atS, ExtensionHold hold) implements MotionEvent {}

  /** An inhale onset during a still segment. */
  record BreathDetected(double atS, double onsetS) implements MotionEvent {}

  /**
   * The roller came to rest (speed under the rest threshold for a moment) while somebody is on it: a
   * neutral "still" for live displays. Whether it becomes a still-loaded segment (8 s in the band) and
   * then a dwell or the hold comes later.
   */
  record RollerStopped(double atS, double sinceS, double positionCm) implements MotionEvent {}

  /** What a still-loaded segment turned out to be. */
  enum StillKind {
    /** A pass followed it: a dwell on a tender spot. */
    DWELL,
    /** At least 20 s and the person got off with no pass after it: the extension hold. */
    HOLD,
    /** Shorter than 20 s at the end of a stay: neither. */
    NEITHER
  }

  /**
   * The still-loaded segment that started at {@code startS} is now known to be a {@code kind}: a dwell
   * once a pass has followed it and the person is seen rolling on (a second pass, or 4 s without
   * getting off, so a shove while getting off cannot turn the hold into a dwell); the hold (or
   * neither) when the person gets off. {@link DwellFound} / {@link HoldFound} follow with the final
   * boundaries.
   */
  record StillClassified(double atS, double startS, StillKind kind) implements MotionEvent {}

  /**
   * A pass announced earlier went on after the roller paused (a stroke with a stop inside): same
   * number, final extent. The count does not change.
   */
  record PassRevised(double atS, Pass pass) implements MotionEvent {}

  /** A live announcement taken back; the counters go back, the recording keeps both events. */
  sealed interface Correction extends MotionEvent permits PassWithdrawn {}

  /**
   * The pass numbered {@code pass.index()} was not a pass: it was the roller being shoved or rolling
   * away as the person got off (known once the get-off is). {@code passCount} and {@code rollCount}
   * are the counters after taking it back.
   *
   * @param reason short human-readable why, e.g. "part of getting off"
   */
  record PassWithdrawn(double atS, Pass pass, int passCount, int rollCount, String reason)
      implements Correction {}

  /** Samples were missing between two times (a dropped link, a Bluetooth gap). */
  record DataGap(double atS, double fromS, double toS, String reason) implements MotionEvent {}
}
