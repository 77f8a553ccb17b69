package com.rollercoach.sim.bench;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.LiveCueEngine;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A session played sample by sample through the pipeline and the live coach ({@link
 * LiveCueEngine}), as {@code replay --cues} hears it: each sample's state reaches the coach right
 * after the sample, each event as the pipeline emits it. What `bench cues` judges, and what tests of
 * the coach read.
 */
public final class CuePlayback {
  /** Where the samples come from (a simulated session, a file's reader). */
  public interface Source {
    void readTo(SampleSink sink) throws Exception;
  }

  /** The cues said, every event the pipeline emitted, and the first sample's time (NaN: none). */
  public record Result(List<Cue> cues, List<MotionEvent> events, double firstS) {}

  private CuePlayback() {}

  public static Result play(Source source, PipelineConfig config, Prescription prescription)
      throws Exception {
    List<Cue> cues = new ArrayList<>();
    List<MotionEvent> events = new ArrayList<>();
    LiveCueEngine engine = new LiveCueEngine(prescription, config.rollingDiameterCm(), cues::add);
    MotionPipeline pipeline = new MotionPipeline(config, e -> {
      events.add(e);
      engine.onEvent(e);
    });
    double[] first = {Double.NaN};
    source.readTo(new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        if (Double.isNaN(first[0])) first[0] = s.tS();
        pipeline.accept(s);
        engine.onState(pipeline.state());
      }

      @Override
      public void gap(double fromS, double toS, String reason) {
        pipeline.gap(fromS, toS, reason);
      }

      @Override
      public void end() {}
    });
    pipeline.end();
    return new Result(cues, events, first[0]);
  }
}
