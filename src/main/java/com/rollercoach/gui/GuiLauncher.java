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

  /** Opens the window and returns when it is closed: 0, or 2 when something asked of it failed (--snapshot). */
  public static int launch(GuiOptions o) {
    options = o;
    failed = false;
    Application.launch(RollerCoachApp.class);
    return failed ? 2 : 0;
  }

  /** Something the command line asked of the window failed (it said so): the command exits 2. */
  static void failed() {
    failed = true;
  }

  static GuiOptions options() {
    return options;
  }
}
