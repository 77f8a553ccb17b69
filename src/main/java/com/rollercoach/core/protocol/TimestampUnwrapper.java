package com.rollercoach.core.protocol;

/**
 * Extends a wrapping unsigned 32-bit microsecond counter (the device clock of IMU frames, which wraps
 * every 2³² µs ≈ 71.6 min) to a 64-bit count.
 *
 * <p>Between consecutive frames the forward distance modulo 2³² is the elapsed time, as long as
 * fewer than 2³¹ µs (35.8 min) pass, a rule also used by RTP (RFC 3550 §A.1) for its 16-bit sequence
 * numbers. A larger step modulo 2³² is read as the clock going backwards (a device reset) unless the
 * host clock, which does not wrap, says that long really went by: then the host's elapsed time picks
 * the number of whole wraps, which is exact while the two clocks drift apart by less than half a wrap.
 */
public final class TimestampUnwrapper {
  static final long WRAP = 1L << 32;
  private static final long HALF = 1L << 31;

  private boolean started;
  private long lastRaw;
  private long extended;

  /**
   * The step from the previous timestamp to {@code rawUs}, µs; negative when the device clock went
   * backwards. The first call returns 0.
   *
   * @param hostElapsedS host time since the previous timestamp arrived (NaN or ≤ 0 if unknown)
   */
  public long step(long rawUs, double hostElapsedS) {
    rawUs &= WRAP - 1;
    if (!started) {
      started = true;
      lastRaw = rawUs;
      extended = rawUs;
      return 0;
    }
    long forward = (rawUs - lastRaw) & (WRAP - 1);
    long step;
    double hostUs = hostElapsedS * 1e6;
    if (hostUs > HALF) {
      long wraps = Math.max(0, Math.round((hostUs - forward) / WRAP));
      step = forward + wraps * WRAP;
    } else {
      step = forward < HALF ? forward : forward - WRAP;
    }
    lastRaw = rawUs;
    extended += step;
    return step;
  }

  /** The 64-bit extension of the last timestamp, µs (starts at the first raw value). */
  public long extendedUs() {
    return extended;
  }
}
