package com.rollercoach.calibration;

import com.rollercoach.core.calibration.DeviceCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the calibration of a device by its id: {@code <dir>/<device-id>.json} in the first folder
 * that has one. Every command and the window look in the one data folder's {@code calibration/}
 * ({@link #of}), where {@code calibrate} and the window's wizard write; an explicit
 * {@code --calibration FILE} bypasses it.
 */
public final class CalibrationResolver {
  private final List<Path> dirs;

  public CalibrationResolver(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  /**
   * The data folder's {@code calibration/}: the one place calibrations are written and read. (It used
   * to be {@code ./calibration} first, which the CLI's {@code calibrate} wrote to while the window
   * wrote to the data folder: a calibration made in one was not found by the other.)
   */
  public static CalibrationResolver of(com.rollercoach.io.DataFolder data) {
    return new CalibrationResolver(List.of(data.calibrationDir()));
  }

  public List<Path> dirs() {
    return dirs;
  }

  /** A calibration and the file it came from. */
  public record Found(Path file, DeviceCalibration calibration) {}

  /**
   * The device's calibration, empty when no folder has a file for it (or the id cannot be a file
   * name: it then cannot have one). A file that exists but is invalid is an error, not a silent
   * fallback to self-calibration.
   */
  public Optional<Found> find(String deviceId) throws CalibrationFileException {
    if (deviceId == null || !CalibrationFile.DEVICE_ID.matcher(deviceId).matches()) {
      return Optional.empty();
    }
    for (Path dir : dirs) {
      Path file = dir.resolve(CalibrationFile.fileName(deviceId));
      if (Files.isRegularFile(file)) {
        DeviceCalibration c = CalibrationFile.read(file);
        if (!c.deviceId().equals(deviceId)) {
          throw new CalibrationFileException(
              file, "deviceId", "the file is for device \"" + c.deviceId() + "\", not \"" + deviceId + "\"");
        }
        return Optional.of(new Found(file, c));
      }
    }
    return Optional.empty();
  }
}
