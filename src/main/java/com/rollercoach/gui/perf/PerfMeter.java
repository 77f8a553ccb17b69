package com.rollercoach.gui.perf;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Frame-rate and cost readout for the live view, fed by the FX thread once per frame; a report is
 * produced once per {@code periodS}:
 *
 * <ul>
 *   <li>frames per second and the 95th percentile of the FX thread's time per frame (counters,
 *       chart update and the chart's drawing commands);
 *   <li>CPU per frame of the FX thread plus JavaFX's render thread (which rasterises the scene): this
 *       is what a frame costs whatever else the machine is doing, so 1000 / it is the frame rate one
 *       free core could sustain;
 *   <li>the whole process's CPU (source, decoder, pipeline, FX, render, GC) as a share of one core;
 *   <li>the heap in use after the last garbage collection (flat over a long session = no leak).
 * </ul>
 */
public final class PerfMeter {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final double periodS;
  private final long[] workNanos = new long[1024];
  private int frames;
  private long periodStartNanos = -1;
  private long cpuStartNanos;
  private long uiCpuStartNanos;
  private long fxCpuStartNanos;
  private long samplesAtStart;
  private long fxThreadId = -1;
  private long renderThreadId = -1;
  private Report last = new Report(0, 0, 0, 0, 0, 0, 0);

  /**
   * @param fps animation frames per second
   * @param workP95Ms 95th percentile of the FX thread's wall time per frame, ms
   * @param uiCpuMsPerFrame CPU time of the FX and render threads per frame, ms
   * @param fxCpuMsPerFrame the FX thread's share of it (the rest is rasterising), ms
   * @param cpuPercentOfOneCore process CPU time over wall time, in % of one core
   * @param liveHeapMb heap in use after the last collection, MB
   * @param samplesPerS samples the pipeline processed per second
   */
  public record Report(double fps, double workP95Ms, double uiCpuMsPerFrame, double fxCpuMsPerFrame,
      double cpuPercentOfOneCore, double liveHeapMb, double samplesPerS) {
    /** The short on-screen form. */
    public String line() {
      return String.format(Locale.ROOT,
          "%.0f fps · frame %.1f ms p95 · UI CPU %.1f ms/frame (FX %.1f) · CPU %.0f%% · heap %.0f MB"
              + " · %.0f Hz",
          fps, workP95Ms, uiCpuMsPerFrame, fxCpuMsPerFrame, cpuPercentOfOneCore, liveHeapMb,
          samplesPerS);
    }
  }

  public PerfMeter(double periodS) {
    this.periodS = periodS;
  }

  /**
   * One frame happened at {@code nowNanos}, costing {@code work} nanoseconds on the FX thread.
   *
   * @param samples the pipeline's sample count so far
   * @return a fresh report when a period just closed, else null
   */
  public Report frame(long nowNanos, long work, long samples) {
    if (periodStartNanos < 0) {
      fxThreadId = Thread.currentThread().getId();
      renderThreadId = findThread("QuantumRenderer");
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
    long cpu = processCpuNanos();
    double cpuPct = cpu < 0 ? Double.NaN : 100.0 * (cpu - cpuStartNanos) / (nowNanos - periodStartNanos);
    double uiCpu = (uiCpuNanos() - uiCpuStartNanos) / 1e6 / Math.max(1, frames);
    double fxCpu = (cpuOf(fxThreadId) - fxCpuStartNanos) / 1e6 / Math.max(1, frames);
    last = new Report(frames / elapsedS, p95 / 1e6, uiCpu, fxCpu, cpuPct, liveHeapMb(),
        (samples - samplesAtStart) / elapsedS);
    start(nowNanos, samples);
    return last;
  }

  public Report last() {
    return last;
  }

  private void start(long nowNanos, long samples) {
    periodStartNanos = nowNanos;
    cpuStartNanos = processCpuNanos();
    uiCpuStartNanos = uiCpuNanos();
    fxCpuStartNanos = cpuOf(fxThreadId);
    samplesAtStart = samples;
    frames = 0;
  }

  private long uiCpuNanos() {
    return cpuOf(fxThreadId) + cpuOf(renderThreadId);
  }

  private static long cpuOf(long threadId) {
    return threadId < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(threadId));
  }

  private static long findThread(String namePrefix) {
    for (ThreadInfo i : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (i != null && i.getThreadName().startsWith(namePrefix)) {
        return i.getThreadId();
      }
    }
    return -1;
  }

  /** Heap in use right after the last collection, summed over the heap pools. */
  static double liveHeapMb() {
    long used = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
        used += p.getCollectionUsage().getUsed();
      }
    }
    return used / 1e6;
  }

  /**
   * Forces a full collection and reports the heap still in use: what the session really retains.
   * Only for {@code --perf} runs (a full GC pauses the app).
   */
  public static String retainedHeapLine() {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return String.format(Locale.ROOT, "retained heap after full GC %.1f MB (committed %.0f MB)",
        heap.getUsed() / 1e6, heap.getCommitted() / 1e6);
  }

  /** CPU time of the whole process (all threads), or −1 if unknown. */
  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }
}
