package com.rollercoach.io.live;

/**
 * Spaces out a replay in time: {@link #await} blocks until a source time is due. The first time seen
 * is the anchor, so a session recorded at 14:00 and starting at t = 1234.5 s replays from "now".
 */
public interface Pacer {
  /** Blocks until {@code sourceTimeS} is due (returns at once when it already is, or for NaN). */
  void await(double sourceTimeS);

  /** As fast as the machine goes ({@code --speed max}). */
  static Pacer asFastAsPossible() {
    return t -> {};
  }

  /** {@code speed} seconds of source time per second of wall time (1 = real time, 4 = four times). */
  static Pacer realTime(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) throw new IllegalArgumentException("speed must be > 0: " + speed);
    return new Pacer() {
      private double anchorSourceS = Double.NaN;
      private long anchorNanos;

      @Override
      public void await(double sourceTimeS) {
        if (Double.isNaN(sourceTimeS)) return;
        if (Double.isNaN(anchorSourceS)) {
          anchorSourceS = sourceTimeS;
          anchorNanos = System.nanoTime();
          return;
        }
        long due = anchorNanos + (long) ((sourceTimeS - anchorSourceS) / speed * 1e9);
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    };
  }
}
