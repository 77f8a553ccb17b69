package com.rollercoach.review.analysis;

import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.SessionMetadata;
import java.util.List;

/** A recording played through the pipeline again: everything the report and the library need. */
public record ReplayResult(
    SessionMetadata metadata,
    SessionAnalysis analysis,
    List<MotionEvent> events,
    PositionTrace trace,
    DataQuality quality) {}
