package com.rollercoach.gui.review;

import com.rollercoach.review.library.SessionNotes;
import java.util.OptionalInt;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Pain before and after (0–10, the NRS-11 scale physiotherapists use; "–" when not asked) and a free
 * note: the same editor at the end of a session and in Review.
 */
public final class NotesEditor extends GridPane {
  static final String NOT_NOTED = "–";

  private final ComboBox<String> before = scale("painBefore");
  private final ComboBox<String> after = scale("painAfter");
  private final TextArea text = new TextArea();

  public NotesEditor(SessionNotes initial) {
    setHgap(8);
    setVgap(6);
    setPadding(new Insets(4, 0, 4, 0));
    text.setId("noteText");
    text.setPromptText("How did it go? Where was it tender? (optional)");
    text.setWrapText(true);
    text.setPrefRowCount(3);
    add(new Label("Pain 0–10, before"), 0, 0);
    add(before, 1, 0);
    add(new Label("after"), 2, 0);
    add(after, 3, 0);
    add(text, 0, 1, 4, 1);
    GridPane.setHgrow(text, Priority.ALWAYS);
    set(initial);
  }

  private static ComboBox<String> scale(String id) {
    ComboBox<String> c = new ComboBox<>();
    c.setId(id);
    c.getItems().add(NOT_NOTED);
    for (int i = 0; i <= 10; i++) c.getItems().add(String.valueOf(i));
    c.setValue(NOT_NOTED);
    c.setVisibleRowCount(12);
    c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return c;
  }

  public void set(SessionNotes n) {
    before.setValue(n.painBefore().isPresent() ? String.valueOf(n.painBefore().getAsInt()) : NOT_NOTED);
    after.setValue(n.painAfter().isPresent() ? String.valueOf(n.painAfter().getAsInt()) : NOT_NOTED);
    text.setText(n.text());
  }

  public SessionNotes notes() {
    return new SessionNotes(pain(before.getValue()), pain(after.getValue()), text.getText().strip());
  }

  private static OptionalInt pain(String v) {
    return v == null || NOT_NOTED.equals(v) ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
  }
}
