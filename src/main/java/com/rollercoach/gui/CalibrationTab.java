package com.rollercoach.gui;

import javafx.scene.Node;

/** The Calibrate tab: the guided calibration wizard. */
final class CalibrationTab {
  private CalibrationTab() {}

  static Node create() {
    return AppWindow.placeholder("Calibration",
        "The guided calibration wizard arrives with the calibration step logic.");
  }
}
