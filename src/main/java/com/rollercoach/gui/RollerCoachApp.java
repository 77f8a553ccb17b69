package com.rollercoach.gui;

import com.rollercoach.gui.perf.PerfMeter;
import com.rollercoach.io.DataFolder;
import com.rollercoach.gui.settings.SettingsStore;
import com.rollercoach.gui.settings.UserSettings;
import com.rollercoach.gui.sound.CuePlayer;
import com.rollercoach.gui.sound.Speech;
import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.source.Sources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** The JavaFX application; started by {@link GuiLauncher}, never as the jar's Main-Class. */
public final class RollerCoachApp extends Application {
  private AppWindow window;

  @Override
  public void start(Stage stage) {
    GuiLauncher.started();
    GuiOptions options = GuiLauncher.options();
    window = open(stage, options);
    Scene scene = stage.getScene();
    if (options.exitAfterS() > 0) {
      PauseTransition p = new PauseTransition(Duration.seconds(options.exitAfterS()));
      p.setOnFinished(e -> {
        options.snapshot().ifPresent(f -> {
          if (!snapshot(scene, f)) GuiLauncher.failed();
        });
        if (options.perf()) {
          System.err.println("perf: " + PerfMeter.retainedHeapLine());
        }
        Platform.exit();
      });
      p.play();
    }
  }

  /**
   * Builds the window on {@code stage} as {@code gui} asks: the one data folder resolved here, once
   * ({@code --data-dir}, else {@code ~/.roller-coach}), and passed down to everything; then starts
   * the requested session, if any. On the FX thread.
   */
  static AppWindow open(Stage stage, GuiOptions options) {
    SettingsStore store = new SettingsStore(DataFolder.resolve(options.dataDir().orElse(null)));
    UserSettings settings = store.load();
    if (options.largeText()) {
      settings = settings.withLargeText(true);
    }
    AppWindow w = new AppWindow(store, settings, new CuePlayer(Speech.detect()), options.perf());
    Scene scene = w.scene(1280, 800);
    stage.setTitle("Roller Coach");
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    stage.show();
    startRequested(w, options);
    return w;
  }

  @Override
  public void stop() {
    if (window != null) {
      window.shutdown();
    }
  }

  private static void startRequested(AppWindow window, GuiOptions o) {
    if (o.replay().isPresent()) {
      startOrReport(window, () -> SampleFiles.replay(o.replay().get(), o.speed()));
    } else if (o.sample()) {
      startOrReport(window, () -> Sources.bundledSample(o.speed(), o.sampleMinDurationS()));
    } else if (o.demo()) {
      startOrReport(window, Sources::demo);
    } else if (o.port().isPresent()) {
      startOrReport(window, () -> Sources.serial(o.port().get(), window.dataDir(), window.patient()));
    }
  }

  private static void startOrReport(AppWindow window, Supplier<SampleSource> s) {
    try {
      window.start(s.get());
    } catch (RuntimeException e) {
      System.err.println("roller-coach gui: " + e.getMessage());
    }
  }

  /**
   * Saves what the window shows as PNG (the same pixels a screenshot would have), all or nothing
   * ({@link com.rollercoach.io.AtomicOutput}); false, said in one line, when it could not.
   * {@code ImageIO.write(image, "png", File)} deletes the file before writing: {@code --snapshot
   * /dev/full} run as root replaced the device with a regular file and said "saved".
   */
  static boolean snapshot(Scene scene, Path file) {
    java.awt.image.BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
    try {
      com.rollercoach.io.AtomicOutput.write(file, true, target -> {
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(target)) {
          if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer");
        }
      });
      System.err.println("roller-coach gui: saved " + file);
      return true;
    } catch (IOException | RuntimeException e) {
      String why = e.getCause() instanceof IOException c ? c.getMessage() : e.getMessage();
      System.err.println("roller-coach gui: " + file + ": cannot write (" + why + ")");
      return false;
    }
  }
}
