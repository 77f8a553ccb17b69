package com.rollercoach.io.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SampleValidator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 13: one bad sample or one fault behind the live path never ends a live session. */
class LivePathIsolationTest {
  private static ImuSample still(double t) {
    return new ImuSample(t, 0, 0, 1, 0.1, -0.2, 0.05);
  }

  /** Defect 1: phyphox sends null (NaN) for one value; the session went on empty before. */
  @Test
  @Timeout(10)
  void aNanFromThePhoneIsCountedAndTheSessionGoesOn() {
    List<String> told = new ArrayList<>();
    LiveObserver observer = new LiveObserver() {
      @Override
      public void samplesRejected(SampleValidator.Reason reason, long count) {
        told.add(reason + " " + count);
      }
    };
    MotionPipeline pipeline = new MotionPipeline(PipelineConfig.defaults(), e -> {});
    LivePath path = new LivePath(Decoders.standard(), "auto", pipeline, observer);
    for (int i = 0; i < 500; i++) {
      ImuSample s = i == 100 ? new ImuSample(i * 0.01, 0, 0, 1, Double.NaN, 0, 0) : still(i * 0.01);
      path.samples(List.of(s), i * 0.01);
    }
    assertEquals(499, path.samplesDelivered());
    assertEquals(499, pipeline.sampleCount());
    assertEquals(1, path.samplesRejected());
    assertEquals(List.of("NON_FINITE 1"), told);
    assertEquals(0, path.processingFailures());
  }

  /** A text device whose clock jumps by years: the jump is refused and counted, the rest goes on. */
  @Test
  @Timeout(10)
  void aClockJumpIsRefusedNotFollowed() {
    List<ImuSample> got = new ArrayList<>();
    LivePath path = new LivePath(Decoders.standard(), "auto", got::add, LiveObserver.NONE);
    path.samples(List.of(still(1), still(1.01), still(1e14), still(3.2e7), still(1.02)), 0);
    assertEquals(List.of(1.0, 1.01, 1.02), got.stream().map(ImuSample::tS).toList());
    assertEquals(2, path.samplesRejected());
  }

  /** A fault behind the path (a pipeline bug) is counted and reported once; later samples still flow. */
  @Test
  @Timeout(10)
  void aThrowingSinkCostsOneSampleNotTheSession() {
    int[] seen = {0};
    List<RuntimeException> reported = new ArrayList<>();
    SampleSink flaky = s -> {
      seen[0]++;
      if (s.tS() == 0.05) throw new IllegalStateException("bug");
    };
    LivePath path = new LivePath(Decoders.standard(), "auto", flaky, new LiveObserver() {
      @Override
      public void processingFailed(RuntimeException e) {
        reported.add(e);
      }
    });
    for (int i = 0; i < 10; i++) path.samples(List.of(still(i * 0.01)), i * 0.01);
    assertEquals(10, seen[0]);
    assertEquals(1, path.processingFailures());
    assertEquals(1, reported.size());
    assertTrue(reported.get(0).getMessage().contains("bug"));
  }
}
