package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ImuCorrection;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code analyze --calibration FILE}: the calibration's diameter and axis reach the pipeline. */
class AnalyzeCalibrationTest {
  @TempDir static Path dir;
  static Path csv;
  static SimulatedSession session;

  @BeforeAll
  static void simulate() throws Exception {
    session = SimulatedSession.create(SimulationSpec.of(7));
    csv = dir.resolve("s.csv");
    session.writeCsv(csv, false);
  }

  record Run(int exit, String out, String err) {}

  static Run analyze(String... args) {
    CommandLine cl = RollerCoachCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path calibration(double diameterCm) throws Exception {
    return calibration(diameterCm, session.device().name());
  }

  static Path calibration(double diameterCm, String deviceId) throws Exception {
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

  @Test
  void calibratedDiameterScalesPositions() throws Exception {
    double label = session.nominalDiameterCm();
    JsonNode plain = new ObjectMapper().readTree(analyze("analyze", csv.toString(), "--json").out());
    Run r = analyze("analyze", csv.toString(), "--json", "--calibration", calibration(2 * label).toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode calibrated = new ObjectMapper().readTree(r.out());
    // Twice the diameter, twice the distance along the back for the same rotation.
    assertEquals(2 * plain.get("range_cm").asDouble(), calibrated.get("range_cm").asDouble(), 0.1 * plain.get("range_cm").asDouble());
  }

  @Test
  void aTypedDiameterStillWins() throws Exception {
    double label = session.nominalDiameterCm();
    JsonNode plain = new ObjectMapper().readTree(analyze("analyze", csv.toString(), "--json").out());
    Run r =
        analyze(
            "analyze", csv.toString(), "--json", "--calibration", calibration(2 * label).toString(),
            "--roller-diameter-cm", Double.toString(label));
    JsonNode typed = new ObjectMapper().readTree(r.out());
    assertEquals(plain.get("range_cm").asDouble(), typed.get("range_cm").asDouble(), 0.1 * plain.get("range_cm").asDouble());
  }

  @Test
  void aBrokenCalibrationIsOneLineNamingFileAndField() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, Files.readString(calibration(15)).replace("\"version\" : 1", "\"version\" : 7"));
    Run r = analyze("analyze", csv.toString(), "--calibration", bad.toString());
    assertEquals(2, r.exit());
    assertEquals("roller-coach: " + bad + ": version: unknown version 7 (this Roller Coach reads version 1)", r.err().strip());
  }

  @Test
  void summaryNamesTheCalibrationUsed() throws Exception {
    Path f = calibration(15);
    Run r = analyze("analyze", csv.toString(), "--calibration", f.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("using calibration " + f), r.err());
  }

  /** Another device's calibration would make the session nonsense: refused in one line, not applied. */
  @Test
  void anotherDevicesCalibrationIsRefused() throws Exception {
    Path other = calibration(15, "demo-roller-1");
    Run r = analyze("analyze", csv.toString(), "--calibration", other.toString());
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().strip().endsWith("deviceId: the file is for device \"demo-roller-1\", not \""
        + session.device().name() + "\""), r.err());
  }
}
