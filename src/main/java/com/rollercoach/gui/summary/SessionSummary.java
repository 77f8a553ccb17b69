package com.rollercoach.gui.summary;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Verdict;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.List;

/**
 * The end of a live session: what was found, judged against the targets.
 *
 * @param source where the samples came from
 * @param samples samples the pipeline processed
 * @param framesLost frames the link lost
 */
public record SessionSummary(
    String source,
    SessionAnalysis analysis,
    CoachingTargets targets,
    List<Verdict> verdicts,
    long samples,
    long framesLost) {}
