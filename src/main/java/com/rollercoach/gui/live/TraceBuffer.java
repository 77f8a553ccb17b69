package com.rollercoach.gui.live;

/**
 * The chart's memory: the last minutes of position and speed, decimated to one point per {@code
 * bucketS} in a fixed ring, so a two-hour session costs the same memory as a two-minute one. Written by
 * the source thread for every sample, copied by the FX thread once per frame; both under this object's
 * lock, which is held for microseconds.
 *
 * <p>Decimation only thins what is drawn: the pipeline sees every sample. Position is smooth at chart
 * scale (a roller moves a few cm/s), so a bucket keeps its last position; speed is noisier, so a bucket
 * keeps the mean of its samples.
 */
public final class TraceBuffer {
  private final double bucketS;
  private final double[] t;
  private final double[] pos;
  private final double[] speed;
  private int head; // next write index
  private int size;
  private long version;

  private double bucketStartS = Double.NaN;
  private double originS = Double.NaN;
  private long bucket;
  private double speedSum;
  private int speedCount;

  /**
   * @param windowS how far back the chart reaches
   * @param bucketS one drawn point per this many seconds (20 Hz is smooth to the eye at chart scale)
   */
  public TraceBuffer(double windowS, double bucketS) {
    this.bucketS = bucketS;
    int capacity = (int) Math.ceil(windowS / bucketS) + 2;
    t = new double[capacity];
    pos = new double[capacity];
    speed = new double[capacity];
  }

  public int capacity() {
    return t.length;
  }

  /** Adds one sample; a point is written once its bucket is full. */
  public synchronized void add(double tS, double positionCm, double speedCmS) {
    if (Double.isNaN(bucketStartS)) {
      bucketStartS = tS;
      originS = tS;
    }
    speedSum += speedCmS;
    speedCount++;
    // Buckets sit on a fixed grid from the first sample (origin + k·width, not "start = t"), so the
    // float rounding of sample times never stretches a bucket by a sample; 1 µs of slack absorbs it.
    if (tS - bucketStartS >= bucketS - 1e-6) {
      t[head] = tS;
      pos[head] = positionCm;
      speed[head] = speedSum / speedCount;
      head = (head + 1) % t.length;
      size = Math.min(size + 1, t.length);
      version++;
      bucket = tS - bucketStartS < 2 * bucketS ? bucket + 1 : Math.round((tS - originS) / bucketS);
      bucketStartS = originS + bucket * bucketS;
      speedSum = 0;
      speedCount = 0;
    }
  }

  /** Increases whenever a point is added; lets the display skip redrawing an unchanged chart. */
  public synchronized long version() {
    return version;
  }

  /** Copies the points, oldest first, into {@code into} and returns it. */
  public synchronized Points copy(Points into) {
    into.ensure(t.length);
    int start = (head - size + t.length) % t.length;
    for (int i = 0; i < size; i++) {
      int j = (start + i) % t.length;
      into.t[i] = t[j];
      into.pos[i] = pos[j];
      into.speed[i] = speed[j];
    }
    into.n = size;
    into.version = version;
    into.originS = originS;
    return into;
  }

  /** A reusable copy of the trace for one frame (the FX thread keeps one; no garbage per frame). */
  public static final class Points {
    public double[] t = new double[0];
    public double[] pos = new double[0];
    public double[] speed = new double[0];
    public int n;
    public long version = -1;
    /** Time of the session's first sample: the chart's time axis counts from it. */
    public double originS = Double.NaN;

    void ensure(int capacity) {
      if (t.length < capacity) {
        t = new double[capacity];
        pos = new double[capacity];
        speed = new double[capacity];
      }
    }

    public double lastT() {
      return n == 0 ? Double.NaN : t[n - 1];
    }
  }
}
