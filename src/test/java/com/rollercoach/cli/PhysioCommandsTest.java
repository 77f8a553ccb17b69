package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleWriter;
import com.rollercoach.review.TestSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The physio's commands end to end: report --pdf / --compare, export and import bundles, calibrate --direction. */
class PhysioCommandsTest {
  @TempDir Path tmp;

  private String data() {
    return tmp.resolve("data").toString();
  }

  private String importOne(String patient, String date, double seconds) throws Exception {
    Path csv = TestSessions.writeCsv(tmp.resolve("in-" + date.substring(0, 10) + ".csv"), 
        // the date in the header keeps sessions of equal length apart: the library refuses the same content twice
        Map.of("device", "rc-7", "note", date), seconds, 20);
    CliRun r = CliRun.of("sessions", "import", "--data-dir", data(), "--patient", patient, "--date", date,
        "--pain-before", "5", "--pain-after", "3", csv.toString());
    assertEquals(0, r.code(), r.err());
    return r.out().replaceAll("(?s).* as (\\S+) .*", "$1").strip();
  }

  @Test
  void helpOfTheNewCommands() {
    for (String[] args : new String[][] {{"sessions", "export", "--help"}, {"report", "--help"}, {"calibrate", "--help"},
        {"patients", "prescribe", "--help"}}) {
      CliRun r = CliRun.of(args);
      assertEquals(0, r.code(), String.join(" ", args) + r.err());
    }
    assertTrue(CliRun.of("report", "--help").out().contains("--compare"));
    assertTrue(CliRun.of("calibrate", "--help").out().contains("--direction"));
  }

  @Test
  void pdfAndComparison() throws Exception {
    String a = importOne("Ann", "2026-11-02T08:00:00Z", 40);
    String b = importOne("Ann", "2026-11-05T08:00:00Z", 48);
    Path pdf = tmp.resolve("r.pdf");
    CliRun r = CliRun.of("report", "--data-dir", data(), a, "--pdf", "--out", pdf.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    assertEquals(1, r.err().strip().lines().count(), "only 'wrote …', no library warnings: " + r.err());
    Path cmp = tmp.resolve("c.html");
    CliRun c = CliRun.of("report", "--data-dir", data(), a, "--compare", b, "--out", cmp.toString());
    assertEquals(0, c.code(), c.err());
    String html = Files.readString(cmp);
    assertTrue(html.contains(a) && html.contains(b) && html.contains("Two sessions compared: Ann"));
    CliRun bad = CliRun.of("report", "--data-dir", data(), a, "--compare", "nonexistent");
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
  }

  @Test
  void exportThenImportElsewhereTwice() throws Exception {
    importOne("Ann", "2026-11-02T08:00:00Z", 30);
    importOne("Ann", "2026-11-06T08:00:00Z", 30);
    assertEquals(0, CliRun.of("patients", "prescribe", "Ann", "--rolls", "8-16", "--from", "2026-10-01",
        "--data-dir", data()).code());
    Path zip = tmp.resolve("ann.zip");
    CliRun e = CliRun.of("sessions", "export", "--data-dir", data(), "--patient", "Ann", "--out", zip.toString());
    assertEquals(0, e.code(), e.err());
    assertEquals("wrote " + zip + " (2 session(s) of Ann)", e.err().strip());
    String clinic = tmp.resolve("clinic").toString();
    CliRun i1 = CliRun.of("sessions", "import", "--data-dir", clinic, zip.toString());
    assertEquals(0, i1.code(), i1.err());
    assertTrue(i1.out().contains("2 session(s) added, 0 already here, 1 prescription(s) added"), i1.out());
    CliRun i2 = CliRun.of("sessions", "import", "--data-dir", clinic, zip.toString());
    assertTrue(i2.out().contains("0 session(s) added, 2 already here, 0 prescription(s) added"), i2.out());
    assertTrue(CliRun.of("sessions", "list", "--data-dir", clinic).out().contains("2 session(s)"));
    assertTrue(CliRun.of("patients", "show", "Ann", "--data-dir", clinic).out().contains("rolls 8–16"));
    CliRun none = CliRun.of("sessions", "export", "--data-dir", data(), "--patient", "Nobody", "--out",
        tmp.resolve("nobody.zip").toString());
    assertEquals(2, none.code());
  }

  /**
   * A name is one patient whatever its case: `sessions list --patient ann` lists Ann's sessions, and
   * `sessions export --patient ann` said "no sessions of ann".
   */
  @Test
  void exportTakesThePatientWhateverTheCaseTyped() throws Exception {
    importOne("Ann", "2026-11-02T08:00:00Z", 30);
    Path zip = tmp.resolve("ann.zip");
    CliRun e = CliRun.of("sessions", "export", "--data-dir", data(), "--patient", "ann", "--out", zip.toString());
    assertEquals(0, e.code(), e.err());
    assertEquals("wrote " + zip + " (1 session(s) of Ann)", e.err().strip());
  }

  /** A bundle written through a link (--force) lands where the link points; the link stays. */
  @Test
  void exportThroughALinkWritesWhereItPoints() throws Exception {
    importOne("Ann", "2026-11-02T08:00:00Z", 30);
    Path real = Files.writeString(tmp.resolve("last-week.zip"), "old");
    Path link = Files.createSymbolicLink(tmp.resolve("ann.zip"), real);
    CliRun e = CliRun.of("sessions", "export", "--data-dir", data(), "--patient", "Ann", "--out", link.toString(),
        "--force");
    assertEquals(0, e.code(), e.err());
    assertTrue(Files.isSymbolicLink(link), "the link was replaced by the bundle");
    assertTrue(Files.size(real) > 100, "the bundle is where the link points");
  }

  /** A bundle already written is not silently replaced: the rule of report, progress, export and simulate. */
  @Test
  void exportingOverAnExistingBundleNeedsForce() throws Exception {
    importOne("Ann", "2026-11-02T08:00:00Z", 30);
    Path zip = tmp.resolve("ann.zip");
    Files.writeString(zip, "the bundle sent last week");
    CliRun again = CliRun.of("sessions", "export", "--data-dir", data(), "--patient", "Ann", "--out", zip.toString());
    assertEquals(2, again.code(), again.out());
    assertEquals("roller-coach: " + zip + ": already exists (use --force to overwrite)", again.err().strip());
    assertEquals("the bundle sent last week", Files.readString(zip));
    CliRun forced = CliRun.of("sessions", "export", "--data-dir", data(), "--patient", "Ann", "--out", zip.toString(),
        "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(forced.err().contains("1 session(s)"), forced.err());
  }

  @Test
  void calibrateDirectionUpdatesTheCalibrationFile() throws Exception {
    DeviceCalibration c = CalibrationFile.read(Path.of("calibration/examples/demo-roller-3.json"));
    assertTrue(!c.knowsHeadDirection(), "the example predates the gesture");
    Path file = tmp.resolve("cal.json");
    CalibrationFile.write(c, file);
    Path csv = tmp.resolve("gesture.csv");
    // Still, then rolled -25 °/s about the axis for 3 s (75°), then still: toward the head is negative.
    Vector3D w = c.rollAxis().scalarMultiply(-25);
    try (CsvSampleWriter out = CsvSampleWriter.create(csv, new SessionMetadata(Map.of("device", c.deviceId())))) {
      for (double t = 0; t < 6; t += 0.01) {
        boolean moving = t >= 1 && t < 4;
        ImuSample corrected = new ImuSample(t, 0, 0, 1, moving ? w.getX() : 0, moving ? w.getY() : 0, moving ? w.getZ() : 0);
        out.accept(c.imu().unapply(corrected));
      }
    }
    CliRun r = CliRun.of("calibrate", "--direction", "--input", csv.toString(), "--out", file.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    assertEquals(-1, CalibrationFile.read(file).towardHead());
    // Rocking back and forth is refused and leaves the file as it was.
    Path rock = tmp.resolve("rock.csv");
    try (CsvSampleWriter out = CsvSampleWriter.create(rock, new SessionMetadata(Map.of("device", c.deviceId())))) {
      for (double t = 0; t < 8; t += 0.01) {
        double k = t >= 1 && t < 5 ? 40 * Math.sin(Math.PI * (t - 1)) : 0;
        Vector3D v = c.rollAxis().scalarMultiply(k);
        out.accept(c.imu().unapply(new ImuSample(t, 0, 0, 1, v.getX(), v.getY(), v.getZ())));
      }
    }
    CliRun bad = CliRun.of("calibrate", "--direction", "--input", rock.toString(), "--out", file.toString());
    assertEquals(2, bad.code(), bad.out());
    assertTrue(bad.err().contains("both ways") && bad.err().contains("left unchanged"), bad.err());
    assertEquals(-1, CalibrationFile.read(file).towardHead());
  }
}
