package com.rollercoach.io;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands samples to another sink on a second thread, in order, in chunks: batch analysis parses the file
 * on the caller's thread while the pipeline runs on this one, so a cold JVM compiles and runs both at
 * once on two cores (analyze of an hour-long CSV is dominated by warm-up, not by steady-state work).
 * Memory stays bounded: at most {@value #QUEUED_CHUNKS} chunks of {@value #CHUNK} samples wait.
 *
 * <p>The downstream sink sees exactly the calls it would have seen directly, from one thread, with
 * {@link #end()} returning only after it has processed everything. A failure downstream is rethrown to
 * the caller at its next call.
 */
final class PipelinedSink implements SampleSink, AutoCloseable {
  static final int CHUNK = 2048;
  static final int QUEUED_CHUNKS = 4;

  /** A run of samples, or a gap, or the end marker (null samples and NaN gap). */
  private record Chunk(ImuSample[] samples, int count, double gapFromS, double gapToS, String reason) {
    static final Chunk END = new Chunk(null, 0, Double.NaN, Double.NaN, null);
  }

  private final SampleSink downstream;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private final Thread worker;
  private volatile RuntimeException failure;
  private ImuSample[] filling = new ImuSample[CHUNK];
  private int filled;
  private boolean ended;

  PipelinedSink(SampleSink downstream) {
    this.downstream = downstream;
    this.worker = new Thread(this::drain, "pipeline");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void accept(ImuSample sample) {
    filling[filled++] = sample;
    if (filled == CHUNK) flush();
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    flush();
    put(new Chunk(null, 0, fromS, toS, reason));
  }

  /** Delivers everything queued, then ends the downstream sink; returns when it is done. */
  @Override
  public void end() {
    finish();
    downstream.end();
  }

  /** Delivers everything queued without ending the downstream sink (the input failed part-way). */
  @Override
  public void close() {
    finish();
  }

  private void finish() {
    if (ended) return;
    ended = true;
    try {
      flush();
    } finally {
      // The end marker goes in even after a failure, so the worker always stops.
      try {
        queue.put(Chunk.END);
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while finishing the analysis", e);
      }
    }
    rethrow();
  }

  private void flush() {
    if (filled == 0) return;
    put(new Chunk(filling, filled, Double.NaN, Double.NaN, null));
    filling = new ImuSample[CHUNK];
    filled = 0;
  }

  private void put(Chunk chunk) {
    rethrow();
    try {
      queue.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while feeding the analysis", e);
    }
  }

  private void rethrow() {
    if (failure != null) throw failure;
  }

  private void drain() {
    try {
      for (Chunk c = queue.take(); c != Chunk.END; c = queue.take()) {
        if (c.samples() == null) {
          downstream.gap(c.gapFromS(), c.gapToS(), c.reason());
        } else {
          for (int i = 0; i < c.count(); i++) downstream.accept(c.samples()[i]);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      // The producer may be blocked on a full queue: drain until the end marker arrives. Never
      // clear() the queue: the marker may already be in it, and discarding it left both threads
      // waiting for each other forever (issue 13: one NaN gyro value deadlocked analyze).
      try {
        for (Chunk c = queue.take(); c != Chunk.END; c = queue.take()) {
          // discard
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
