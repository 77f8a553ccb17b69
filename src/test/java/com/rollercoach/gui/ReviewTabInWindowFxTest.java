package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.gui.review.ReviewPane;
import com.rollercoach.review.TestSessions;
import com.rollercoach.review.library.SessionLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Review tab as the window shows it at 1280×800 (the app's stylesheet, tab bar and top bar). */
@ExtendWith(ApplicationExtension.class)
class ReviewTabInWindowFxTest {
  private AppWindow window;
  private Scene scene;

  @Start
  void start(Stage stage) throws IOException {
    Path home = Files.createTempDirectory("rc-review-tab");
    Path data = home;
    Path in = Files.createTempDirectory("rc-review-tab-in");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      for (int i = 0; i < 12; i++) {
        Path csv = TestSessions.writeCsv(in.resolve(i + ".csv"), Map.of(), 40 + 5 * i, 10);
        lib.importSession(csv, SessionLibrary.ImportOptions.defaults().withPatient(i % 2 == 0 ? "Ann" : "Bob")
            .withStartedAt(Instant.parse("2026-11-01T08:00:00Z").plusSeconds(86400L * i)));
      }
    }
    window = TestWindows.open(stage, data);
    scene = stage.getScene();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  @Test
  void showsAScreenfulOfSessions(FxRobot robot) throws Exception {
    Tab review = window.tabs().getTabs().stream().filter(t -> t.getText().equals("Review")).findFirst().orElseThrow();
    robot.interact(() -> window.tabs().getSelectionModel().select(review));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> review.getContent() instanceof ReviewPane
        && robot.lookup("#sessionTable").tryQuery().isPresent()
        && ((TableView<?>) robot.lookup("#sessionTable").query()).getItems().size() == 12);
    TableView<?> table = (TableView<?>) robot.lookup("#sessionTable").query();
    robot.interact(() -> table.getSelectionModel().select(0));
    Thread.sleep(1500);
    WaitForAsyncUtils.waitForFxEvents();
    Path dir = Path.of(System.getProperty("roller-coach.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    robot.interact(() -> {
      try {
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png",
            dir.resolve("review-tab-1280x800.png").toFile());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    long rows = table.lookupAll(".table-row-cell").stream()
        .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty() && r.isVisible()
            && r.localToScene(r.getBoundsInLocal()).getMaxY() <= table.localToScene(table.getBoundsInLocal()).getMaxY())
        .count();
    assertTrue(rows >= 8, "sessions visible at 1280x800: " + rows);
    TableView<?> events = (TableView<?>) robot.lookup("#eventTable").query();
    long eventRows = visibleRows(events);
    assertTrue(eventRows >= Math.min(5, events.getItems().size()), "events visible at 1280x800: " + eventRows);
    // every column of the session list is on screen, none squeezed to nothing ("Checks" was)
    for (var c : table.getColumns()) {
      assertTrue(c.getWidth() >= 40, c.getText() + " is " + c.getWidth() + " px wide");
    }
    // the Pace column says its unit
    assertTrue(table.lookupAll(".text").stream().anyMatch(
        n -> n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().endsWith(" cm/s")),
        "a pace with its unit");
  }

  private static long visibleRows(TableView<?> table) {
    double bottom = table.localToScene(table.getBoundsInLocal()).getMaxY();
    return table.lookupAll(".table-row-cell").stream()
        .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty() && r.isVisible()
            && r.localToScene(r.getBoundsInLocal()).getMaxY() <= bottom + 1)
        .count();
  }
}
