package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.CoachingTargets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the live view (rolling, a dwell, the hold) and the summary to PNG, for the README. Written to
 * {@code target/screenshots}, or to the folder named by {@code -Droller-coach.screenshots=DIR} (use
 * {@code docs/screenshots} to refresh the committed ones).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotFxTest {
  private AppWindow window;
  private Scene scene;

  @Start
  void start(Stage stage) throws IOException {
    Path home = Files.createTempDirectory("rc-gui-shots");
    window = TestWindows.open(stage, home);
    scene = stage.getScene();
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  @Test
  void rendersLiveViewAndSummary(FxRobot robot) throws IOException {
    Path dir = Path.of(System.getProperty("roller-coach.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    ScriptedSession[] script = new ScriptedSession[1];
    robot.interact(() -> {
      window.start(new IdleSource());
      script[0] = new ScriptedSession(window.liveView().session().feed(), CoachingTargets.defaults());
    });
    shoot(robot, script[0], 100, dir.resolve("live-dwell.png"));
    shoot(robot, script[0], 206, dir.resolve("live-rolling.png"));
    shoot(robot, script[0], 275, dir.resolve("live-hold.png"));
    robot.interact(() -> {
      script[0].advanceTo(ScriptedSession.END);
      script[0].finish();
      window.liveView().refresh();
    });
    save(robot, dir.resolve("summary.png"));
  }

  @Test
  void rendersTheCalibrationWizardRunning(FxRobot robot) throws Exception {
    Path dir = Path.of(System.getProperty("roller-coach.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    robot.interact(() -> window.tabs().getSelectionModel().select(4));
    robot.clickOn("#calDemo");
    org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
        () -> robot.lookup("#calStep").queryAs(javafx.scene.control.Label.class).getText()
            .startsWith("Step 2"));
    save(robot, dir.resolve("calibration.png"));
  }

  private void shoot(FxRobot robot, ScriptedSession script, double t, Path file) throws IOException {
    robot.interact(() -> {
      script.advanceTo(t);
      window.liveView().refresh();
    });
    save(robot, file);
  }

  private void save(FxRobot robot, Path file) throws IOException {
    BufferedImage[] img = new BufferedImage[1];
    robot.interact(() -> img[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null));
    ImageIO.write(img[0], "png", file.toFile());
    assertTrue(img[0].getWidth() == 1280 && img[0].getHeight() == 800, file + " has the window's size");
    assertTrue(distinctColours(img[0]) > 50, file + " is not blank");
  }

  private static int distinctColours(BufferedImage img) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 4) {
      for (int x = 0; x < img.getWidth(); x += 4) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
