package com.rollercoach.gui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.SyntheticSession;
import com.rollercoach.review.TestSessions;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.report.EventRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the review screen on a real library (three imported sessions) whose charts come from a
 * hand-built session, so the test does not depend on the detectors.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewPaneFxTest {
  private ReviewPane pane;
  private Path dataDir;
  private Scene scene;
  private final List<URI> opened = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) throws IOException {
    Path data = Files.createTempDirectory("rc-review-fx");
    Path in = data.resolveSibling(data.getFileName() + "-in");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      String[][] sessions = {
        {"Ann", "2026-11-02T08:00:00Z"}, {"Bob", "2026-11-03T08:00:00Z"}, {"Ann", "2026-11-05T08:00:00Z"}
      };
      for (int i = 0; i < sessions.length; i++) {
        // 40, 60 and 80 s of 10 cm strokes: about 5, 7 and 10 rolls.
        Path csv = TestSessions.writeCsv(in.resolve(i + ".csv"), Map.of(), 40 + 20 * i, 10);
        lib.importSession(csv, SessionLibrary.ImportOptions.defaults().withPatient(sessions[i][0])
            .withStartedAt(Instant.parse(sessions[i][1])));
      }
    }
    dataDir = data;
    pane = new ReviewPane(data, (lib, e) -> SyntheticSession.typical());
    pane.setBrowser(opened::add);
    scene = new Scene(pane, 1280, 800);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    pane.dispose();
  }

  private TableView<SessionEntry> sessions(FxRobot robot) {
    return robot.lookup("#sessionTable").queryTableView();
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * In the app, under its stylesheet (16 px type, bold headers), every header and date is whole at
   * 1280 px: the widths were measured for the standalone window's 13 px, and the app's Review tab
   * showed "Che..." and "7 Dec 26 1...".
   */
  @Test
  void headersAndDatesAreWholeUnderTheAppStylesheet(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    robot.interact(() -> pane.getStylesheets().add(
        com.rollercoach.gui.AppWindow.class.getResource("app.css").toExternalForm()));
    robot.interact(() -> pane.getStyleClass().add("root"));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> scene.getRoot().applyCss());
    robot.interact(() -> scene.getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    List<String> cut = new java.util.ArrayList<>();
    for (var n : sessions(robot).lookupAll(".text")) {
      if (n instanceof javafx.scene.text.Text t && t.getText() != null && (t.getText().endsWith("…") || t.getText().endsWith("..."))) {
        cut.add(t.getText());
      }
    }
    assertEquals(List.of(), cut);
  }

  /** The selected session's event table too: "Dura..." and "Posi..." under the app's stylesheet. */
  @Test
  void eventHeadersAreWholeUnderTheAppStylesheet(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    robot.interact(() -> pane.getStylesheets().add(
        com.rollercoach.gui.AppWindow.class.getResource("app.css").toExternalForm()));
    robot.interact(() -> sessions(robot).getSelectionModel().select(0));
    await(() -> pane.shownDetails().size() == 1);
    TableView<EventRow> events = robot.lookup("#eventTable").queryTableView();
    robot.interact(() -> scene.getRoot().applyCss());
    robot.interact(() -> scene.getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    List<String> cut = new java.util.ArrayList<>();
    for (var n : events.lookupAll(".column-header .text")) {
      if (n instanceof javafx.scene.text.Text t && t.getText() != null
          && (t.getText().endsWith("…") || t.getText().endsWith("..."))) {
        cut.add(t.getText());
      }
    }
    assertEquals(List.of(), cut);
    // positions as every other page writes them: this roller's direction is unknown, so no sign
    // (the table wrote "+4 cm" beside the report's "4 cm")
    @SuppressWarnings("unchecked")
    var position = (javafx.scene.control.TableColumn<EventRow, String>) events.getColumns().stream()
        .filter(c -> c.getText().equals("Position")).findFirst().orElseThrow();
    List<String> signed = events.getItems().stream().map(r -> position.getCellData(r))
        .filter(v -> v != null && v.startsWith("+")).toList();
    assertEquals(List.of(), signed);
  }

  @Test
  void listsAndFiltersSessionsByPatient(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    ComboBox<String> patient = robot.lookup("#patientFilter").queryComboBox();
    await(() -> patient.getItems().size() == 3);
    assertEquals(List.of(ReviewPane.ALL_PATIENTS, "Ann", "Bob"), patient.getItems());
    robot.interact(() -> {
      patient.setValue("Ann");
      patient.getOnAction().handle(null);
    });
    await(() -> sessions(robot).getItems().size() == 2);
    assertTrue(sessions(robot).getItems().stream().allMatch(e -> e.patient().equals("Ann")));
    assertEquals(Instant.parse("2026-11-05T08:00:00Z"), sessions(robot).getItems().get(0).startedAt(),
        "newest first");
  }

  @Test
  void clickingAnEventZoomsTheChartOntoIt(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    robot.interact(() -> sessions(robot).getSelectionModel().select(0));
    await(() -> pane.shownDetails().size() == 1);
    SessionDetail detail = pane.shownDetails().get(0);
    TableView<EventRow> events = robot.lookup("#eventTable").queryTableView();
    int dwellRow = -1;
    for (int i = 0; i < events.getItems().size(); i++) {
      if (events.getItems().get(i).kind() == EventRow.Kind.DWELL) dwellRow = i;
    }
    assertTrue(dwellRow >= 0, "the dwell is in the event table");
    EventRow dwell = events.getItems().get(dwellRow);
    Range before = detail.timelineChart().getXYPlot().getDomainAxis().getRange();

    javafx.scene.Node dwellCell = robot.from(events).lookup(".table-row-cell").nth(dwellRow).query();
    robot.clickOn(dwellCell);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(dwell, events.getSelectionModel().getSelectedItem(), "the click selected the dwell");

    Range after = detail.timelineChart().getXYPlot().getDomainAxis().getRange();
    assertEquals(dwell.startS() - SessionDetail.CONTEXT_S, after.getLowerBound(), 1e-9);
    assertEquals(dwell.endS() + SessionDetail.CONTEXT_S, after.getUpperBound(), 1e-9);
    assertTrue(after.getLength() < before.getLength(), "zoomed in from " + before + " to " + after);
    saveScreenshot(robot, "review.png");
  }

  @Test
  void showsTwoSessionsSideBySideAndOpensTheReport(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    robot.interact(() -> sessions(robot).getSelectionModel().selectIndices(0, 2));
    robot.clickOn("#compare");
    await(() -> pane.shownDetails().size() == 2);

    robot.interact(() -> sessions(robot).getSelectionModel().clearAndSelect(1));
    robot.clickOn("#openReport");
    await(() -> opened.size() == 1);
    Path report = Path.of(opened.get(0));
    assertTrue(Files.size(report) > 10_000, "a real report was written");
    assertTrue(Files.readString(report).contains("<svg id=\"timeline\"")
        || Files.readString(report).contains("<svg id='timeline'"));

    pane.setBrowser(uri -> {
      throw new UnsupportedOperationException("no desktop browser available");
    });
    robot.clickOn("#openReport");
    javafx.scene.control.Label status = robot.lookup("#status").queryAs(javafx.scene.control.Label.class);
    await(() -> status.getText().startsWith("Report written to"));
    assertTrue(status.getText().contains(report.toString()), "says where the report is: " + status.getText());
  }

  @Test
  void sortsByRollsPainPatientAndDateAndHeadersAreReadableAt1280(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    TableView<SessionEntry> t = sessions(robot);
    for (var c : t.getColumns()) {
      javafx.scene.text.Text probe = new javafx.scene.text.Text(c.getText());
      assertTrue(c.getWidth() >= probe.getLayoutBounds().getWidth() + 12,
          c.getText() + " is " + c.getWidth() + " px wide: its header would be cut");
    }
    // Pain: notes on two sessions (6→3 on Bob, 4→5 on the later Ann), through the same path as the editor.
    var bob = t.getItems().stream().filter(e -> e.patient().equals("Bob")).findFirst().orElseThrow();
    var ann = t.getItems().stream().filter(e -> e.startedAt().equals(Instant.parse("2026-11-05T08:00:00Z"))).findFirst().orElseThrow();
    SessionNotesDialog.save(dataDir, bob.id(), new com.rollercoach.review.library.SessionNotes(
        java.util.OptionalInt.of(6), java.util.OptionalInt.of(3), ""));
    SessionNotesDialog.save(dataDir, ann.id(), new com.rollercoach.review.library.SessionNotes(
        java.util.OptionalInt.of(4), java.util.OptionalInt.of(5), "tight"));
    robot.interact(pane::refresh);
    await(() -> sessions(robot).getItems().stream().anyMatch(e -> e.notes().painAfter().isPresent()));
    var pain = t.getColumns().stream().filter(c -> c.getText().equals("Pain")).findFirst().orElseThrow();
    robot.interact(() -> {
      pain.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
      t.getSortOrder().setAll(pain);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(ann.id(), t.getItems().get(0).id(), "highest pain after first");
    assertEquals(bob.id(), t.getItems().get(1).id());
    var rolls = t.getColumns().stream().filter(c -> c.getText().equals("Rolls")).findFirst().orElseThrow();
    robot.interact(() -> {
      rolls.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
      t.getSortOrder().setAll(rolls);
    });
    WaitForAsyncUtils.waitForFxEvents();
    for (int i = 1; i < t.getItems().size(); i++) {
      assertTrue(t.getItems().get(i - 1).summary().rolls() <= t.getItems().get(i).summary().rolls());
    }
    // By patient (case-insensitive name), then by date, oldest first.
    var patientCol = t.getColumns().stream().filter(c -> c.getText().equals("Patient")).findFirst().orElseThrow();
    robot.interact(() -> {
      patientCol.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
      t.getSortOrder().setAll(patientCol);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("Bob", "Ann", "Ann"), t.getItems().stream().map(SessionEntry::patient).toList());
    var date = t.getColumns().stream().filter(c -> c.getText().equals("Date")).findFirst().orElseThrow();
    robot.interact(() -> {
      date.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
      t.getSortOrder().setAll(date);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(Instant.parse("2026-11-02T08:00:00Z"), Instant.parse("2026-11-03T08:00:00Z"),
        Instant.parse("2026-11-05T08:00:00Z")), t.getItems().stream().map(SessionEntry::startedAt).toList());
  }

  /** The "Checks" column judges each session by its patient's prescription in force on its date. */
  @Test
  void checksFollowThePrescriptionInForceOnEachSessionsDate(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    TableView<SessionEntry> t = sessions(robot);
    java.util.function.Function<String, Integer> row = day -> {
      for (int i = 0; i < t.getItems().size(); i++) {
        if (t.getItems().get(i).startedAt().equals(Instant.parse(day))) return i;
      }
      throw new AssertionError("no session on " + day);
    };
    String oldDay = "2026-11-02T08:00:00Z";
    String newDay = "2026-11-05T08:00:00Z";
    SessionEntry old = t.getItems().get(row.apply(oldDay));
    SessionEntry recent = t.getItems().get(row.apply(newDay));
    int oldRolls = old.summary().rolls();
    int newRolls = recent.summary().rolls();
    assertTrue(oldRolls >= 1 && newRolls >= 1, oldRolls + ", " + newRolls);
    String[] before = new String[2];
    // The list shows first, each session's checks a moment later.
    await(() -> pane.cellText("Checks", 0).contains("/") && pane.cellText("Checks", 2).contains("/"));
    robot.interact(() -> {
      before[0] = pane.cellText("Checks", row.apply(oldDay));
      before[1] = pane.cellText("Checks", row.apply(newDay));
    });
    // Ann's prescription, with history: from 1 Nov exactly the old session's rolls and up, from 4 Nov
    // one roll more than the recent session did.
    var patients = com.rollercoach.review.patients.Patients.open(dataDir);
    patients.prescribe("Ann", new Prescription(oldRolls, 40, 2, 4, 60, 120, 60, 3), java.time.LocalDate.of(2026, 11, 1));
    patients.prescribe("Ann", new Prescription(newRolls + 1, 40, 2, 4, 60, 120, 60, 3), java.time.LocalDate.of(2026, 11, 4));
    boolean oldMetBefore = oldRolls >= 10 && oldRolls <= 20;
    boolean newMetBefore = newRolls >= 10 && newRolls <= 20;
    String oldAfter = (met(before[0]) + (oldMetBefore ? 0 : 1)) + "/" + total(before[0]);
    String newAfter = (met(before[1]) - (newMetBefore ? 1 : 0)) + "/" + total(before[1]);
    robot.interact(pane::refresh);
    String[] after = new String[2];
    await(() -> {
      after[0] = pane.cellText("Checks", row.apply(oldDay));
      after[1] = pane.cellText("Checks", row.apply(newDay));
      return after[0].equals(oldAfter) && after[1].equals(newAfter);
    });
    assertEquals(oldAfter, after[0], "before: " + before[0]);
    assertEquals(newAfter, after[1], "before: " + before[1]);
  }

  /** Notes written elsewhere (the end-of-session dialog, `sessions note`) are shown when a session is opened. */
  @Test
  void existingNotesAreShownInReview(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    var bob = sessions(robot).getItems().stream().filter(e -> e.patient().equals("Bob")).findFirst().orElseThrow();
    SessionNotesDialog.save(dataDir, bob.id(), new com.rollercoach.review.library.SessionNotes(
        java.util.OptionalInt.of(6), java.util.OptionalInt.of(3), "stiff between the shoulder blades"));
    robot.interact(pane::refresh);
    await(() -> sessions(robot).getItems().stream().anyMatch(e -> e.notes().painBefore().isPresent()));
    robot.interact(() -> {
      var t = sessions(robot);
      for (int i = 0; i < t.getItems().size(); i++) {
        if (t.getItems().get(i).id().equals(bob.id())) t.getSelectionModel().clearAndSelect(i);
      }
    });
    await(() -> pane.shownDetails().size() == 1 && pane.shownDetails().get(0).review().entry().id().equals(bob.id()));
    assertEquals("6", robot.lookup("#painBefore").queryComboBox().getValue());
    assertEquals("3", robot.lookup("#painAfter").queryComboBox().getValue());
    assertEquals("stiff between the shoulder blades",
        robot.lookup("#noteText").queryAs(javafx.scene.control.TextArea.class).getText());
  }

  private static int met(String fraction) {
    return Integer.parseInt(fraction.substring(0, fraction.indexOf('/')));
  }

  private static int total(String fraction) {
    return Integer.parseInt(fraction.substring(fraction.indexOf('/') + 1));
  }

  @Test
  void notesEditedInReviewAreSavedAndTwoSessionsAreCompared(FxRobot robot) throws Exception {
    await(() -> sessions(robot).getItems().size() == 3);
    robot.interact(() -> sessions(robot).getSelectionModel().select(0));
    await(() -> pane.shownDetails().size() == 1);
    String id = pane.shownDetails().get(0).review().entry().id();
    robot.interact(() -> {
      ComboBox<String> before = robot.lookup("#painBefore").queryComboBox();
      ComboBox<String> after = robot.lookup("#painAfter").queryComboBox();
      before.setValue("7");
      after.setValue("2");
      robot.lookup("#noteText").queryAs(javafx.scene.control.TextArea.class).setText("better after the hold");
    });
    robot.clickOn("#saveNotes");
    await(() -> {
      try (SessionLibrary lib = SessionLibrary.open(dataDir)) {
        var n = lib.get(id).notes();
        return n.painBefore().orElse(-1) == 7 && n.painAfter().orElse(-1) == 2 && n.text().equals("better after the hold");
      } catch (IOException e) {
        return false;
      }
    });
    robot.interact(() -> sessions(robot).getSelectionModel().selectIndices(0, 2));
    robot.clickOn("#compare");
    await(() -> pane.shownDetails().size() == 2 && robot.lookup("#compareTable").tryQuery().isPresent());
    javafx.scene.layout.GridPane grid = robot.lookup("#compareTable").queryAs(javafx.scene.layout.GridPane.class);
    List<String> texts = grid.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Label)
        .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
    assertTrue(texts.contains("Tender spots") && texts.contains("Pain before → after"), texts.toString());
    saveScreenshot(robot, "review-compare.png");
  }

  @Test
  void endOfSessionDialogReturnsTheNotes(FxRobot robot) throws Exception {
    SessionNotesDialog[] d = new SessionNotesDialog[1];
    robot.interact(() -> {
      d[0] = new SessionNotesDialog(com.rollercoach.review.library.SessionNotes.none());
      d[0].editor().set(new com.rollercoach.review.library.SessionNotes(java.util.OptionalInt.of(5),
          java.util.OptionalInt.empty(), "ok"));
    });
    var n = d[0].editor().notes();
    assertEquals(5, n.painBefore().getAsInt());
    assertTrue(n.painAfter().isEmpty());
    assertEquals("ok", n.text());
  }

  private void saveScreenshot(FxRobot robot, String name) throws IOException {
    Path dir = Path.of(System.getProperty("roller-coach.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    BufferedImage[] img = new BufferedImage[1];
    robot.interact(() -> img[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
    ImageIO.write(img[0], "png", dir.resolve(name).toFile());
  }
}
