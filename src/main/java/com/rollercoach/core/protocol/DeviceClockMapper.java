package com.rollercoach.core.protocol;

import java.util.ArrayDeque;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Maps the device clock to the host clock from (device time, host receive time) pairs, aware of the
 * two crystals' relative drift.
 *
 * <p>Model: {@code host = device + offset + skew·device + latency}, with latency ≥ some minimum and
 * heavily skewed upwards (USB polling, OS scheduling, buffered reads). As in Paxson's and Moon,
 * Skelly &amp; Towsley's clock-skew estimation ("Estimation and removal of clock skew from network delay
 * measurements", INFOCOM 1999) and Olson's passive sensor synchronisation (IROS 2010), only the lower
 * envelope of {@code host − device} carries the clock relation: the minimum of each
 * {@value #DEFAULT_BLOCK_S} s block of device time is kept, and a least-squares line through the last
 * {@value #DEFAULT_BLOCKS} block minima (a minute) gives offset and skew. The line follows drift
 * (temperature) and forgets old blocks; its intercept is the earliest plausible arrival, so
 * {@code hostReceive − toHostS(device)} is each frame's latency above the link's minimum.
 *
 * <p>Until two blocks exist, the mapping is {@code device + min(host − device)} with skew 0.
 */
public final class DeviceClockMapper {
  static final double DEFAULT_BLOCK_S = 2.0;
  static final int DEFAULT_BLOCKS = 30;
  /** Skews beyond ±2 % are not clocks drifting but broken input (even ceramic resonators are ±0.5 %). */
  private static final double MAX_SKEW = 0.02;

  private final double blockS;
  private final int maxBlocks;
  private final ArrayDeque<double[]> blocks = new ArrayDeque<>();

  private double blockStart = Double.NaN;
  private double blockDevice;
  private double blockDiff = Double.POSITIVE_INFINITY;

  private double refDevice = Double.NaN;
  private double offset = Double.NaN;
  private double skew;

  public DeviceClockMapper() {
    this(DEFAULT_BLOCK_S, DEFAULT_BLOCKS);
  }

  /**
   * @param blockS device-time length of a minimum-filter block, s
   * @param maxBlocks block minima the fit uses (its memory is {@code blockS · maxBlocks})
   */
  public DeviceClockMapper(double blockS, int maxBlocks) {
    if (!(blockS > 0) || maxBlocks < 2) {
      throw new IllegalArgumentException("need blockS > 0 and maxBlocks ≥ 2");
    }
    this.blockS = blockS;
    this.maxBlocks = maxBlocks;
  }

  /** One observation: a frame stamped {@code deviceS} was received at {@code hostS}. */
  public void add(double deviceS, double hostS) {
    if (!Double.isFinite(deviceS) || !Double.isFinite(hostS)) return;
    if (Double.isNaN(blockStart)) {
      blockStart = deviceS;
    } else if (deviceS - blockStart >= blockS) {
      closeBlock();
      blockStart = deviceS;
    }
    double diff = hostS - deviceS;
    if (diff < blockDiff) {
      blockDiff = diff;
      blockDevice = deviceS;
    }
    if (blocks.size() < 2 && (Double.isNaN(offset) || diff < offset)) {
      refDevice = deviceS;
      offset = diff;
      skew = 0;
    }
  }

  private void closeBlock() {
    blocks.addLast(new double[] {blockDevice, blockDiff});
    if (blocks.size() > maxBlocks) blocks.removeFirst();
    blockDiff = Double.POSITIVE_INFINITY;
    if (blocks.size() < 2) return;
    // Centred on the newest block so the intercept is the current offset, well conditioned.
    double ref = blocks.getLast()[0];
    SimpleRegression fit = new SimpleRegression();
    for (double[] b : blocks) fit.addData(b[0] - ref, b[1]);
    double slope = fit.getSlope();
    if (Double.isFinite(slope) && Math.abs(slope) <= MAX_SKEW) {
      refDevice = ref;
      offset = fit.getIntercept();
      skew = slope;
    }
  }

  /** Whether any observation arrived. */
  public boolean ready() {
    return !Double.isNaN(offset);
  }

  /** The host time at which a frame stamped {@code deviceS} arrives with the link's minimum latency. */
  public double toHostS(double deviceS) {
    return deviceS + offset + skew * (deviceS - refDevice);
  }

  /**
   * Host seconds per device second minus one, in parts per million: positive when the device clock
   * runs slow against the host's (0 until two blocks exist).
   */
  public double skewPpm() {
    return skew * 1e6;
  }

  /** Forgets everything (the device clock was reset). */
  public void reset() {
    blocks.clear();
    blockStart = Double.NaN;
    blockDiff = Double.POSITIVE_INFINITY;
    refDevice = Double.NaN;
    offset = Double.NaN;
    skew = 0;
  }
}
