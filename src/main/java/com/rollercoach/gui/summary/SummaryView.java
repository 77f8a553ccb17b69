package com.rollercoach.gui.summary;

import com.rollercoach.core.coach.Verdict;
import com.rollercoach.core.detect.SessionAnalysis;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The end-of-session screen: the headline numbers and one verdict line per part of the protocol. */
public final class SummaryView extends ScrollPane {
  private final VBox content = new VBox();
  private final Label saved = new Label();

  public SummaryView() {
    content.getStyleClass().add("screen");
    setContent(content);
    setFitToWidth(true);
    saved.setId("summarySaved");
    saved.getStyleClass().add("muted-text");
    showEmpty();
  }

  private void showEmpty() {
    Label title = title("No session yet");
    Label hint = new Label("Start a session from the Start tab; its summary appears here when it ends.");
    hint.getStyleClass().add("muted-text");
    content.getChildren().setAll(title, hint);
  }

  /**
   * A session in which no sample arrived: what failed and what to do, instead of counts of nothing.
   *
   * @param why the source's failure or the session's no-data message (null: not known)
   */
  public void showNothingRecorded(String source, String why, String savedTo) {
    Label title = title("No data from " + source);
    Label reason = new Label(why == null || why.isBlank()
        ? "No sample arrived. Is the sensor switched on and streaming, on this port?" : why);
    reason.setId("summaryNoData");
    reason.setWrapText(true);
    Label hint = new Label("Check the connection and start again from the Start tab.");
    hint.getStyleClass().add("muted-text");
    saved.setText(savedTo);
    content.getChildren().setAll(title, reason, hint, saved);
  }

  /** Shows {@code s}; {@code savedTo} says where it was saved (or why not). */
  public void show(SessionSummary s, String savedTo) {
    SessionAnalysis a = s.analysis();
    HBox numbers = new HBox(40,
        number("rolls", Integer.toString(a.rolls()), "summaryRolls"),
        number("passes", Integer.toString(a.passes().size()), "summaryPasses"),
        // no pass: no pace or range, as the review and the report say ("0.0 cm/s" read as a stand-still pace)
        number("pace", a.passes().isEmpty() ? "–" : com.rollercoach.review.Measures.pace(a.paceCmS()), "summaryPace"),
        number("range", a.passes().isEmpty() ? "–" : com.rollercoach.review.Measures.range(a.rangeCm()), "summaryRange"),
        number("time", Clock.minutes(a.durationS()), "summaryDuration"));
    GridPane verdicts = new GridPane();
    verdicts.setHgap(18);
    verdicts.setVgap(8);
    verdicts.setId("verdicts");
    int row = 0;
    for (Verdict v : s.verdicts()) {
      boolean ok = v.level() == Verdict.Level.GOOD || v.level() == Verdict.Level.INFO;
      Label mark = new Label(ok ? "✔" : "•");
      mark.getStyleClass().add(ok ? "verdict-ok" : "verdict-bad");
      Label topic = new Label(v.aspect().title());
      topic.getStyleClass().add("verdict-topic");
      Label text = new Label(v.message());
      text.getStyleClass().add("verdict-text");
      text.setWrapText(true);
      // The mark and the topic keep their width; only the sentence wraps.
      mark.setMinWidth(Region.USE_PREF_SIZE);
      topic.setMinWidth(Region.USE_PREF_SIZE);
      verdicts.addRow(row++, mark, topic, text);
    }
    VBox card = new VBox(verdicts);
    card.getStyleClass().add("card");
    saved.setText(savedTo);
    Label source = new Label(String.format(Locale.ROOT, "%s · %,d samples · %d frames lost",
        s.source(), s.samples(), s.framesLost()));
    source.getStyleClass().add("muted-text");
    content.getChildren().setAll(title("Session summary"), numbers, card);
    if (!a.dwells().isEmpty()) {
      // the tender spots' positions are on the back, as analyze, sessions show and the report give
      // them (SessionProcessor judges in this frame): say from where, as they do
      Label positions = new Label(com.rollercoach.review.frame.BackFrames.of(a, null, null).describe());
      positions.setId("summaryPositions");
      positions.getStyleClass().add("muted-text");
      positions.setWrapText(true);
      content.getChildren().add(positions);
    }
    content.getChildren().addAll(source, saved);
  }

  private static VBox number(String caption, String value, String id) {
    Label v = new Label(value);
    v.getStyleClass().add("summary-number");
    v.setId(id);
    Label c = new Label(caption.toUpperCase(Locale.ROOT));
    c.getStyleClass().add("counter-caption");
    VBox box = new VBox(0, c, v);
    box.setAlignment(Pos.TOP_LEFT);
    return box;
  }

  private static Label title(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("screen-title");
    return l;
  }
}
