package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.SessionMetadata;

/** A recording played through the pipeline again: everything the report and the library need. */
public record ReplayResult(
    SessionMetadata metadata,
    SessionAnalysis analysis,
    PositionTrace trace,
    DataQuality quality) {}
