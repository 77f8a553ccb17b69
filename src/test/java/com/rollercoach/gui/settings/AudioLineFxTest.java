package com.rollercoach.gui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.gui.sound.CuePlayer;
import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With no audio device the settings' audio line says what failed and what to do ("press Test sound"),
 * and the button keeps its words beside it (the long line squeezed it to "…").
 */
@ExtendWith(ApplicationExtension.class)
class AudioLineFxTest {
  private SettingsView view;

  @Start
  void start(Stage stage) throws Exception {
    SettingsStore store = new SettingsStore(Files.createTempDirectory("rc-audio-line"));
    view = new SettingsView(store, store.defaults(), false, s -> {});
    view.getStylesheets().add(com.rollercoach.gui.AppWindow.class.getResource("app.css").toExternalForm());
    view.getStyleClass().add("root");
    view.soundCheck(() -> {}, () -> "no sound output found");
    stage.setScene(new Scene(view, 1280, 800));
    stage.show();
  }

  @Test
  void saysWhatFailedAndTheButtonItNamesIsWhole(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    Label line = robot.lookup("#audioStatus").queryAs(Label.class);
    assertEquals(CuePlayer.statusLine("no sound output found"), line.getText());
    Button test = robot.lookup("#testSound").queryAs(Button.class);
    String shown = test.lookupAll(".text").stream()
        .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText())
        .findFirst().orElse("");
    assertEquals("Test sound", shown);
  }
}
