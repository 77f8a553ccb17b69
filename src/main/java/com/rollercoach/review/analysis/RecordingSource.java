package com.rollercoach.review.analysis;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;

/**
 * A stored session that can be played through the pipeline again: its metadata first (the roller
 * diameter must be known before the pipeline is built), then its samples.
 */
public interface RecordingSource {
  SessionMetadata metadata();

  /** Pushes every sample, in order, then calls {@link SampleSink#end()}. */
  void replay(SampleSink sink) throws IOException;

  /**
   * Link counters learnt while replaying ({@code lost_frames}, {@code crc_failures}), for sources
   * that went through a decoder; empty for files of samples.
   */
  default SessionMetadata linkStats() {
    return SessionMetadata.empty();
  }
}
