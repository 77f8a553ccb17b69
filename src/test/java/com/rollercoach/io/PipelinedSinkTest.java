package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinedSinkTest {
  /** Records every call as text, and the thread it came on. */
  private static final class Log implements SampleSink {
    final List<String> calls = new ArrayList<>();

    @Override
    public void accept(ImuSample s) {
      calls.add("s" + s.tS());
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
      calls.add("gap " + fromS + "-" + toS + " " + reason);
    }

    @Override
    public void end() {
      calls.add("end");
    }
  }

  @Test
  void downstreamSeesExactlyTheDirectSequenceAcrossChunksAndGaps() {
    Log direct = new Log();
    Log piped = new Log();
    PipelinedSink feed = new PipelinedSink(piped);
    int n = PipelinedSink.CHUNK * PipelinedSink.QUEUED_CHUNKS * 3 + 17;
    for (int i = 0; i < n; i++) {
      ImuSample s = new ImuSample(i, 0, 0, 1, 0, 0, 0);
      direct.accept(s);
      feed.accept(s);
      if (i % 5000 == 4999) {
        direct.gap(i, i + 0.5, "test");
        feed.gap(i, i + 0.5, "test");
      }
    }
    direct.end();
    feed.end();
    assertEquals(direct.calls, piped.calls);
  }

  @Test
  void aDownstreamFailureReachesTheCaller() {
    SampleSink failing =
        s -> {
          if (s.tS() > 100) throw new IllegalStateException("boom at " + s.tS());
        };
    PipelinedSink feed = new PipelinedSink(failing);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              for (int i = 0; i < 100_000; i++) feed.accept(new ImuSample(i, 0, 0, 1, 0, 0, 0));
              feed.end();
            });
    assertEquals("boom at 101.0", e.getMessage());
    assertThrows(IllegalStateException.class, feed::close, "close reports it too, and returns");
  }

  /**
   * Issue 13 defect 3: the pipeline threw while the end marker was already queued; the worker's
   * queue.clear() discarded it and both threads waited forever (analyze at 0 % CPU).
   */
  @Test
  @org.junit.jupiter.api.Timeout(10)
  void aFailureAfterTheEndMarkerIsQueuedDoesNotDeadlock() {
    SampleSink slowThenFailing =
        s -> {
          try {
            Thread.sleep(300); // long enough for the caller to queue the end marker meanwhile
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("NaN reached the roll axis");
        };
    PipelinedSink feed = new PipelinedSink(slowThenFailing);
    feed.accept(new ImuSample(0, 0, 0, 1, Double.NaN, 0, 0));
    IllegalStateException e = assertThrows(IllegalStateException.class, feed::end);
    assertEquals("NaN reached the roll axis", e.getMessage());
  }
}
