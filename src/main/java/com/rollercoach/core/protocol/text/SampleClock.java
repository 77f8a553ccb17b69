package com.rollercoach.core.protocol.text;

import com.rollercoach.core.protocol.DecoderListener;

/**
 * Turns a device's own time stamps, or their absence, into strictly increasing sample times.
 *
 * <p>With device time stamps the output stays on the device clock (so times match what the device
 * logged), with three repairs: a counter wrap ({@code micros()} wraps every 2³² µs ≈ 71.6 min) is
 * unwrapped; a large step backwards is a <em>clock reset</em> — the board rebooted and
 * {@code millis()} restarted near zero — and the clock is re-based so time continues from the last
 * sample plus the host time that passed (the reboot's gap is reported as lost frames); a small step
 * backwards or a repeat (a duplicated line) is dropped.
 *
 * <p>Without device time stamps, samples are spaced at the nominal rate when one is known, else at
 * the average rate the host has seen so far, and pulled back to the host clock when they drift more
 * than {@link #MAX_HOST_LAG_S} behind it (the link stalled).
 */
public final class SampleClock {
  /** A step backwards longer than this many typical periods is a reset rather than a repeat. */
  static final double RESET_PERIODS = 2.0;

  /** How far host-timed samples may fall behind the host clock before we re-anchor (a stall). */
  static final double MAX_HOST_LAG_S = 0.5;

  /** Spacing assumed when nothing else is known: 100 Hz, the rate of most Arduino IMU examples. */
  static final double FALLBACK_PERIOD_S = 0.01;

  private final double nominalPeriodS;
  private final double wrapS;
  private final DecoderListener listener;

  private boolean started;
  private double lastDeviceS;
  private double lastRawDeviceS;
  private double unwrapS;
  private double offsetS;
  private double lastOutS;
  private double lastHostS;
  private double typicalPeriodS;
  private double firstHostS;
  private long hostSamples;

  private long resets;
  private long wraps;
  private long dropped;
  private boolean assumedRate;

  /**
   * @param nominalRateHz the device's sample rate if known, else NaN
   * @param wrapS the period after which the device counter wraps (2³² µs for {@code micros()}),
   *     NaN for counters that do not wrap within a session
   * @param listener told about the gap a reset or a stall leaves
   */
  public SampleClock(double nominalRateHz, double wrapS, DecoderListener listener) {
    this.nominalPeriodS = nominalRateHz > 0 ? 1.0 / nominalRateHz : Double.NaN;
    this.wrapS = wrapS;
    this.listener = listener;
    this.typicalPeriodS = Double.isNaN(nominalPeriodS) ? FALLBACK_PERIOD_S : nominalPeriodS;
  }

  /**
   * Maps a device time stamp.
   *
   * @return the sample time, or NaN when the sample repeats or precedes the previous one and must
   *     be dropped
   */
  public double fromDevice(double deviceS, double hostS) {
    if (!started) {
      started = true;
      lastRawDeviceS = deviceS;
      lastDeviceS = deviceS;
      lastOutS = deviceS;
      lastHostS = hostS;
      return deviceS;
    }
    if (!Double.isNaN(wrapS) && lastRawDeviceS > 0.75 * wrapS && deviceS < 0.25 * wrapS) {
      unwrapS += wrapS;
      wraps++;
    }
    lastRawDeviceS = deviceS;
    double device = deviceS + unwrapS;
    double step = device - lastDeviceS;
    double out;
    if (step > 0) {
      out = device + offsetS;
      // An exponential average of the period; capped so one long gap does not redefine "typical".
      if (step < 10 * typicalPeriodS) typicalPeriodS += 0.05 * (step - typicalPeriodS);
    } else if (step > -RESET_PERIODS * typicalPeriodS) {
      dropped++;
      return Double.NaN;
    } else {
      double hostElapsed = hostS - lastHostS;
      double bridge = hostElapsed > typicalPeriodS ? hostElapsed : typicalPeriodS;
      offsetS = lastOutS + bridge - device;
      out = device + offsetS;
      resets++;
      reportGap(lastOutS, out);
    }
    lastDeviceS = device;
    lastOutS = out;
    lastHostS = hostS;
    return out;
  }

  /** Times a sample that carries no time stamp of its own, received at {@code hostS}. */
  public double fromHost(double hostS) {
    hostSamples++;
    if (!started) {
      started = true;
      firstHostS = hostS;
      lastOutS = hostS;
      lastHostS = hostS;
      return hostS;
    }
    double period = nominalPeriodS;
    if (Double.isNaN(period)) {
      // the average spacing the host has seen, from the second sample on: a fixed 100 Hz guess for
      // the first second put a 50 Hz sketch's first 50 samples into half a second, and the half
      // second it fell behind the host was then reported as a gap that was not in the data
      double elapsed = hostS - firstHostS;
      period = elapsed > 0 ? elapsed / (hostSamples - 1) : FALLBACK_PERIOD_S;
      assumedRate = !(elapsed > 1.0 && hostSamples > 10);
    }
    double out = lastOutS + period;
    if (hostS - out > MAX_HOST_LAG_S) {
      double from = lastOutS;
      out = hostS;
      reportGap(from, out);
    } else if (hostS > firstHostS && out - hostS > MAX_HOST_LAG_S) {
      // A stated rate faster than the device really prints: follow the host instead of running
      // ahead of it. (A file has no host clock — every line the same host time — and is exempt.)
      out = Math.max(hostS, lastOutS + 1e-6);
    }
    lastOutS = out;
    lastHostS = hostS;
    typicalPeriodS = period;
    return out;
  }

  private void reportGap(double fromS, double toS) {
    long lost = Math.max(0, Math.round((toS - fromS) / typicalPeriodS) - 1);
    listener.framesLost(lost, fromS, toS);
  }

  /** Board reboots seen (device time jumped back). */
  public long resets() {
    return resets;
  }

  /** Counter wraps unwrapped. */
  public long wraps() {
    return wraps;
  }

  /** Samples dropped because their time repeated or stepped back a little. */
  public long dropped() {
    return dropped;
  }

  /** True while host-timed samples are spaced at the 100 Hz fallback (no rate known yet). */
  public boolean assumedRate() {
    return assumedRate;
  }
}
