package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.SampleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A port that does not exist: the summary said "0 rolls · 0.0 cm/s · 0.0 cm" with verdicts about a
 * session that never was, and the reason was nowhere on it. Now it says what failed.
 */
@ExtendWith(ApplicationExtension.class)
class NothingRecordedFxTest {
  private AppWindow window;
  private Path home;

  @Start
  void start(Stage stage) throws IOException {
    home = Files.createTempDirectory("rc-nothing");
    window = TestWindows.open(stage, home);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  @Test
  void aSourceThatCannotOpenSaysWhyOnTheSummary(FxRobot robot) throws Exception {
    SampleSource missing = new SampleSource() {
      @Override
      public String description() {
        return "/dev/ttyNone";
      }

      @Override
      public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
        throw new IOException("no such port /dev/ttyNone: is the roller plugged in and switched on?");
      }

      @Override
      public void stop() {}
    };
    robot.interact(() -> window.start(missing));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#summaryNoData").tryQuery().isPresent());
    Label why = robot.lookup("#summaryNoData").queryAs(Label.class);
    assertEquals("no such port /dev/ttyNone: is the roller plugged in and switched on?", why.getText());
    assertFalse(robot.lookup("#summaryPace").tryQuery().isPresent(), "no pace of nothing");
    assertTrue(robot.lookup("#verdicts").tryQuery().isEmpty(), "no verdicts of nothing");
  }
}
