package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay}: the device's calibration reaches the live pipeline, explicitly or by device id. */
class ReplayCalibrationTest {
  private static final Pattern PASS = Pattern.compile("\\s*\\d+:\\d\\d  pass \\d+ \\S+\\s+([0-9.]+) cm at .*");

  @TempDir static Path dir;
  static SimulatedSession session;
  static Path csv;

  /** A simulated session as CSV, saying which device recorded it. */
  @BeforeAll
  static void session() throws Exception {
    session = SimulatedSession.create(SimulationSpec.of(7));
    Path plain = dir.resolve("s.csv");
    session.writeCsv(plain, false);
    csv = dir.resolve("with-device.csv");
    Files.writeString(csv, "# device=sim-device\n" + Files.readString(plain));
  }

  /** A calibration for "sim-device" that only sets the roller diameter (identity IMU correction). */
  static Path calibration(double diameterCm) throws Exception {
    DeviceCalibration c =
        new DeviceCalibration(
            "sim-device",
            ImuCorrection.identity(),
            new Vector3D(session.mount().axisInSensor()),
            diameterCm,
            "entered",
            Double.NaN,
            new DeviceCalibration.Provenance(Instant.EPOCH, "test", "test", "test"),
            new DeviceCalibration.FitQuality(0, 0, 0, 0, 0, false, false, Double.NaN, 0, 0));
    Path f = dir.resolve("cal-" + diameterCm + ".json");
    CalibrationFile.write(c, f);
    return f;
  }

  static double totalTravelCm(LiveCommandsTest.Run r) {
    assertEquals(0, r.exit(), r.err());
    double sum = 0;
    int n = 0;
    for (String line : r.out().lines().toList()) {
      Matcher m = PASS.matcher(line);
      if (m.matches()) {
        sum += Double.parseDouble(m.group(1));
        n++;
      }
    }
    assertTrue(n >= 10, r.out());
    return sum;
  }

  @Test
  void aCalibratedDiameterScalesEveryPass() throws Exception {
    double label = session.nominalDiameterCm();
    double plain = totalTravelCm(LiveCommandsTest.run("replay", csv.toString(), "--speed", "max"));
    Path cal = calibration(2 * label);
    LiveCommandsTest.Run r = LiveCommandsTest.run("replay", csv.toString(), "--speed", "max", "--calibration", cal.toString());
    assertTrue(r.out().contains("Using calibration " + cal), r.out());
    // Twice the diameter, twice the distance along the back for the same rotation.
    assertEquals(2 * plain, totalTravelCm(r), 0.1 * plain);
  }

  @Test
  void theDevicesOwnCalibrationIsFoundByItsId() throws Exception {
    double label = session.nominalDiameterCm();
    double plain = totalTravelCm(LiveCommandsTest.run("replay", csv.toString(), "--speed", "max"));
    Path home = Files.createDirectories(dir.resolve("home"));
    Path userCalibrations = Files.createDirectories(home.resolve(".roller-coach").resolve("calibration"));
    Files.copy(calibration(3 * label), userCalibrations.resolve("sim-device.json"));
    String oldHome = System.getProperty("user.home");
    try {
      System.setProperty("user.home", home.toString());
      LiveCommandsTest.Run r = LiveCommandsTest.run("replay", csv.toString(), "--speed", "max");
      assertEquals(3 * plain, totalTravelCm(r), 0.15 * plain);
    } finally {
      System.setProperty("user.home", oldHome);
    }
  }

  @Test
  void aTypedDiameterStillWins() throws Exception {
    double label = session.nominalDiameterCm();
    double plain = totalTravelCm(LiveCommandsTest.run("replay", csv.toString(), "--speed", "max"));
    Path cal = calibration(2 * label);
    double typed = totalTravelCm(LiveCommandsTest.run("replay", csv.toString(), "--speed", "max",
        "--calibration", cal.toString(), "--roller-diameter-cm", Double.toString(label)));
    assertEquals(plain, typed, 0.1 * plain);
  }
}
