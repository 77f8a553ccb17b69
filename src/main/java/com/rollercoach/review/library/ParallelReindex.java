package com.rollercoach.review.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-analyses the recordings of a library on several threads, one recording per task: after a
 * detector update a physio re-analyses hundreds of sessions, and each one is independent (its own
 * recording in, its own sidecar files out), so they spread over the cores with no shared state. Results
 * come back in the order of the input whatever order the tasks finish in, so the index and the
 * summary are the same at any thread count.
 */
public final class ParallelReindex {
  private ParallelReindex() {}

  /** What indexing one recording gave: a row, or the one-line problem that skipped it. */
  record Outcome(Path recording, SessionIndex.Indexed row, boolean analysed, String problem) {}

  /** The work for one recording; must not throw (problems are outcomes). */
  @FunctionalInterface
  interface Work {
    Outcome index(Path recording);
  }

  /** Threads for a reindex by default: one per core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code work} on every recording with {@code threads} threads (1: on the caller's thread) and
   * returns the outcomes in input order; {@code progress} hears of each finished one (serialised).
   */
  static List<Outcome> run(
      List<Path> recordings, int threads, Work work, SessionLibrary.Progress progress) {
    return map(recordings, threads, work::index, progress);
  }

  /**
   * Applies {@code work} to every file on {@code threads} threads (1: on the caller's thread) and
   * returns the results in input order; {@code progress} hears of each finished one (serialised). For
   * reindex and for {@code sessions import} of many files. {@code work} should turn problems into
   * results: an exception it throws stops the run.
   */
  public static <R> List<R> map(
      List<Path> recordings,
      int threads,
      java.util.function.Function<Path, R> work,
      SessionLibrary.Progress progress) {
    int total = recordings.size();
    List<R> out = new ArrayList<>(total);
    if (threads <= 1 || total <= 1) {
      for (int i = 0; i < total; i++) {
        progress.step(i, total, stem(recordings.get(i)));
        out.add(work.apply(recordings.get(i)));
      }
      progress.step(total, total, "");
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, total),
            r -> {
              Thread t = new Thread(r, "reindex");
              t.setDaemon(true);
              return t;
            });
    AtomicInteger done = new AtomicInteger();
    Object progressLock = new Object();
    try {
      List<Future<R>> futures = new ArrayList<>(total);
      for (Path rec : recordings) {
        futures.add(
            pool.submit(
                () -> {
                  R o = work.apply(rec);
                  synchronized (progressLock) {
                    progress.step(done.incrementAndGet(), total, stem(rec));
                  }
                  return o;
                }));
      }
      for (Future<R> f : futures) out.add(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reindex interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    progress.step(total, total, "");
    return out;
  }

  /**
   * One line per session whose indexed metrics changed (passes, rolls, dwells, hold time, breaths),
   * plus one per session that is new to the index or gone from it: what a detector
   * update did to the library.
   */
  static List<String> changes(List<SessionEntry> before, List<SessionIndex.Indexed> after) {
    Map<String, SessionSummary> old = new HashMap<>();
    for (SessionEntry e : before) old.put(e.id(), e.summary());
    List<String> lines = new ArrayList<>();
    for (SessionIndex.Indexed row : after) {
      SessionEntry e = row.entry();
      SessionSummary was = old.remove(e.id());
      if (was == null) {
        lines.add(e.id() + ": new");
        continue;
      }
      SessionSummary now = e.summary();
      List<String> diffs = new ArrayList<>();
      diff(diffs, "passes", was.passes(), now.passes());
      diff(diffs, "rolls", was.rolls(), now.rolls());
      diff(diffs, "dwells", was.dwells(), now.dwells());
      diff(diffs, "breaths", was.breaths(), now.breaths());
      if (Math.abs(was.holdS() - now.holdS()) >= 0.5) {
        diffs.add(String.format(Locale.ROOT, "hold %.0f s -> %.0f s", was.holdS(), now.holdS()));
      }
      if (!diffs.isEmpty()) lines.add(e.id() + ": " + String.join(", ", diffs));
    }
    old.keySet().stream().sorted().forEach(id -> lines.add(id + ": no longer in sessions/"));
    return lines;
  }

  private static void diff(List<String> diffs, String what, int was, int now) {
    if (was != now) diffs.add(what + " " + was + " -> " + now);
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
