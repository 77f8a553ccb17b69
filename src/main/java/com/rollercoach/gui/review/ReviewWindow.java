package com.rollercoach.gui.review;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The review screen in a window of its own, for hosts that do not embed {@link ReviewPane}. */
public final class ReviewWindow {
  private ReviewWindow() {}

  /** Opens the review window for a data folder; call on the FX application thread. */
  public static Stage show(Path dataDir) {
    ReviewPane pane = new ReviewPane(dataDir);
    Stage stage = new Stage();
    stage.setTitle("Roller Coach: review");
    stage.setScene(new Scene(pane, 1280, 800));
    stage.setOnHidden(e -> pane.dispose());
    stage.show();
    return stage;
  }
}
