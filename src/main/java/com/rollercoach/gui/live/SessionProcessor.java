package com.rollercoach.gui.live;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.LiveCueEngine;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.summary.SessionSummary;
import java.util.function.Consumer;

/**
 * The per-sample work of a live session, on the source thread: every sample goes through the {@link
 * MotionPipeline}; its events feed the cue engine and the summary; the state after each sample is
 * published for the display. This is the only consumer of the source, so no sample is dropped.
 */
public final class SessionProcessor implements SampleSink {
  private final MotionPipeline pipeline;
  private final LiveCueEngine cues;
  private final AnalysisCollector tally = new AnalysisCollector();
  private final LiveFeed feed;
  private final Consumer<Cue> sound;
  private final CoachingTargets targets;
  private long samples;
  private double firstS = Double.NaN;
  private double lastPassSpeed = Double.NaN;

  /**
   * @param sound where cues go to be heard (must not block: the sound player queues them)
   */
  public SessionProcessor(
      PipelineConfig config, CoachingTargets targets, LiveFeed feed, Consumer<Cue> sound) {
    this.targets = targets;
    this.feed = feed;
    this.sound = sound;
    this.cues = new LiveCueEngine(targets, this::onCue);
    this.pipeline = new MotionPipeline(config, this::onEvent);
  }

  @Override
  public void accept(ImuSample sample) {
    if (samples++ == 0) {
      firstS = sample.tS();
    }
    pipeline.accept(sample);
    LiveState state = pipeline.state();
    cues.onState(state);
    feed.trace().add(sample.tS(), state.positionCm(), state.speedCmS());
    publish(state);
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    pipeline.gap(fromS, toS, reason);
  }

  /** Flushes the pipeline (the last stroke, a running hold) and returns the session's summary. */
  public SessionSummary finish(String source) {
    pipeline.end();
    LiveState state = pipeline.state();
    publish(state);
    double endS = Double.isNaN(state.tS()) ? firstS : state.tS();
    var analysis = tally.analysis(Double.isNaN(firstS) ? 0 : firstS, Double.isNaN(endS) ? 0 : endS);
    return new SessionSummary(source, analysis, targets, new SessionCoach(targets).judge(analysis), samples,
        feed.snapshot().link().framesLost());
  }

  public long samples() {
    return samples;
  }

  private void publish(LiveState state) {
    double[] range = cues.startingRangeCm();
    Snapshot previous = feed.snapshot();
    feed.publish(new Snapshot(state, cues.stillMode(),
        range.length == 2 ? range[0] : Double.NaN, range.length == 2 ? range[1] : Double.NaN,
        lastPassSpeed, previous.link(), samples));
  }

  private void onEvent(MotionEvent e) {
    if (e instanceof MotionEvent.PassCompleted p) {
      lastPassSpeed = p.pass().meanSpeedCmS();
    }
    tally.onEvent(e);
    cues.onEvent(e);
    feed.event(e);
  }

  private void onCue(Cue c) {
    feed.cue(c);
    sound.accept(c);
  }
}
