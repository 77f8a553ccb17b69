package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every `gui` start printed "WARNING: Unsupported JavaFX configuration: classes were loaded from
 * 'unnamed module …'" with a timestamp: nothing a user can act on. Quiet while the toolkit starts,
 * JavaFX's warnings shown again once it is up.
 */
class QuietStartupTest {
  @Test
  void javafxWarningsAreQuietOnlyWhileStarting() {
    Logger javafx = Logger.getLogger("javafx");
    GuiLauncher.quietStartup();
    assertEquals(Level.SEVERE, javafx.getLevel());
    GuiLauncher.started();
    assertNull(javafx.getLevel());
  }
}
