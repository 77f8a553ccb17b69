package com.rollercoach.cli;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ImuCorrection;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Simulated session 7 as recorded by a device called "sim-device", and calibrations for that device
 * that change only the roller diameter (identity IMU correction, the simulation's true roll axis).
 */
final class SimDevice {
  static final String ID = "sim-device";

  /** A pass line of the live console; group 1 is its travel in cm. */
  static final Pattern PASS = Pattern.compile("\\s*\\d+:\\d\\d  pass \\d+ \\S+\\s+([0-9.]+) cm at .*");

  final SimulatedSession session = SimulatedSession.create(SimulationSpec.of(7));
  private final Path dir;

  SimDevice(Path dir) {
    this.dir = dir;
  }

  /** The session as CSV with {@code # device=sim-device}. */
  Path csv() throws Exception {
    Path plain = dir.resolve("s.csv");
    session.writeCsv(plain, false);
    Path csv = dir.resolve("with-device.csv");
    Files.writeString(csv, "# device=" + ID + "\n" + Files.readString(plain));
    return csv;
  }

  Path calibration(double diameterCm) throws Exception {
    return calibration(ID, diameterCm);
  }

  Path calibration(String deviceId, double diameterCm) throws Exception {
    DeviceCalibration c =
        new DeviceCalibration(
            deviceId,
            ImuCorrection.identity(),
            new Vector3D(session.mount().axisInSensor()),
            diameterCm,
            "entered",
            Double.NaN,
            new DeviceCalibration.Provenance(Instant.EPOCH, "test", "test", "test"),
            new DeviceCalibration.FitQuality(0, 0, 0, 0, 0, false, false, Double.NaN, 0, 0));
    Path f = dir.resolve("cal-" + deviceId + "-" + diameterCm + ".json");
    CalibrationFile.write(c, f);
    return f;
  }

  /** Installs {@code calibration} as the device's own in {@code home}'s per-user folder. */
  static void installForUser(Path home, Path calibration) throws Exception {
    installForUser(home, ID, calibration);
  }

  static void installForUser(Path home, String deviceId, Path calibration) throws Exception {
    Path dir = Files.createDirectories(home.resolve(".roller-coach").resolve("calibration"));
    Files.copy(calibration, dir.resolve(deviceId + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Sum of the travel of every pass line in console output. */
  static double totalTravelCm(String consoleOut) {
    return consoleOut.lines().map(PASS::matcher).filter(Matcher::matches)
        .mapToDouble(m -> Double.parseDouble(m.group(1))).sum();
  }
}
