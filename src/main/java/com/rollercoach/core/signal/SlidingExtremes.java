package com.rollercoach.core.signal;

/**
 * Minimum and maximum of the values in a sliding time window, O(1) amortised per sample, with the
 * monotonic-deque algorithm (D. Lemire, "Streaming maximum-minimum filter using no more than three
 * comparisons per element", Nordic Journal of Computing 13(4), 2006). The deques live in fixed rings
 * sized for the longest window at the highest sample rate, so memory does not grow with the session.
 */
public final class SlidingExtremes {
  private final double windowS;
  private final double[] minT;
  private final double[] minV;
  private final double[] maxT;
  private final double[] maxV;
  private int minHead;
  private int minSize;
  private int maxHead;
  private int maxSize;

  /**
   * @param windowS window length in seconds
   * @param capacity most samples the window can hold (window × highest sample rate, plus margin)
   */
  public SlidingExtremes(double windowS, int capacity) {
    this.windowS = windowS;
    minT = new double[capacity];
    minV = new double[capacity];
    maxT = new double[capacity];
    maxV = new double[capacity];
  }

  /** Adds a sample and drops those older than the window (relative to {@code tS}). */
  public void add(double tS, double value) {
    int cap = minT.length;
    while (minSize > 0 && minV[at(minHead + minSize - 1, cap)] >= value) minSize--;
    if (minSize == cap) { minHead = at(minHead + 1, cap); minSize--; }
    minT[at(minHead + minSize, cap)] = tS;
    minV[at(minHead + minSize++, cap)] = value;
    while (maxSize > 0 && maxV[at(maxHead + maxSize - 1, cap)] <= value) maxSize--;
    if (maxSize == cap) { maxHead = at(maxHead + 1, cap); maxSize--; }
    maxT[at(maxHead + maxSize, cap)] = tS;
    maxV[at(maxHead + maxSize++, cap)] = value;
    double oldest = tS - windowS;
    while (minSize > 1 && minT[minHead] < oldest) { minHead = at(minHead + 1, cap); minSize--; }
    while (maxSize > 1 && maxT[maxHead] < oldest) { maxHead = at(maxHead + 1, cap); maxSize--; }
  }

  /**
   * i mod cap for 0 ≤ i < 2·cap (a head below cap plus a size at most cap): a subtraction instead of
   * an integer division, six of which per sample were a few per cent of the pipeline.
   */
  private static int at(int i, int cap) {
    return i >= cap ? i - cap : i;
  }

  public double min() {
    return minSize == 0 ? Double.NaN : minV[minHead];
  }

  public double max() {
    return maxSize == 0 ? Double.NaN : maxV[maxHead];
  }

  public void clear() {
    minSize = maxSize = 0;
  }
}
