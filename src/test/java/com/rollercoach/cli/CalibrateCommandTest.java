package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.core.calibration.DeviceCalibration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateCommandTest {
  @TempDir Path dir;

  record Result(int exit, String err) {}

  static Result run(String... args) {
    CommandLine cl = RollerCoachCommand.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Result(exit, err.toString());
  }

  @Test
  void calibratesASimulatedSessionAndKeepsABackupOfThePreviousFile() throws Exception {
    Path csv = dir.resolve("session.csv");
    Path out = dir.resolve("cal").resolve("demo.json");
    assertEquals(0, run("calibrate", "--simulate-session", csv.toString(), "--seed", "5").exit());
    assertEquals(0, run("calibrate", "--input", csv.toString(), "--out", out.toString()).exit());
    DeviceCalibration c = CalibrationFile.read(out);
    assertEquals("demo-roller-5", c.deviceId());
    assertEquals(15.0, c.rollerDiameterCm(), 0.05);

    assertEquals(0, run("calibrate", "--input", csv.toString(), "--out", out.toString(), "--diameter-cm", "14").exit());
    assertEquals(14.0, CalibrationFile.read(out).rollerDiameterCm());
    assertEquals(15.0, CalibrationFile.read(dir.resolve("cal").resolve("demo.json.bak")).rollerDiameterCm(), 0.05);
  }

  @Test
  void aRejectedCalibrationLeavesThePreviousFileUntouched() throws Exception {
    Path csv = dir.resolve("session.csv");
    Path out = dir.resolve("demo.json");
    run("calibrate", "--simulate-session", csv.toString(), "--seed", "6");
    run("calibrate", "--input", csv.toString(), "--out", out.toString());
    String before = Files.readString(out);

    List<String> lines = Files.readAllLines(csv);
    Path shortCsv = dir.resolve("short.csv");
    Files.write(shortCsv, lines.subList(0, 3000));
    Result r = run("calibrate", "--input", shortCsv.toString(), "--out", out.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("calibration rejected at step 2 (Resting positions): only"), r.err());
    assertTrue(r.err().contains(out + " left unchanged"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertEquals(before, Files.readString(out));
  }

  @Test
  void calibratesFromARecordingTakingTheDeviceIdFromItsHello() throws Exception {
    var session = com.rollercoach.calibration.SyntheticCalibrationSession.builder(8).randomErrors().build();
    Path rec = dir.resolve("cal.rcrec");
    var header =
        new com.rollercoach.io.recording.RecordingHeader(
            java.time.Instant.EPOCH,
            "test",
            com.rollercoach.io.recording.RecordingHeader.WIRE_FORMAT_AUTO,
            java.util.Optional.empty(),
            com.rollercoach.core.sample.SessionMetadata.empty());
    try (var w = com.rollercoach.io.recording.RecordingWriter.create(rec, header)) {
      w.device(0, new com.rollercoach.core.protocol.DeviceInfo(1, "rc-rec-8", "1.0", "MPU-6050", 8, 1000, 100));
      List<com.rollercoach.core.sample.ImuSample> all = session.samples();
      for (int i = 0; i < all.size(); i += 50) {
        w.samples(all.get(i).tS(), all.subList(i, Math.min(all.size(), i + 50)));
      }
    }
    Path outDir = dir.resolve("out");
    Files.createDirectories(outDir);
    Path out = outDir.resolve("rc-rec-8.json");
    assertEquals(0, run("calibrate", "--input", rec.toString(), "--out", out.toString()).exit());
    assertEquals("rc-rec-8", CalibrationFile.read(out).deviceId());
  }

  @Test
  void badInputIsOneLine() {
    Result r = run("calibrate", "--input", dir.resolve("missing.csv").toString());
    assertEquals(2, r.exit());
    assertEquals("roller-coach: " + dir.resolve("missing.csv") + ": no such file", r.err().strip());
    Result both = run("calibrate", "--input", "x.csv", "--diameter-cm", "14", "--circumference-cm", "44");
    assertEquals(2, both.exit());
  }

  /**
   * A file that is there but is no session (empty, binary, a folder without sensor tables) is refused
   * before the wizard starts: it printed "Step 1 of 4: Still on the floor" and its instructions, then
   * the error.
   */
  @Test
  void anUnreadableInputIsRefusedBeforeTheFirstStep() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    Path binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xea, 0, 1, 2, (byte) 0xff, 3});
    Path folder = Files.createDirectory(dir.resolve("folder"));
    for (Path p : List.of(empty, binary, folder)) {
      CliRun r = CliRun.of("calibrate", "--input", p.toString(), "--out", dir.resolve("cal.json").toString());
      assertEquals(2, r.code(), p + ": " + r.err());
      assertEquals("", r.out(), p + " printed the wizard before its error");
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("roller-coach: " + p + ": "), r.err());
      assertTrue(Files.notExists(dir.resolve("cal.json")));
    }
  }
}
