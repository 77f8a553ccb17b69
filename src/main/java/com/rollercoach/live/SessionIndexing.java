package com.rollercoach.live;

import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Puts a recording a live session made into the library of its data folder, under the patient named
 * in the recording, as soon as the session ends (window and terminal alike). Sessions shorter than
 * {@link SessionLibrary#MIN_SESSION_S} are kept as files but not listed: a wrong port, a false start
 * (the library's one rule, {@link SessionLibrary#isListable}, which reindex applies too).
 */
public final class SessionIndexing {
  private SessionIndexing() {}

  /** What happened, in one line for the user, and the entry when one was made. */
  public record Outcome(String message, SessionEntry entry) {}

  public static Outcome index(Path recording, double durationS, Path dataDir) {
    if (!SessionLibrary.isListable(durationS)) {
      return new Outcome(String.format(Locale.ROOT,
          "Not added to the library: %.0f s of data is no session (the file is kept)", durationS), null);
    }
    try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
      SessionEntry e = lib.adopt(recording);
      return new Outcome("Added to the library as session " + e.id() + " of " + e.patient(), e);
    } catch (IOException | RuntimeException e) {
      return new Outcome(recording + " is saved but not yet in the library (" + e.getMessage()
          + "); 'sessions reindex' will add it", null);
    }
  }
}
