package com.rollercoach.gui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.review.TestSessions;
import com.rollercoach.review.library.SessionLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A session without a pass (a false start, imported explicitly) has no pace: Review's list showed
 * "0.0" and its detail "0.0 cm/s while rolling", where `sessions list`, `sessions show`, the report and the progress page show none.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewPaneNoPassFxTest {
  private ReviewPane pane;

  @Start
  void start(Stage stage) throws IOException {
    Path data = Files.createTempDirectory("rc-review-nopass");
    Path in = Files.createTempDirectory("rc-review-nopass-in");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      Path csv = TestSessions.writeCsv(in.resolve("short.csv"), Map.of(), 2, 10);
      lib.importSession(csv, SessionLibrary.ImportOptions.defaults().withPatient("Ann")
          .withStartedAt(Instant.parse("2026-11-02T08:00:00Z")));
    }
    pane = new ReviewPane(data); // the real replay of the recording, for the detail's facts
    stage.setScene(new Scene(pane, 1280, 800));
    stage.show();
  }

  @AfterEach
  void stop() {
    pane.dispose();
  }

  @Test
  void aSessionWithoutPassesHasNoPace(FxRobot robot) throws Exception {
    TableView<?> t = robot.lookup("#sessionTable").queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> t.getItems().size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("0", pane.cellText("Rolls", 0));
    assertEquals("–", pane.cellText("Pace", 0));
    robot.interact(() -> t.getSelectionModel().select(0));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.shownDetails().size() == 1
        && robot.lookup(".session-detail .label").queryAll().stream()
            .anyMatch(n -> ((javafx.scene.control.Label) n).getText().contains("prescribed)")));
    String facts = robot.lookup(".session-detail .label").queryAll().stream()
        .map(n -> ((javafx.scene.control.Label) n).getText()).filter(x -> x.contains("prescribed)"))
        .findFirst().orElseThrow();
    assertEquals(false, facts.contains("0.0 cm/s"), facts);
    assertEquals(true, facts.contains("no pace"), facts);
  }
}
