package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.io.DataFolder;
import com.rollercoach.io.TestHome;
import com.rollercoach.live.LiveSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One data folder: {@code calibrate} on the command line writes where the window's wizard writes and
 * where {@code analyze}, {@code record}/{@code replay} and the review look (it used to write
 * {@code ./calibration}, which the window never read).
 */
class OneDataFolderTest {
  @TempDir Path dir;

  @Test
  void calibrateWritesIntoTheDataFolderAndAnalyzeFindsItThere() throws Exception {
    Path csv = dir.resolve("cal.csv");
    Path data = dir.resolve("data");
    assertEquals(0, CliRun.of("calibrate", "--simulate-session", csv.toString(), "--seed", "5").code());
    CliRun cal = CliRun.of("calibrate", "--input", csv.toString(), "--data-dir", data.toString());
    assertEquals(0, cal.code(), cal.err());
    Path written = new DataFolder(data).calibrationDir().resolve("demo-roller-5.json");
    assertTrue(Files.isRegularFile(written), cal.out());
    assertTrue(cal.out().contains(written.toString()), cal.out());
    assertFalse(Files.exists(Path.of("calibration", "demo-roller-5.json")), "nothing in ./calibration");

    CliRun a = CliRun.of("analyze", csv.toString(), "--data-dir", data.toString());
    assertTrue(a.err().contains("using") && a.err().contains(written.toString()), a.err());
  }

  @Test
  void withoutDataDirCalibrateUsesTheDefaultDataFolder() throws Exception {
    String old = TestHome.current();
    TestHome.set(dir.resolve("home").toString());
    try {
      Path csv = dir.resolve("cal.csv");
      assertEquals(0, CliRun.of("calibrate", "--simulate-session", csv.toString(), "--seed", "5").code());
      CliRun cal = CliRun.of("calibrate", "--input", csv.toString());
      assertEquals(0, cal.code(), cal.err());
      assertTrue(Files.isRegularFile(
          DataFolder.resolve(null).calibrationDir().resolve("demo-roller-5.json")), cal.out());
      assertFalse(Files.exists(Path.of("calibration", "demo-roller-5.json")), "nothing in ./calibration");
    } finally {
      TestHome.restore(old);
    }
  }

  @Test
  void everyResolverLooksInTheDataFolderOnly() {
    DataFolder data = new DataFolder(dir);
    assertEquals(java.util.List.of(data.calibrationDir()), CalibrationResolver.of(data).dirs());
    assertEquals(java.util.List.of(data.calibrationDir()), LiveSession.Setup.calibrations(data).dirs());
  }

  /** Device profiles too: ports and record --profile read the data folder's profiles/, not the default one's. */
  @Test
  void portsAndRecordReadTheDataFoldersProfiles() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("profiles"));
    Files.writeString(data.resolve("profiles").resolve("myphone.json"),
        "{\"name\":\"myphone\",\"format\":\"phyphox\",\"address\":\"notahost.invalid:8080\"}");
    CliRun ports = CliRun.of("ports", "--ble-scan", "0", "--data-dir", data.toString());
    assertTrue(ports.out().contains("--profile myphone"), ports.out());
    // the profile is found (its phone's address is then tried): not "unknown profile"
    CliRun rec = CliRun.of("record", "--profile", "myphone", "--data-dir", data.toString(), "--duration", "1");
    assertEquals(2, rec.code(), rec.err());
    assertTrue(rec.err().contains("cannot reach phyphox at notahost.invalid:8080: unknown host"), rec.err());
  }
}
