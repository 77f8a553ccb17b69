package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.SessionMetadata;

/**
 * A recording played through the pipeline again: everything the report and the library need.
 *
 * @param rollAxis the roll axis the pipeline used, sensor coordinates (positive rotation about it is
 *     increasing s); null when never known. With the device's "toward the head" gesture it tells which
 *     way is up the back ({@code review.frame.BackFrame}).
 */
public record ReplayResult(
    SessionMetadata metadata,
    SessionAnalysis analysis,
    PositionTrace trace,
    DataQuality quality,
    double[] rollAxis) {

  public ReplayResult(SessionMetadata metadata, SessionAnalysis analysis, PositionTrace trace,
      DataQuality quality) {
    this(metadata, analysis, trace, quality, null);
  }
}
