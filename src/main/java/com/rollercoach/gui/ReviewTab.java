package com.rollercoach.gui;

import com.rollercoach.gui.review.ReviewPane;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.control.Tab;

/**
 * The Review tab hosts the physio's review screen ({@link ReviewPane}). It is built the first time the
 * tab is shown, on the data folder of the moment: opening the library touches the disk and its index,
 * which a patient who only coaches never needs.
 */
final class ReviewTab {
  private ReviewTab() {}

  static void install(Tab tab, Supplier<Path> dataDir) {
    tab.setContent(AppWindow.placeholder("Review", "Loading the session library…"));
    tab.setOnSelectionChanged(e -> {
      if (tab.isSelected() && !(tab.getContent() instanceof ReviewPane)) {
        tab.setContent(new ReviewPane(dataDir.get()));
      } else if (tab.isSelected() && tab.getContent() instanceof ReviewPane p) {
        p.refresh();
      }
    });
  }

  static void dispose(Tab tab) {
    if (tab.getContent() instanceof ReviewPane p) {
      p.dispose();
    }
  }
}
