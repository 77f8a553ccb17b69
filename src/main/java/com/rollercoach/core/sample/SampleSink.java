package com.rollercoach.core.sample;

/**
 * Where a source pushes samples, one at a time, in time order. The pipeline, recorders and charts are
 * all sinks, so live, replay and batch analysis take exactly the same path.
 */
public interface SampleSink {
  /**
   * The next sample; its {@code tS} is not less than the previous one's. Equal stamps are distinct
   * samples that a coarse clock or a burst stamped on arrival could not tell apart (the pipeline
   * spaces them on the device's clock); an exact copy of the previous sample is a re-sent row.
   */
  void accept(ImuSample sample);

  /**
   * The source knows that samples are missing between two times (a dropped link, a reconnect).
   * Sinks also see gaps as jumps in {@code tS}; this call only adds the source's reason.
   */
  default void gap(double fromS, double toS, String reason) {}

  /** No more samples will come: flush whatever is still open (the last stroke, a running hold). */
  default void end() {}
}
