package com.rollercoach.review.library;

import java.time.Instant;

/**
 * The facts about a session that its recording cannot tell: who it was, and what was noted. Kept as
 * {@code <id>.session.json} beside the recording so that the index can be rebuilt without losing them.
 *
 * @param source where the session was imported from (its original path), or "recorded"
 */
public record SessionManifest(
    String id,
    String patient,
    Instant startedAt,
    String device,
    String calibration,
    double rollerDiameterCm,
    String source,
    SessionNotes notes) {

  public SessionManifest withNotes(SessionNotes n) {
    return new SessionManifest(
        id, patient, startedAt, device, calibration, rollerDiameterCm, source, n);
  }
}
