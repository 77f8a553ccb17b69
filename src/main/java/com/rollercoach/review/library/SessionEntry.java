package com.rollercoach.review.library;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One session in the library: who, when, with what, where its files are, what it measured and what
 * was noted about it.
 *
 * @param id stable identifier, also the file stem of the recording inside {@code sessions/}
 * @param patient patient or profile name as the user typed it (untrusted text: escape when shown)
 * @param startedAt wall-clock start of the session
 * @param device device id or description, empty when unknown
 * @param calibration calibration used (file name or "self-calibrating")
 * @param rollerDiameterCm roller diameter the analysis used, cm
 * @param recording the raw recording or imported CSV, inside the data folder
 */
public record SessionEntry(
    String id,
    String patient,
    Instant startedAt,
    String device,
    String calibration,
    double rollerDiameterCm,
    Path recording,
    SessionSummary summary,
    SessionNotes notes) {

  public SessionEntry withNotes(SessionNotes newNotes) {
    return new SessionEntry(
        id, patient, startedAt, device, calibration, rollerDiameterCm, recording, summary, newNotes);
  }
}
