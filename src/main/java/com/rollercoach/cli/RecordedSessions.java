package com.rollercoach.cli;

import com.rollercoach.io.DataFolder;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Puts a finished recording into the physio's library at once, so that {@code sessions list} and the
 * app show it without a {@code sessions reindex}. Only recordings saved in a library's {@code sessions/}
 * folder are indexed: the default {@code ~/.roller-coach/sessions}, or a {@code sessions/} folder beside
 * an existing {@code library.db}. A recording saved anywhere else is the user's own file; indexing it
 * would create a library nobody asked for.
 *
 * <p>Indexing only reads the recording, which is closed by then. Any failure is one warning line and
 * the recording stays where it is; the next {@code sessions reindex} adopts it.
 */
final class RecordedSessions {
  private RecordedSessions() {}

  /**
   * The library entry made for {@code recording} of {@code durationS} seconds of samples, or empty
   * when it is not in a library, too short or failed.
   */
  static Optional<SessionEntry> index(Path recording, double durationS, DataFolder data, PrintStream out,
      PrintStream err) {
    Optional<Path> root = libraryOf(recording, data);
    if (root.isEmpty()) return Optional.empty();
    if (!SessionLibrary.isListable(durationS)) { // kept as a file, not listed: the library's one rule
      // says the rule and the way past it: "56 s of data is no session" left a short try-out unlisted
      // with no word of the minute it needed or of sessions import
      out.println(String.format(java.util.Locale.ROOT,
          "Not added to the library: %.0f s of data, under the %.0f s a session lasts at least (the file is"
              + " kept; `roller-coach sessions import %s` lists it anyway)",
          durationS, SessionLibrary.MIN_SESSION_S, recording));
      return Optional.empty();
    }
    try (SessionLibrary lib = SessionLibrary.open(root.get())) {
      SessionEntry e = lib.adopt(recording);
      out.println("Added to the library as session " + e.id());
      return Optional.of(e);
    } catch (IOException | RuntimeException e) {
      Warnings.print(err, recording + " is saved but not yet in the library ("
          + e.getMessage() + "); 'sessions reindex' will add it");
      return Optional.empty();
    }
  }

  /** The data folder whose {@code sessions/} holds {@code recording}, if any. */
  static Optional<Path> libraryOf(Path recording, DataFolder data) {
    Path dir = recording.toAbsolutePath().normalize().getParent();
    if (dir == null || dir.getParent() == null || !dir.getFileName().toString().equals("sessions")) {
      return Optional.empty();
    }
    Path root = dir.getParent();
    boolean isDefault = root.equals(data.root().toAbsolutePath().normalize());
    return isDefault || SessionLibrary.existsIn(root) ? Optional.of(root) : Optional.empty();
  }
}
