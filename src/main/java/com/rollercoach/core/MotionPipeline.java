package com.rollercoach.core;

import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionListener;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;

/**
 * The pure streaming core: IMU samples in, motion events out, one sample at a time, no I/O. Live
 * serial input, replays and batch {@code analyze} all feed this same class.
 *
 * <p>Placeholder: the implementation lands with the core pipeline issue.
 */
public final class MotionPipeline implements SampleSink {
  private final PipelineConfig config;
  private final MotionListener listener;
  private LiveState state = LiveState.initial();

  public MotionPipeline(PipelineConfig config, MotionListener listener) {
    this.config = config;
    this.listener = listener;
  }

  @Override
  public void accept(ImuSample sample) {
    state = new LiveState(sample.tS(), 0, 0, state.phase(), false, 0, 0, Double.NaN, 0);
  }

  @Override
  public void end() {}

  /** The state after the latest sample; cheap, safe to call after every sample. */
  public LiveState state() {
    return state;
  }

  public PipelineConfig config() {
    return config;
  }

  MotionListener listener() {
    return listener;
  }
}
