package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay}: the device's calibration reaches the live pipeline, explicitly or by device id. */
class ReplayCalibrationTest {
  @TempDir static Path dir;
  static SimDevice device;
  static Path csv;

  @BeforeAll
  static void session() throws Exception {
    device = new SimDevice(dir);
    csv = device.csv();
  }

  static double totalTravelCm(CliRun r) {
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().filter(l -> SimDevice.PASS.matcher(l).matches()).count() >= 10, r.out());
    return SimDevice.totalTravelCm(r.out());
  }

  static double replay(String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "replay";
    args[1] = csv.toString();
    args[2] = "--speed=max";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return totalTravelCm(CliRun.of(args));
  }

  @Test
  void aCalibratedDiameterScalesEveryPass() throws Exception {
    double plain = replay();
    Path cal = device.calibration(2 * device.session.nominalDiameterCm());
    CliRun r = CliRun.of("replay", csv.toString(), "--speed", "max", "--calibration", cal.toString());
    assertTrue(r.out().contains("Using calibration " + cal), r.out());
    // Twice the diameter, twice the distance along the back for the same rotation.
    assertEquals(2 * plain, totalTravelCm(r), 0.1 * plain);
  }

  @Test
  void theDevicesOwnCalibrationIsFoundByItsId() throws Exception {
    double plain = replay();
    Path home = Files.createDirectories(dir.resolve("home"));
    SimDevice.installForUser(home, device.calibration(3 * device.session.nominalDiameterCm()));
    String oldHome = TestHome.current();
    try {
      TestHome.set(home.toString());
      assertEquals(3 * plain, replay(), 0.15 * plain);
    } finally {
      TestHome.restore(oldHome);
    }
  }

  @Test
  void aTypedDiameterStillWins() throws Exception {
    double plain = replay();
    Path cal = device.calibration(2 * device.session.nominalDiameterCm());
    double typed = replay("--calibration", cal.toString(),
        "--roller-diameter-cm", Double.toString(device.session.nominalDiameterCm()));
    assertEquals(plain, typed, 0.1 * plain);
  }
}
