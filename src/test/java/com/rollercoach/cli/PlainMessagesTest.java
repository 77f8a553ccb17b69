package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a newcomer makes get the reason in their own terms, not the system's or a library's. */
class PlainMessagesTest {
  @TempDir Path dir;

  private static String oneLineError(CliRun r) {
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    return err;
  }

  /**
   * `export --out` into a folder that does not exist creates it, as every command that writes a file
   * does (OutputFiles); it said "cannot write (…/.x.csv.1256…part)", naming a temporary file the user
   * never asked for, then refused the folder while `report` and `progress` created theirs.
   */
  @Test
  void exportIntoAMissingFolderCreatesIt() {
    Path target = dir.resolve("no-such-folder").resolve("x.csv");
    CliRun r = CliRun.of("export", Path.of("samples/two-sets.csv").toString(), "--out", target.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(target));
  }

  @Test
  void aFolderGivenAsTheOutputFileIsNamedAsAFolderWithOrWithoutForce() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("out"));
    String sample = Path.of("samples/two-sets.csv").toString();
    for (String[] args : new String[][] {
        {"export", sample, "--out", folder.toString()},
        {"export", sample, "--out", folder.toString(), "--force"}}) {
      String err = oneLineError(CliRun.of(args));
      assertTrue(err.contains(folder + ": is a folder; name a file in it"), err);
    }
    // the example names the kind of file the command writes (a report was offered "session.csv")
    String report = oneLineError(CliRun.of("report", sample, "--out", folder.toString()));
    assertTrue(report.endsWith("e.g. " + folder.resolve("report.html")), report);
    String pdf = oneLineError(CliRun.of("report", sample, "--pdf", "--out", folder.toString()));
    assertTrue(pdf.endsWith("e.g. " + folder.resolve("report.pdf")), pdf);
    String progress = oneLineError(CliRun.of("progress", "--out", folder.toString()));
    assertTrue(progress.endsWith("e.g. " + folder.resolve("progress.html")), progress);
    String export = oneLineError(CliRun.of("export", sample, "--out", folder.toString()));
    assertTrue(export.endsWith("e.g. " + folder.resolve("session.csv")), export);
  }

  @Test
  void replayRefusesAPatientNameThatPatientsAddRefuses() {
    String err = oneLineError(CliRun.of("replay", "samples/two-sets.csv", "--speed", "max", "--patient", "a/b",
        "--data-dir", dir.resolve("data").toString()));
    assertTrue(err.contains("patient name \"a/b\""), err);
  }

  @Test
  void aNegativeSessionLimitIsRefused() {
    String err = oneLineError(CliRun.of("sessions", "list", "--limit", "-1", "--data-dir", dir.resolve("data").toString()));
    assertTrue(err.contains("--limit -1"), err);
  }

  @Test
  void aReportOnAFileThatIsNotThereSaysNoSuchFileNotNoSession() {
    String err = oneLineError(CliRun.of(
        "report", dir.resolve("nothere.csv").toString(), "--data-dir", dir.resolve("data").toString(),
        "--out", dir.resolve("r.html").toString()));
    assertTrue(err.contains("nothere.csv: no such file"), err);
    // an id that is not in the library is still named as an id
    err = oneLineError(CliRun.of(
        "report", "12345", "--data-dir", dir.resolve("data").toString(), "--out", dir.resolve("r.html").toString()));
    assertTrue(err.contains("no session 12345"), err);
  }
}
