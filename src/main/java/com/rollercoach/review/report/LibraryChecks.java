package com.rollercoach.review.report;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.review.analysis.PositionTrace;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.frame.BackFrames;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SidecarJson;
import com.rollercoach.review.patients.Dated;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Checks} of library sessions, judged when they are shown: from the analysis stored beside each
 * recording (no replay), the patient's prescription in force on the session's date, and the session's
 * back frame. The frame needs the roll axis (a replay, cached in {@code DATA/frames/}) only when the
 * device knows its direction toward the head; otherwise the direction is unknown whatever the axis.
 *
 * <p>One instance serves one listing: prescriptions and calibrations are read once per patient and
 * device. Not thread-safe; the window uses it on its one background thread.
 */
public final class LibraryChecks {
  private final ReviewSessions reviews;
  private final FrameCache frames;
  private final ZoneId zone;
  private final Map<String, List<Dated<Prescription>>> histories = new HashMap<>();
  private final Map<String, Boolean> directional = new HashMap<>();

  public LibraryChecks(Path dataDir) {
    this(new ReviewSessions(dataDir), dataDir, ZoneId.systemDefault());
  }

  public LibraryChecks(ReviewSessions reviews, Path dataDir, ZoneId zone) {
    this.reviews = reviews;
    this.frames = new FrameCache(dataDir, reviews);
    this.zone = zone;
  }

  /**
   * The session's checks, or empty when neither its stored analysis nor its recording can be read
   * (the listing shows "–" for it rather than stopping).
   */
  public Optional<Checks> of(SessionLibrary lib, SessionEntry e) {
    return reviewOf(lib, e).flatMap(LibraryChecks::checksOf);
  }

  /** The checks of a session already reviewed; empty when they cannot be judged. */
  public static Optional<Checks> checksOf(ReviewSession review) {
    try {
      return Optional.of(Checks.of(review));
    } catch (RuntimeException ex) {
      return Optional.empty();
    }
  }

  /**
   * The session as the checks judge it: its prescription and the frame they give positions in
   * (centimetres from the session's landmark), so a listing beside them uses the same one; empty
   * when the session cannot be read.
   */
  public Optional<ReviewSession> reviewOf(SessionLibrary lib, SessionEntry e) {
    try {
      return Optional.of(review(lib, e));
    } catch (IOException | RuntimeException ex) {
      return Optional.empty();
    }
  }

  /** The prescription in force on the session's date and since when (null: the protocol's defaults). */
  public Dated<Prescription> prescriptionOf(SessionEntry e) {
    LocalDate day = e.startedAt().atZone(zone).toLocalDate();
    return Dated.inForce(histories.computeIfAbsent(e.patient(), p -> reviews.patients().history(p)), day);
  }

  private ReviewSession review(SessionLibrary lib, SessionEntry e) throws IOException {
    Dated<Prescription> rx = prescriptionOf(e);
    Prescription p = rx == null ? Prescription.protocolDefault() : rx.value();
    Optional<LocalDate> from = rx == null ? Optional.empty() : Optional.of(rx.from());
    ReplayResult raw;
    try {
      var stored = SidecarJson.readAnalysis(lib.inSessions(lib.sessionsDir().resolve(e.id() + ".analysis.json")));
      raw = new ReplayResult(SessionMetadata.empty(), stored.analysis(), new PositionTrace(), stored.quality(), null);
    } catch (IOException | RuntimeException missing) {
      // No usable stored analysis (an old or damaged sidecar): the recording itself, replayed.
      ReplayResult replayed = lib.replay(e);
      return ReviewSession.of(e, replayed, reviews.of(e, replayed).frame(), p, from);
    }
    boolean knowsDirection = directional.computeIfAbsent(e.device(), d -> reviews.headward(d).isPresent());
    BackFrame frame = knowsDirection ? frames.frameOf(lib, e) : BackFrames.of(raw.analysis(), null, null);
    return ReviewSession.of(e, raw, frame, p, from);
  }
}
