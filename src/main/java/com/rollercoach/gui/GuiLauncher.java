package com.rollercoach.gui;

import java.awt.GraphicsEnvironment;
import javafx.application.Application;

/**
 * Starts the JavaFX application from a class that is not itself an {@code Application} (a shaded jar
 * whose Main-Class extends Application refuses to start on the class path).
 */
public final class GuiLauncher {
  private static volatile GuiOptions options = GuiOptions.startScreen();

  private GuiLauncher() {}

  /** True when a window can be opened here (a desktop, or an X server such as Xvfb). */
  public static boolean displayAvailable() {
    return !GraphicsEnvironment.isHeadless();
  }

  private static volatile boolean failed;

  /**
   * JavaFX's own logger, held so its level sticks (the logging framework keeps loggers weakly): it
   * printed "WARNING: Unsupported JavaFX configuration: classes were loaded from 'unnamed module …'" with
   * a timestamp on every start, which tells a user nothing they can act on (the jar bundles JavaFX on
   * the class path by design). Only while the toolkit starts: {@link #started} restores it.
   */
  private static final java.util.logging.Logger JAVAFX_STARTUP =
      java.util.logging.Logger.getLogger("javafx");

  /** Opens the window and returns when it is closed: 0, or 2 when something asked of it failed (--snapshot). */
  public static int launch(GuiOptions o) {
    options = o;
    failed = false;
    quietStartup();
    Application.launch(RollerCoachApp.class);
    return failed ? 2 : 0;
  }

  /** Until {@link #started}: only JavaFX's errors. */
  static void quietStartup() {
    JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
  }

  /** The toolkit is up: JavaFX's own warnings (CSS, …) are shown again from here on. */
  static void started() {
    JAVAFX_STARTUP.setLevel(null);
  }

  /** Something the command line asked of the window failed (it said so): the command exits 2. */
  static void failed() {
    failed = true;
  }

  static GuiOptions options() {
    return options;
  }
}
