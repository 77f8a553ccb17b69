package com.rollercoach.cli;

import com.rollercoach.io.DataFolder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir DIR} for the commands that read or write the data folder but have no session
 * options ({@code analyze}, {@code calibrate}): resolved by {@link DataFolder#resolve}, as for
 * {@code record}, {@code replay} and the window, so a calibration written by one is found by all.
 */
final class DataDirOption {
  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data folder: settings, sessions, calibrations, profiles (default: ~/.roller-coach)")
  Path dataDir;

  DataFolder folder() {
    return DataFolder.resolve(dataDir);
  }
}
