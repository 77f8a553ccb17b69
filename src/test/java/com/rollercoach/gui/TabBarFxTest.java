package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Mute / Large text / Stop bar is laid over the tab headers: at 1280×800 they never touch. */
@ExtendWith(ApplicationExtension.class)
class TabBarFxTest {
  private AppWindow window;

  @Start
  void start(Stage stage) throws IOException {
    window = TestWindows.open(stage, Files.createTempDirectory("rc-tab-bar"));
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  @Test
  void allSixTabsStayClearOfTheMuteButtonInBothTextSizes(FxRobot robot) {
    for (boolean large : new boolean[] {false, true, false}) {
      robot.interact(() -> {
        ToggleButton toggle = robot.lookup("#largeTextButton").queryAs(ToggleButton.class);
        if (toggle.isSelected() != large) toggle.fire();
      });
      WaitForAsyncUtils.waitForFxEvents();
      robot.interact(() -> window.root().applyCss());
      robot.interact(() -> window.root().layout());
      WaitForAsyncUtils.waitForFxEvents();
      double[] tabsRight = {0};
      int[] shown = {0};
      double[] muteLeft = {0};
      robot.interact(() -> {
        for (Node tab : window.tabs().lookupAll(".tab")) {
          Bounds b = tab.localToScene(tab.getBoundsInLocal());
          tabsRight[0] = Math.max(tabsRight[0], b.getMaxX());
          if (tab.isVisible() && b.getMaxX() <= window.root().getScene().getWidth()) shown[0]++;
        }
        Node mute = robot.lookup("#muteButton").query();
        muteLeft[0] = mute.localToScene(mute.getBoundsInLocal()).getMinX();
      });
      String mode = large ? "large text" : "normal text";
      assertEquals(window.tabs().getTabs().size(), shown[0], mode + ": every tab header is in the window");
      assertTrue(tabsRight[0] + 8 <= muteLeft[0],
          mode + ": the last tab ends at " + tabsRight[0] + " px, Mute starts at " + muteLeft[0] + " px");
    }
  }
}
