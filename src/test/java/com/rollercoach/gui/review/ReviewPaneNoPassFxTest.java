package com.rollercoach.gui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.review.SyntheticSession;
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
 * "0.0", where `sessions list`, `sessions show`, the report and the progress page show none.
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
    pane = new ReviewPane(data, (lib, e) -> SyntheticSession.typical());
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
  }
}
