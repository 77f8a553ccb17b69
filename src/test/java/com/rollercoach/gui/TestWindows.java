package com.rollercoach.gui;

import com.rollercoach.gui.settings.SettingsStore;
import com.rollercoach.gui.sound.CuePlayer;
import com.rollercoach.gui.sound.Speech;
import java.nio.file.Path;
import javafx.stage.Stage;

/** The window as the GUI tests open it: on its own data folder, silent (no sound, no speech), 1280×800. */
public final class TestWindows {
  private TestWindows() {}

  /** Opens the window on {@code dataDir} in {@code stage}; call on the FX thread. */
  public static AppWindow open(Stage stage, Path dataDir) {
    SettingsStore store = new SettingsStore(dataDir);
    AppWindow window = new AppWindow(store, store.defaults().withSound(false), new CuePlayer(Speech.none()), false);
    stage.setScene(window.scene(1280, 800));
    stage.show();
    return window;
  }
}
