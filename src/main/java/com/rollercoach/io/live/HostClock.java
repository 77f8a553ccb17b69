package com.rollercoach.io.live;

/**
 * Seconds since a session started, on {@link System#nanoTime()} (monotonic: wall-clock adjustments
 * cannot make data go backwards). The serial reader, the recorder and latency measurements share one.
 */
public final class HostClock {
  private final long originNanos;

  private HostClock(long originNanos) {
    this.originNanos = originNanos;
  }

  public static HostClock startingNow() {
    return new HostClock(System.nanoTime());
  }

  public double seconds() {
    return toSeconds(System.nanoTime());
  }

  public double toSeconds(long nanoTime) {
    return (nanoTime - originNanos) / 1e9;
  }

  public long originNanos() {
    return originNanos;
  }
}
