package com.rollercoach.core.detect;

/**
 * What the pipeline tells its listeners, in the order it learns it. Times are in the input's own
 * clock ({@code ImuSample.tS}). Some facts are only known after the fact (a still segment's start is
 * known 8 s later; whether it was a dwell or the extension hold only when a pass follows or the person
 * gets off), so each event carries the true times of what it reports and {@link #atS()} when it was
 * emitted.
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

  /** Samples were missing between two times (a dropped link, a Bluetooth gap). */
  record DataGap(double atS, double fromS, double toS, String reason) implements MotionEvent {}
}
