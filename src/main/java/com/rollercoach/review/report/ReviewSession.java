package com.rollercoach.review.report;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.frame.BackFrames;
import com.rollercoach.review.library.SessionEntry;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One session as a physio reviews it: the library entry, the replay with every position on the back
 * ({@link BackFrame}) and pace over rolling time only, and the prescription in force on its date.
 *
 * @param prescribedFrom the day that prescription took effect; empty for the protocol's defaults
 */
public record ReviewSession(
    SessionEntry entry,
    ReplayResult onBack,
    BackFrame frame,
    Prescription prescription,
    Optional<LocalDate> prescribedFrom) {

  /** From a raw replay: maps it onto the back. */
  public static ReviewSession of(SessionEntry entry, ReplayResult raw, BackFrame frame, Prescription p,
      Optional<LocalDate> from) {
    // A replay's analysis carries its pace over rolling time already (AnalysisCollector), and the
    // frame only shifts and flips positions, which leaves every speed's size as it is.
    return new ReviewSession(entry, frame.apply(raw), frame, p, from);
  }

  /** Without a calibration or a patient file: direction unknown, the protocol's prescription. */
  public static ReviewSession plain(SessionEntry entry, ReplayResult raw, Prescription p) {
    return of(entry, raw, BackFrames.of(raw, Optional.empty()), p, Optional.empty());
  }

  /** Lowest and highest position on the back while rolling (the passes' ends); {0, 0} without passes. */
  public double[] rollingSpan() {
    var passes = onBack.analysis().passes();
    return passes.isEmpty() ? new double[] {0, 0} : com.rollercoach.core.detect.Pass.span(passes);
  }
}
