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

  /** Opens the window and returns when it is closed. */
  public static void launch(GuiOptions o) {
    options = o;
    Application.launch(RollerCoachApp.class);
  }

  static GuiOptions options() {
    return options;
  }
}
