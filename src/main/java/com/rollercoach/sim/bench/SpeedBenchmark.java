package com.rollercoach.sim.bench;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.NumberText;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The speed targets of issue 2, measured rather than asserted:
 *
 * <ol>
 *   <li>{@code analyze --json} of one hour at 200 Hz in a fresh JVM (start-up included), best and
 *       median of five runs, next to {@code roller-coach --version} and {@code java -version} timed
 *       the same way in the same run (ratios), with the machine's load average;
 *   <li>the pipeline's throughput in this (warmed-up) JVM on the same samples held in memory — JMH
 *       ({@code bench/jmh.sh}) gives the careful number;
 *   <li>heap flatness: the heap in use after a full GC once the pipeline has seen 1 h and again after
 *       4 h of streamed samples (the simulator streams too, so only the pipeline's own state grows).
 * </ol>
 */
public final class SpeedBenchmark {
  private final double hours;
  private final double rateHz;
  private final double memoryHours;
  private final Path keep;
  private final Path launcher;
  private final PrintStream out;

  /**
   * @param launcher the {@code roller-coach} command to time (an app image's {@code bin/roller-coach});
   *     null: this JVM's class path
   */
  public SpeedBenchmark(
      double hours, double rateHz, double memoryHours, Path keep, Path launcher, PrintStream out) {
    this.launcher = launcher;
    this.hours = hours;
    this.rateHz = rateHz;
    this.memoryHours = memoryHours;
    this.keep = keep;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    Path csv = keep != null ? keep : Files.createTempFile("roller-coach-speed", ".csv");
    try {
      long t0 = System.nanoTime();
      long samples = longSession(hours * 3600).writeCsv(csv, false);
      out.printf(
          Locale.ROOT,
          "recording: %s, %d samples (%.2f h at %s Hz), %.1f MB, simulated in %.1f s%n",
          csv,
          samples,
          samples / rateHz / 3600,
          NumberText.plain(rateHz),
          Files.size(csv) / 1e6,
          (System.nanoTime() - t0) / 1e9);
      analyzeInFreshJvm(csv);
      throughput(csv);
    } finally {
      if (keep == null) {
        Files.deleteIfExists(csv);
        Files.deleteIfExists(SimulatedSession.truthPathFor(csv));
      }
    }
    heapFlatness();
  }

  private SimulatedSession longSession(double seconds) {
    return SimulatedSession.create(
        SimulationSpec.of(7)
            .withArchetype(Archetype.TYPICAL)
            .withDevice("bmi160-logger")
            .withRateHz(rateHz)
            .withMinDurationS(seconds));
  }

  /** One command timed in fresh processes: best and median wall seconds, best CPU seconds. */
  private record Timing(String label, double bestWall, double medianWall, double bestCpu) {}

  private void analyzeInFreshJvm(Path csv) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> app =
        launcher != null
            ? List.of(launcher.toString())
            : List.of(java, "-cp", System.getProperty("java.class.path"), "com.rollercoach.Main");
    out.println(
        "fresh processes, best/median of " + RUNS + ": "
            + (launcher != null ? launcher : "java -cp <this class path> com.rollercoach.Main")
            + "; load average before: " + loadAverage());
    Timing jvm = time("java -version (the JVM alone)", List.of(java, "-version"));
    if (jvm == null) return;
    List<String> version = new ArrayList<>(app);
    version.add("--version");
    Timing v = time("roller-coach --version", version);
    if (v == null) return;
    List<String> analyze = new ArrayList<>(app);
    analyze.addAll(List.of("analyze", csv.toString(), "--json"));
    Timing a = time("roller-coach analyze FILE --json", analyze);
    if (a == null) return;
    out.printf(
        Locale.ROOT,
        "ratios (best wall): --version / java -version %.2f; analyze / --version %.2f; load average"
            + " after: %s (cores: %d)%n"
            + "targets on an idle machine: --version <= 0.25 s, analyze of 1 h at 200 Hz <= 0.6 s%n",
        v.bestWall() / jvm.bestWall(),
        a.bestWall() / v.bestWall(),
        loadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static final int RUNS = 5;

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Runs {@code cmd} {@value #RUNS} times and prints the timing; null (and a line) on failure. */
  private Timing time(String label, List<String> command) throws IOException, InterruptedException {
    // On a shared machine wall time says little; GNU time (when installed) adds the CPU time used.
    boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
    List<String> cmd = new ArrayList<>();
    if (gnuTime) cmd.addAll(List.of("/usr/bin/time", "-f", "cpu-seconds %U %S"));
    cmd.addAll(command);
    double[] times = new double[RUNS];
    double[] cpu = new double[RUNS];
    for (int i = 0; i < times.length; i++) {
      Path log = Files.createTempFile("roller-coach-speed", ".out");
      try {
        long t0 = System.nanoTime();
        Process p =
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          out.println(label + ": did not finish within 10 minutes");
          return null;
        }
        times[i] = (System.nanoTime() - t0) / 1e9;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          out.printf(Locale.ROOT, "%s: exit %d (%s)%n", label, p.exitValue(), lines.isEmpty() ? "" : lines.get(0));
          return null;
        }
        for (String line : lines) {
          if (line.startsWith("cpu-seconds ")) {
            String[] f = line.split(" ");
            cpu[i] = Double.parseDouble(f[1]) + Double.parseDouble(f[2]);
          }
        }
      } finally {
        Files.deleteIfExists(log);
      }
    }
    Arrays.sort(times);
    Arrays.sort(cpu);
    Timing t = new Timing(label, times[0], times[RUNS / 2], cpu[0]);
    out.printf(
        Locale.ROOT,
        "  %-34s wall best %.3f s, median %.3f s%s%n",
        label,
        t.bestWall(),
        t.medianWall(),
        gnuTime ? String.format(Locale.ROOT, "; CPU (user+sys, all threads) best %.3f s", t.bestCpu()) : "");
    return t;
  }

  private void throughput(Path csv) throws IOException {
    List<ImuSample> samples = new ArrayList<>();
    try (CsvSampleReader reader = CsvSampleReader.open(csv)) {
      reader.readTo(
          new SampleSink() {
            @Override
            public void accept(ImuSample s) {
              samples.add(s);
            }
          });
    }
    ImuSample[] array = samples.toArray(new ImuSample[0]);
    samples.clear();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double best = 0;
    double bestCpu = 0;
    for (int rep = 0; rep < 5; rep++) {
      MotionPipeline p = new MotionPipeline(PipelineConfig.defaults(), e -> {});
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (ImuSample s : array) p.accept(s);
      p.end();
      best = Math.max(best, array.length / ((System.nanoTime() - t0) / 1e9));
      bestCpu = Math.max(bestCpu, array.length / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));
    }
    out.printf(
        Locale.ROOT,
        "pipeline in this JVM: %.2f M samples/s wall, %.2f M samples per CPU-second (best of 5 passes"
            + " over %d samples; JMH: bench/jmh.sh; target >= 5 M/s)%n",
        best / 1e6,
        bestCpu / 1e6,
        array.length);
  }

  private void heapFlatness() {
    SimulatedSession session = longSession(memoryHours * 3600);
    double[] usedMb = {heapMb(), Double.NaN, Double.NaN};
    MotionPipeline pipeline = new MotionPipeline(PipelineConfig.defaults(), e -> {});
    double[] first = {Double.NaN};
    session.play(
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            if (Double.isNaN(first[0])) first[0] = s.tS();
            pipeline.accept(s);
            if (Double.isNaN(usedMb[1]) && s.tS() - first[0] >= 3600) usedMb[1] = heapMb();
          }

          @Override
          public void end() {
            pipeline.end();
            usedMb[2] = heapMb();
          }
        });
    out.printf(
        Locale.ROOT,
        "heap in use after GC: %.1f MB at start, %.1f MB after 1 h, %.1f MB after %s h of input"
            + " (growth 1 h -> %s h: %+.2f MB)%n",
        usedMb[0],
        usedMb[1],
        usedMb[2],
        NumberText.plain(memoryHours),
        NumberText.plain(memoryHours),
        usedMb[2] - usedMb[1]);
  }

  private static double heapMb() {
    for (int i = 0; i < 2; i++) System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }

}
