package com.rollercoach.review.library;

import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.analysis.DataQuality;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Builds a synthetic library of N sessions (20 patients over two years, each session a tiny CSV with a
 * realistic stored analysis) and times what a physio does with it: rebuild the index from the files,
 * list everything, filter by patient, by date range, by both. Wall-clock medians over repeated runs
 * after a warm-up; a measurement, not a test.
 */
public final class LibraryBenchmark {
  private static final int PATIENTS = 20;
  private static final int QUERY_RUNS = 25;

  private LibraryBenchmark() {}

  public static void run(int count, Optional<Path> dir, PrintWriter out) throws IOException {
    Path root = dir.isPresent() ? dir.get() : Files.createTempDirectory("roller-coach-bench");
    try {
      long t0 = System.nanoTime();
      generate(root, count, new Random(42));
      out.printf(Locale.ROOT, "generated %d sessions in %s (%.1f s)%n", count, root,
          (System.nanoTime() - t0) / 1e9);
      out.flush();
      try (SessionLibrary lib = SessionLibrary.open(root)) {
        long r0 = System.nanoTime();
        var result = lib.reindex(false, (d, t, c) -> {});
        double reindexMs = (System.nanoTime() - r0) / 1e6;
        out.printf(Locale.ROOT, "%-44s %9.0f ms  (%d sessions, %d problems)%n",
            "reindex from stored analyses", reindexMs, result.indexed(), result.problems().size());
        // Re-analysis (what a detector update needs) at 1 and 2 threads: sessions/s and the speed-up.
        double[] perS = new double[2];
        for (int threads = 1; threads <= 2; threads++) {
          long a0 = System.nanoTime();
          var r = lib.reindex(true, threads, (d, t, c) -> {});
          double s = (System.nanoTime() - a0) / 1e9;
          perS[threads - 1] = r.analysed() / s;
          out.printf(Locale.ROOT, "%-44s %9.0f ms  (%.0f sessions/s)%n",
              "reindex --reanalyse, " + threads + " thread(s)", s * 1e3, perS[threads - 1]);
          out.flush();
        }
        out.printf(Locale.ROOT, "%-44s %9.2f x  (load average %.1f, %d cores)%n", "speed-up 2 threads / 1",
            perS[1] / perS[0], java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        Instant monthAgo = end.minus(Duration.ofDays(30));
        time(out, "list all (" + count + ")", () -> lib.list(SessionFilter.all()).size());
        time(out, "list 50 newest", () -> lib.list(SessionFilter.all().limitedTo(50)).size());
        time(out, "filter patient", () -> lib.list(SessionFilter.all().withPatient("patient-07")).size());
        time(out, "filter last 30 days", () -> lib.list(SessionFilter.all().between(monthAgo, end)).size());
        time(out, "filter patient + last 30 days", () -> lib.list(
            SessionFilter.all().withPatient("patient-07").between(monthAgo, end)).size());
        time(out, "patients", () -> lib.patients().size());
      }
    } finally {
      if (dir.isEmpty()) deleteTree(root);
    }
    out.flush();
  }

  private static void time(PrintWriter out, String what, Callable<Integer> query) throws IOException {
    try {
      for (int i = 0; i < 5; i++) query.call(); // warm-up: JIT and SQLite page cache
      double[] ms = new double[QUERY_RUNS];
      int rows = 0;
      for (int i = 0; i < QUERY_RUNS; i++) {
        long t = System.nanoTime();
        rows = query.call();
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(ms);
      out.printf(Locale.ROOT, "%-44s %9.1f ms median, %.1f ms max  (%d rows)%n",
          what, ms[QUERY_RUNS / 2], ms[QUERY_RUNS - 1], rows);
      out.flush();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /** Writes N sessions (recording, manifest, analysis) as the library stores them. */
  static void generate(Path root, int count, Random rnd) throws IOException {
    Path sessions = root.resolve("sessions");
    Files.createDirectories(sessions);
    Instant end = Instant.parse("2026-11-01T00:00:00Z");
    long spanS = Duration.ofDays(730).toSeconds();
    String csv = "# device=bench\n# roller_diameter_cm=15\nt_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n"
        + "0.00,0,0,1,0,0,0\n0.01,0,0,1,0,0,0\n";
    for (int i = 0; i < count; i++) {
      String id = String.format(Locale.ROOT, "bench-%06d", i);
      Instant started = end.minusSeconds((long) (rnd.nextDouble() * spanS));
      Path rec = sessions.resolve(id + ".csv");
      Files.writeString(rec, csv);
      String patient = String.format(Locale.ROOT, "patient-%02d", rnd.nextInt(PATIENTS));
      SessionNotes notes = rnd.nextBoolean() ? SessionNotes.none()
          : SessionNotes.none().merge(3 + rnd.nextInt(5), 1 + rnd.nextInt(4), "felt stiff");
      SidecarJson.writeManifest(sessions.resolve(id + SessionLibrary.MANIFEST_SUFFIX),
          new SessionManifest(id, patient, started, "bench", "self-calibrating", 15, "bench", notes));
      SidecarJson.writeAnalysis(sessions.resolve(id + SessionLibrary.ANALYSIS_SUFFIX),
          randomAnalysis(rnd), new DataQuality(120_000, 200, 1, 0.4, 0.4, 80,
              OptionalLong.of(80), OptionalLong.empty()));
    }
  }

  private static SessionAnalysis randomAnalysis(Random rnd) {
    int passes = 10 + rnd.nextInt(30);
    List<Pass> list = new ArrayList<>();
    double t = 20;
    double s = 0;
    for (int i = 0; i < passes; i++) {
      double travel = (i % 2 == 0 ? 1 : -1) * (15 + rnd.nextDouble() * 10);
      double dur = Math.abs(travel) / (2 + rnd.nextDouble() * 3);
      list.add(new Pass(i + 1, t, t + dur, s, s + travel));
      t += dur;
      s += travel;
    }
    List<Dwell> dwells = new ArrayList<>();
    for (int i = rnd.nextInt(3); i > 0; i--) dwells.add(new Dwell(t, t + 60 + rnd.nextInt(60), 8 + rnd.nextDouble() * 4));
    List<ExtensionHold> holds = List.of(new ExtensionHold(t + 200, t + 250 + rnd.nextInt(30), 10, 6, 7.5));
    return new SessionAnalysis(0, t + 300, List.of(new double[] {10, t + 290}), list, passes / 2,
        dwells, holds, 3.0, 25, List.of());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
