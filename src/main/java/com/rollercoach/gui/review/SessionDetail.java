package com.rollercoach.gui.review;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.report.ReviewSession;
import com.rollercoach.review.report.EventRow;
import com.rollercoach.review.report.SessionCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/**
 * One session under review: a heading, the zoomable timeline (drag or scroll to zoom, ctrl- or alt-drag
 * to pan) and speed charts, and the event table. Clicking an event zooms the charts onto it.
 */
final class SessionDetail extends VBox {
  /** Seconds shown either side of an event when jumping to it: enough to see the strokes around it. */
  static final double CONTEXT_S = 15;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final ChartViewer timeline;
  private final ChartViewer speed;
  private final TableView<EventRow> events = new TableView<>();
  private IntervalMarker focus;

  /** Saves edited notes of a session (off the FX thread). */
  interface NotesSaver {
    void save(SessionEntry entry, SessionNotes notes);
  }

  private final ReviewSession review;
  private final NotesEditor notes;

  SessionDetail(ReviewSession review, NotesSaver saver) {
    this.review = review;
    SessionEntry entry = review.entry();
    ReplayResult replay = review.onBack();
    CoachingTargets targets = review.prescription().targets();
    setSpacing(6);
    getStyleClass().add("session-detail");
    var a = replay.analysis();
    Label title = new Label(entry.patient() + " · " + WHEN.format(entry.startedAt()));
    title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
    double[] span = review.rollingSpan();
    // no pass: no pace or range ("0.0 cm/s while rolling · range 0 cm" read as a stand-still pace)
    String rolling = a.passes().isEmpty() ? "no pace or range (no passes)"
        : String.format(Locale.ROOT, "%s while rolling · range %s, %s", com.rollercoach.review.Measures.pace(a.paceCmS()),
            com.rollercoach.review.Measures.range(a.rangeCm()),
            review.frame().rangeVerdict(span[0], span[1]));
    Label facts = new Label(String.format(Locale.ROOT,
        "%d rolls (%d–%d prescribed) · %s · %d tender spot(s) · hold %s",
        a.rolls(), targets.rollsMin(), targets.rollsMax(), rolling, a.dwells().size(),
        a.holds().isEmpty() ? "none" : Durations.clock(a.holds().get(0).durationS())));
    facts.setWrapText(true);
    // Wrapped, never cut to "…": a label in a VBox is otherwise held to one line.
    facts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label frame = new Label(review.frame().describe());
    frame.setId("frameText");
    frame.setWrapText(true);
    frame.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    frame.setStyle("-fx-text-fill: #52606d;");
    timeline = new ChartViewer(SessionCharts.onBack(SessionCharts.timeline(a, replay.trace()), review.frame(), false));
    timeline.setId("timelineViewer");
    timeline.setPrefHeight(300);
    timeline.setMinHeight(140);
    speed = new ChartViewer(SessionCharts.speed(a, replay.trace(), targets));
    speed.setPrefHeight(170);
    speed.setMinHeight(100);
    // ChartViewer zooms on drag and scroll and pans on alt-drag, which many Linux desktops take for
    // moving the window: also pan on ctrl-drag.
    for (ChartViewer v : new ChartViewer[] {timeline, speed}) {
      v.getCanvas().addMouseHandler(new PanHandlerFX("ctrl-pan", false, true, false, false));
    }
    Button reset = new Button("Reset zoom");
    reset.setId("resetZoom");
    reset.setOnAction(e -> resetZoom());
    reset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    events.setId("eventTable");
    events.setItems(FXCollections.observableArrayList(EventRow.condensed(a, review.frame().directionKnown())));
    events.getColumns().add(column("Event", EventRow::label, 120));
    events.getColumns().add(column("Start", e -> Durations.clock(e.startS()), 60));
    events.getColumns().add(column("Duration", e -> e.endS() > e.startS() ? Durations.clock(e.durationS()) : "", 70));
    events.getColumns().add(column("Position", e -> Double.isNaN(e.positionCm()) ? ""
        : review.frame().position(e.positionCm()), 70));
    events.getColumns().add(column("Details", EventRow::detail, 220));
    events.setPrefHeight(200);
    // Details takes the width that is left, so the table never scrolls sideways (a scroll bar hid its
    // only visible row once the columns grew with the type).
    events.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // The widths are for 13 px type; under the app's stylesheet (16 px, bold headers) "Duration" and
    // "Position" were cut to "Dura..." and "Posi...": scaled with the type the pane gets.
    ScaledColumns.scale(events, ScaledColumns.BASE_FONT_PX);
    // At least a header and MIN_EVENT_ROWS rows, whatever the charts want: in the window at 1280×800
    // (16 px type) the charts took the height and the table showed two rows.
    events.setMinHeight(eventTableMinHeight(ScaledColumns.BASE_FONT_PX));
    ScaledColumns.follow(events, facts.fontProperty(),
        () -> events.setMinHeight(eventTableMinHeight(facts.getFont().getSize())));
    events.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
      if (row != null) jumpTo(row);
    });
    VBox.setVgrow(timeline, Priority.ALWAYS);
    notes = new NotesEditor(entry.notes());
    Button save = new Button("Save notes");
    save.setId("saveNotes");
    save.setOnAction(e -> saver.save(entry, notes.notes()));
    save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    notes.setMinWidth(0);
    HBox notesRow = new HBox(8, notes, save);
    HBox.setHgrow(notes, Priority.ALWAYS);
    notesRow.setStyle("-fx-alignment: center-left;");
    VBox heading = new VBox(2, title, facts, frame);
    heading.setMinWidth(0);
    HBox.setHgrow(heading, Priority.ALWAYS);
    HBox head = new HBox(12, heading, reset);
    getChildren().addAll(head, timeline, speed, events, notesRow);
  }

  private static TableColumn<EventRow, String> column(String name,
      Function<EventRow, String> value, double width) {
    TableColumn<EventRow, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    c.setSortable(false);
    return ScaledColumns.withBaseWidth(c, width);
  }

  /** Zooms both charts onto the event (with context either side) and highlights it. */
  void jumpTo(EventRow row) {
    double from = row.startS() - CONTEXT_S;
    double to = Math.max(row.endS(), row.startS()) + CONTEXT_S;
    for (ChartViewer v : new ChartViewer[] {timeline, speed}) {
      v.getChart().getXYPlot().getDomainAxis().setRange(from, to);
    }
    XYPlot plot = timeline.getChart().getXYPlot();
    if (focus != null) plot.removeDomainMarker(focus, Layer.FOREGROUND);
    // Outline only: the event's own shading (dwell, hold) stays visible inside it.
    focus = new IntervalMarker(row.startS(), Math.max(row.endS(), row.startS() + 0.5),
        new Color(0, 0, 0, 0), new BasicStroke(2f), SessionCharts.INK, new BasicStroke(2f), 1f);
    plot.addDomainMarker(focus, Layer.FOREGROUND);
  }

  void resetZoom() {
    for (ChartViewer v : new ChartViewer[] {timeline, speed}) {
      v.getChart().getXYPlot().getDomainAxis().setAutoRange(true);
      v.getChart().getXYPlot().getRangeAxis().setAutoRange(true);
    }
  }

  ReviewSession review() {
    return review;
  }

  NotesEditor notesEditor() {
    return notes;
  }

  /** Rows of the event table always shown. */
  static final int MIN_EVENT_ROWS = 5;

  /** A header and {@link #MIN_EVENT_ROWS} rows of {@code fontPx} type (a row is about 1.8 em). */
  static double eventTableMinHeight(double fontPx) {
    return Math.ceil((MIN_EVENT_ROWS + 1) * fontPx * 1.8) + 4;
  }

  TableView<EventRow> events() {
    return events;
  }

  JFreeChart timelineChart() {
    return timeline.getChart();
  }
}
