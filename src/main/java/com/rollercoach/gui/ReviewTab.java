package com.rollercoach.gui;

import com.rollercoach.gui.settings.UserSettings;
import javafx.scene.Node;

/** The Review tab: hosts the session-library review screen. */
final class ReviewTab {
  private ReviewTab() {}

  static Node create(UserSettings settings) {
    return AppWindow.placeholder("Review",
        "The session library and review screen arrive with the review work.");
  }
}
