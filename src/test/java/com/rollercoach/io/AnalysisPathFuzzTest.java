package com.rollercoach.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;

/**
 * Issue 13: arbitrary bytes as a session file, the whole way: the opener, the reader it picks, the
 * edge check, the pipeline and the analysis. Only the documented one-line error ({@link
 * InputFileException}) may come out, and every input must finish within a time budget: a hang is a
 * finding (a 1e300 timestamp once spun RollSignal's grid forever). {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=AnalysisPathFuzzTest -DexcludedTestGroups=none} fuzzes for real.
 */
@Tag("fuzz")
class AnalysisPathFuzzTest {
  /** Far above the milliseconds a small input takes, far below "forever". */
  private static final long BUDGET_S = 20;

  private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fuzz analysis");
    t.setDaemon(true);
    return t;
  });

  @FuzzTest(maxDuration = "30s")
  void bytesNeverHangOrCrashTheAnalysis(byte[] data) throws Exception {
    Path dir = Files.createTempDirectory("rc-fuzz");
    Path file = dir.resolve("input.csv");
    try {
      Files.write(file, data);
      Future<?> run = RUNNER.submit(() -> {
        try {
          SessionAnalyzer.analyze(file, OptionalDouble.empty(), null);
        } catch (InputFileException expected) {
          // the documented outcome for a bad file
        }
      });
      try {
        run.get(BUDGET_S, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("analysis did not finish within " + BUDGET_S + " s (a hang)");
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof UncheckedIOException u && u.getCause() != null) {
          throw new AssertionError("an I/O error escaped as a stack trace: " + u, u);
        }
        if (c instanceof Error err) throw err;
        throw new AssertionError("only InputFileException may escape, got " + c, c);
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

}
