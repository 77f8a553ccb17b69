package com.rollercoach.gui;

import com.rollercoach.gui.calibration.CalibrationWizard;
import javafx.scene.Node;

/** The Calibrate tab: the guided calibration wizard. */
final class CalibrationTab {
  private CalibrationTab() {}

  static Node create() {
    return new CalibrationWizard();
  }
}
