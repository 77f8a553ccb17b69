package com.rollercoach.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When a live recording ends: after {@code --duration}, or on Ctrl-C/SIGTERM. A JVM shutdown runs
 * its hooks and then halts, so the hook installed here holds the shutdown until the recording thread
 * says the file is closed ({@link #close()}), for at most {@value #SHUTDOWN_WAIT_S} s: a Ctrl-C never
 * leaves a torn last record behind.
 */
final class RecordingStop implements AutoCloseable {
  private static final long SHUTDOWN_WAIT_S = 10;

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook =
      new Thread(
          () -> {
            stop.countDown();
            try {
              finished.await(SHUTDOWN_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          },
          "record-shutdown");

  RecordingStop() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Waits for Ctrl-C/SIGTERM, or for {@code durationS} seconds when it is not null. */
  void await(Double durationS) throws InterruptedException {
    if (durationS != null) stop.await(Math.round(durationS * 1000), TimeUnit.MILLISECONDS);
    else stop.await();
  }

  /**
   * Like {@link #await(Double)}, running {@code tick} about every 250 ms meanwhile (the live
   * session's no-data watch: the reading thread may sit in a read that never returns data).
   */
  void await(Double durationS, Runnable tick) throws InterruptedException {
    long end = durationS == null ? Long.MAX_VALUE : System.nanoTime() + Math.round(durationS * 1e9);
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0 || stop.await(Math.min(left, 250_000_000L), TimeUnit.NANOSECONDS)) return;
      tick.run();
    }
  }

  /** The recording is closed: a shutdown under way may go on. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is running and returns now that `finished` is counted down.
    }
  }
}
