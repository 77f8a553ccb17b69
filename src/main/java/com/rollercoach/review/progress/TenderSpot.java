package com.rollercoach.review.progress;

import java.time.Instant;

/**
 * A place along the back where the patient held still in several sessions: a spot that stays tender.
 *
 * @param positionCm mean position of the dwells in the cluster
 * @param sessions sessions with a dwell there
 * @param dwells dwells there in total
 * @param meanDurationS mean dwell duration
 * @param firstSeen start of the first session with a dwell there
 * @param lastSeen start of the last
 */
public record TenderSpot(
    double positionCm, int sessions, int dwells, double meanDurationS, Instant firstSeen,
    Instant lastSeen) {}
