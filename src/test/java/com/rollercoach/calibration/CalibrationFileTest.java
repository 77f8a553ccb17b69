package com.rollercoach.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ImuCorrection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTest {
  @TempDir Path dir;

  static DeviceCalibration sample() {
    return new DeviceCalibration(
        "rc-0042",
        new ImuCorrection(
            new Vector3D(0.5, -1.25, 2.0),
            new Vector3D(1.01, 0.99, 1.0),
            new Vector3D(0.012, -0.03, 0.004),
            new Vector3D(1.02, 0.97, 1.0),
            new double[][] {{1, 0.01, -0.02}, {0, 1, 0.005}, {0, 0, 1}}),
        new Vector3D(0.6, 0.8, 0),
        14.6,
        "distance-roll",
        Double.NaN,
        new DeviceCalibration.Provenance(
            Instant.parse("2026-11-25T12:00:00Z"), "guided", "roller-coach 0.1.0", "test"),
        new DeviceCalibration.FitQuality(10, 0.05, 6.9, 12, 0.4, true, true, 0.05, 0.1, 1200));
  }

  @Test
  void roundTripsEveryField() throws IOException {
    Path f = dir.resolve("rc-0042.json");
    assertNull(CalibrationFile.write(sample(), f));
    DeviceCalibration back = CalibrationFile.read(f);
    assertEquals(sample().imu(), back.imu());
    assertEquals(sample().rollAxis(), back.rollAxis());
    assertEquals(sample().quality(), back.quality());
    assertEquals(sample().created(), back.created());
    assertEquals(14.6, back.rollerDiameterCm());
    assertTrue(Double.isNaN(back.sensorOffsetCm()));
    assertTrue(Files.readString(f).contains("\"sensorOffsetCm\" : null"));
  }

  @Test
  void writeKeepsTheOldFileAsBackupAndLeavesNoTemporaryFiles() throws IOException {
    Path f = dir.resolve("rc-0042.json");
    CalibrationFile.write(sample(), f);
    String first = Files.readString(f);
    DeviceCalibration changed =
        new DeviceCalibration(
            "rc-0042", sample().imu(), sample().rollAxis(), 13.9, "entered", 4.0,
            sample().created(), sample().quality());
    Path backup = CalibrationFile.write(changed, f);
    assertEquals(dir.resolve("rc-0042.json.bak"), backup);
    assertEquals(first, Files.readString(backup));
    assertEquals(13.9, CalibrationFile.read(f).rollerDiameterCm());
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "only the file and its backup");
    }
  }

  // ---- corrupt and hand-edited files: one clear message naming file and field ----

  @Test
  void missingField() {
    assertRejected(root -> ((ObjectNode) root.get("roller")).remove("diameterCm"), "roller.diameterCm: missing");
  }

  @Test
  void nonFiniteValueWrittenByHand() throws IOException {
    String json = CalibrationFile.toJson(sample()).replace("\"diameterCm\" : 14.6", "\"diameterCm\" : NaN");
    assertMessage(json, "roller.diameterCm: expected a finite number, got NaN");
  }

  @Test
  void nanAsString() {
    assertRejected(
        root -> ((ArrayNode) root.get("accelerometer").get("scale")).set(1, "NaN"),
        "accelerometer.scale[1]: expected a finite number, got \"NaN\"");
  }

  @Test
  void overflowingNumber() throws IOException {
    String json = CalibrationFile.toJson(sample()).replace("\"stillSeconds\" : 10.0", "\"stillSeconds\" : 1e999");
    assertMessage(json, "quality.stillSeconds: expected a finite number");
  }

  @Test
  void nonUnitAxis() {
    assertRejected(
        root -> ((ArrayNode) root.get("roller").get("axis")).set(2, 0.5),
        "roller.axis: not a unit vector (length 1.1180)");
  }

  @Test
  void singularMisalignment() {
    assertRejected(
        root -> {
          ArrayNode m = (ArrayNode) root.get("accelerometer").get("misalignment");
          m.set(2, new ObjectMapper().createArrayNode().add(0).add(0).add(0));
        },
        "accelerometer.misalignment: singular matrix");
  }

  @Test
  void unknownVersion() {
    assertRejected(root -> ((ObjectNode) root).put("version", 2), "version: unknown version 2");
  }

  @Test
  void unknownFieldFromATypo() {
    assertRejected(
        root -> ((ObjectNode) root.get("roller")).put("diameterCM", 14),
        "roller.diameterCM: unknown field");
  }

  @Test
  void wrongType() {
    assertRejected(root -> ((ObjectNode) root.get("quality")).put("poses", "twelve"), "quality.poses: expected a whole number");
  }

  @Test
  void deviceIdThatCouldEscapeTheFolder() {
    assertRejected(root -> ((ObjectNode) root).put("deviceId", "../../etc/passwd"), "deviceId: \"../../etc/passwd\" is not a device id");
  }

  @Test
  void implausibleScale() {
    assertRejected(
        root -> ((ArrayNode) root.get("gyroscope").get("scale")).set(0, 3.0),
        "gyroscope.scale[0]: 3.0 is outside the plausible range");
  }

  @Test
  void badTimestamp() {
    assertRejected(root -> ((ObjectNode) root.get("created")).put("at", "yesterday"), "created.at: expected an ISO-8601");
  }

  @Test
  void truncatedFile() throws IOException {
    String json = CalibrationFile.toJson(sample());
    assertMessage(json.substring(0, json.length() / 2), "not valid JSON");
  }

  @Test
  void duplicateKey() throws IOException {
    String json = CalibrationFile.toJson(sample()).replaceFirst("\"version\" : 1,", "\"version\" : 1, \"version\" : 1,");
    assertMessage(json, "not valid JSON (Duplicate field 'version')");
  }

  @Test
  void aFileThatIsNotJsonAtAllIsNoCalibrationAndTheParsersOptionsStayOut() throws IOException {
    assertMessage("t_s,ax_g,ay_g\n0,0,1\n", "not a calibration file");
    assertMessage("\u0003\u0007garbage", "not a calibration file");
    Path f = dir.resolve("edited.json");
    Files.write(f, new byte[] {3, 7, (byte) 0xff, 0x41});
    CalibrationFileException e = assertThrows(CalibrationFileException.class, () -> CalibrationFile.read(f));
    assertTrue(!e.getMessage().contains("ALLOW_") && !e.getMessage().contains("Feature"), e.getMessage());
  }

  @Test
  void emptyAndMissingFiles() throws IOException {
    assertMessage("", "empty file");
    Path none = dir.resolve("none.json");
    CalibrationFileException e = assertThrows(CalibrationFileException.class, () -> CalibrationFile.read(none));
    assertEquals(none + ": no such file", e.getMessage());
  }

  // ---- resolver ----

  @Test
  void resolverFindsByDeviceIdInOrder() throws IOException {
    Path first = dir.resolve("a");
    Path second = dir.resolve("b");
    CalibrationFile.write(sample(), second.resolve("rc-0042.json"));
    CalibrationResolver r = new CalibrationResolver(List.of(first, second));
    assertEquals(second.resolve("rc-0042.json"), r.find("rc-0042").orElseThrow().file());
    assertTrue(r.find("rc-0043").isEmpty());
    assertTrue(r.find("../b/rc-0042").isEmpty(), "ids that are paths are never looked up");
    assertTrue(r.find(null).isEmpty());
  }

  @Test
  void resolverRefusesAFileNamedForAnotherDevice() throws IOException {
    CalibrationFile.write(sample(), dir.resolve("rc-9.json"));
    CalibrationFileException e =
        assertThrows(
            CalibrationFileException.class,
            () -> new CalibrationResolver(List.of(dir)).find("rc-9"));
    assertTrue(e.getMessage().endsWith("deviceId: the file is for device \"rc-0042\", not \"rc-9\""), e.getMessage());
  }

  @Test
  void appliedCalibrationSetsDiameterAndAxis() throws IOException {
    Path f = dir.resolve("rc-0042.json");
    CalibrationFile.write(sample(), f);
    // A session of unknown device takes the file given; one of a known device must be its own.
    AppliedCalibration applied = AppliedCalibration.resolve(f, null, new CalibrationResolver(List.of()));
    assertEquals(14.6, AppliedCalibration.resolve(f, "rc-0042", new CalibrationResolver(List.of()))
        .config(com.rollercoach.core.PipelineConfig.defaults()).rollerDiameterCm());
    var config = applied.config(com.rollercoach.core.PipelineConfig.defaults());
    assertEquals(14.6, config.rollerDiameterCm());
    assertEquals(0.8, config.rollAxis().orElseThrow()[1], 1e-12);
    assertEquals(
        com.rollercoach.core.PipelineConfig.defaults().rollerDiameterCm(),
        AppliedCalibration.none().config(com.rollercoach.core.PipelineConfig.defaults()).rollerDiameterCm());
  }

  private void assertRejected(Consumer<com.fasterxml.jackson.databind.JsonNode> edit, String expected) {
    try {
      var root = new ObjectMapper().readTree(CalibrationFile.toJson(sample()));
      edit.accept(root);
      assertMessage(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root), expected);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void assertMessage(String content, String expected) throws IOException {
    Path f = dir.resolve("edited.json");
    Files.write(f, content.getBytes(StandardCharsets.UTF_8));
    CalibrationFileException e = assertThrows(CalibrationFileException.class, () -> CalibrationFile.read(f));
    assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in «" + e.getMessage() + "»");
    assertTrue(e.getMessage().lines().count() == 1, "one line: " + e.getMessage());
  }
}
