package com.rollercoach.gui.review;

import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SessionNotes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * The end-of-session question: pain before and after, and a note. The live view calls
 * {@link #askAndSave} once the recording is in the library; Review uses the same {@link NotesEditor}.
 */
public final class SessionNotesDialog extends Dialog<SessionNotes> {
  public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
  public static final ButtonType SKIP = new ButtonType("Skip", ButtonBar.ButtonData.CANCEL_CLOSE);

  private final NotesEditor editor;

  public SessionNotesDialog(SessionNotes initial) {
    setTitle("Session notes");
    setHeaderText("How is your back? Pain 0 (none) to 10 (worst imaginable), before and after rolling.");
    editor = new NotesEditor(initial);
    getDialogPane().setContent(editor);
    getDialogPane().getButtonTypes().setAll(SAVE, SKIP);
    getDialogPane().setPrefWidth(520);
    setResultConverter(b -> b == SAVE ? editor.notes() : null);
  }

  NotesEditor editor() {
    return editor;
  }

  /**
   * Asks (on the FX thread, modal to {@code owner}) and writes the answer to the session's notes.
   * Returns the saved notes, or empty when skipped. The one call the live view makes when a session
   * ends: {@code SessionNotesDialog.askAndSave(stage, dataDir, sessionId)}.
   */
  public static Optional<SessionNotes> askAndSave(Window owner, Path dataDir, String sessionId) throws IOException {
    SessionNotes current;
    try (SessionLibrary lib = SessionLibrary.open(SessionLibrary.rootOf(dataDir))) {
      current = lib.get(sessionId).notes();
    }
    SessionNotesDialog d = new SessionNotesDialog(current);
    if (owner != null) {
      d.initOwner(owner);
      // The window's look (dark, large text when on): the patient reads this from the floor too.
      if (owner.getScene() != null) {
        var root = owner.getScene().getRoot();
        d.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        if (root.getStyleClass().contains("large")) d.getDialogPane().getStyleClass().add("large");
      }
    }
    Optional<SessionNotes> answer = d.showAndWait();
    if (answer.isPresent()) save(dataDir, sessionId, answer.get());
    return answer;
  }

  /** Writes notes to a library session (sidecar first, then the index). */
  public static void save(Path dataDir, String sessionId, SessionNotes n) throws IOException {
    try (SessionLibrary lib = SessionLibrary.open(SessionLibrary.rootOf(dataDir))) {
      lib.note(sessionId, n.painBefore().isPresent() ? n.painBefore().getAsInt() : null,
          n.painAfter().isPresent() ? n.painAfter().getAsInt() : null, n.text());
    }
  }
}
