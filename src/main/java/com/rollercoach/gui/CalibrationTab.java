package com.rollercoach.gui;

import com.rollercoach.gui.calibration.CalibrationWizard;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;

/** The Calibrate tab: the guided calibration wizard. */
final class CalibrationTab {
  private CalibrationTab() {}

  static Node create(Supplier<Path> dataDir) {
    return new CalibrationWizard(dataDir);
  }
}
