package com.rollercoach.gui.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Frame-rate and cost readout for the live view: frames per second, the 95th percentile of the time
 * spent updating the counters and drawing the chart per frame, the whole process's CPU use as a share
 * of one core, and the heap in use. Fed by the FX thread once per frame; a report is produced once
 * per {@code periodS}.
 */
public final class PerfMeter {
  private final double periodS;
  private final long[] workNanos = new long[1024];
  private int frames;
  private long periodStartNanos = -1;
  private long cpuStartNanos;
  private Report last = new Report(0, 0, 0, 0, 0, 0);

  /**
   * @param fps animation frames per second
   * @param workP95Ms 95th percentile of per-frame update + draw time, ms
   * @param workMaxMs the worst frame, ms
   * @param cpuPercentOfOneCore process CPU time over wall time, in % of one core
   * @param heapMb heap in use, MB
   * @param samplesPerS samples the pipeline processed per second
   */
  public record Report(double fps, double workP95Ms, double workMaxMs, double cpuPercentOfOneCore,
      double heapMb, double samplesPerS) {
    /** The short on-screen form; CPU is the whole process as a share of one core. */
    public String line() {
      return String.format(Locale.ROOT,
          "%.0f fps · frame p95 %.1f ms · CPU %.0f%% · heap %.0f MB · %.0f Hz",
          fps, workP95Ms, cpuPercentOfOneCore, heapMb, samplesPerS);
    }
  }

  public PerfMeter(double periodS) {
    this.periodS = periodS;
  }

  /**
   * One frame happened at {@code nowNanos}, costing {@code workNanos} on the FX thread.
   *
   * @param samples the pipeline's sample count so far
   * @return a fresh report when a period just closed, else null
   */
  public Report frame(long nowNanos, long work, long samples) {
    if (periodStartNanos < 0) {
      start(nowNanos, samples);
      return null;
    }
    if (frames < workNanos.length) {
      workNanos[frames] = work;
    }
    frames++;
    double elapsedS = (nowNanos - periodStartNanos) / 1e9;
    if (elapsedS < periodS) {
      return null;
    }
    long[] w = Arrays.copyOf(workNanos, Math.min(frames, workNanos.length));
    Arrays.sort(w);
    double p95 = w.length == 0 ? 0 : w[(int) Math.min(w.length - 1, Math.ceil(0.95 * w.length) - 1)];
    double max = w.length == 0 ? 0 : w[w.length - 1];
    long cpu = processCpuNanos();
    double cpuPct = cpu < 0 ? Double.NaN : 100.0 * (cpu - cpuStartNanos) / (nowNanos - periodStartNanos);
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    double heapMb = mem.getHeapMemoryUsage().getUsed() / 1e6;
    last = new Report(frames / elapsedS, p95 / 1e6, max / 1e6, cpuPct, heapMb,
        (samples - samplesAtStart) / elapsedS);
    start(nowNanos, samples);
    return last;
  }

  public Report last() {
    return last;
  }

  private long samplesAtStart;

  private void start(long nowNanos, long samples) {
    periodStartNanos = nowNanos;
    cpuStartNanos = processCpuNanos();
    samplesAtStart = samples;
    frames = 0;
  }

  /** CPU time of the whole process (all threads: source, pipeline, FX, GC), or −1 if unknown. */
  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }
}
