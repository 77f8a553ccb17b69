package com.rollercoach.calibration;

import com.rollercoach.core.calibration.DeviceCalibration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the calibration of a device by its id: {@code <dir>/<device-id>.json} in the first folder
 * that has one, by default {@code ./calibration} (next to the project or the sessions) and then
 * {@code ~/.roller-coach/calibration} (per user).
 */
public final class CalibrationResolver {
  private final List<Path> dirs;

  public CalibrationResolver(List<Path> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  public static CalibrationResolver standard() {
    return new CalibrationResolver(List.of(Path.of("calibration"), userDir()));
  }

  /** {@code ~/.roller-coach/calibration}: where {@code calibrate} saves when not told otherwise. */
  public static Path userDir() {
    return com.rollercoach.io.DataFolder.resolve(null).calibrationDir();
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
