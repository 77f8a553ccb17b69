package com.rollercoach.core.calibration;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;

/**
 * A {@link SampleSink} decorator that corrects every sample with a device's calibration before
 * passing it on, so the pipeline downstream sees calibrated g and °/s. Gaps and the end of the stream
 * pass through unchanged.
 */
public final class CalibratedSink implements SampleSink {
  private final ImuCorrection correction;
  private final SampleSink downstream;

  public CalibratedSink(ImuCorrection correction, SampleSink downstream) {
    this.correction = correction;
    this.downstream = downstream;
  }

  @Override
  public void accept(ImuSample sample) {
    downstream.accept(correction.apply(sample));
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    downstream.gap(fromS, toS, reason);
  }

  @Override
  public void end() {
    downstream.end();
  }

  public ImuCorrection correction() {
    return correction;
  }
}
