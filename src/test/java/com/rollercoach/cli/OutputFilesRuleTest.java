package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for every file a command writes: a missing folder is created (export and simulate refused
 * it while report, progress and sessions export created it), and every file gets the same mode
 * (a PDF, a bundle and an exported CSV were 0600 beside a 0644 HTML report).
 */
class OutputFilesRuleTest {
  @TempDir Path dir;

  @Test
  void everyCommandCreatesAMissingFolderAndWritesWithTheSameMode() throws Exception {
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data).code());
    String id = CliRun.of("sessions", "list", "--data-dir", data).out().lines().skip(1).findFirst().orElseThrow()
        .trim().split("\\s+")[0];
    Path missing = dir.resolve("new").resolve("folder");
    Map<String, String[]> runs = new LinkedHashMap<>();
    runs.put("report.html", new String[] {"report", id, "--data-dir", data, "--out", missing.resolve("report.html").toString()});
    runs.put("report.pdf", new String[] {"report", id, "--pdf", "--data-dir", data, "--out", missing.resolve("report.pdf").toString()});
    runs.put("report.csv", new String[] {"report", id, "--csv", "--data-dir", data, "--out", missing.resolve("report.csv").toString()});
    runs.put("progress.html", new String[] {"progress", "--patient", "Ann", "--until", "2026-11-08", "--weeks", "1",
        "--data-dir", data, "--out", missing.resolve("progress.html").toString()});
    runs.put("bundle.zip", new String[] {"sessions", "export", "--patient", "Ann", "--data-dir", data, "--out",
        missing.resolve("bundle.zip").toString()});
    runs.put("export.csv", new String[] {"export", "samples/typical-session.csv", "--out", missing.resolve("export.csv").toString()});
    runs.put("sim.csv", new String[] {"simulate", "--seed", "3", "--out", missing.resolve("sim.csv").toString()});
    Path reference = Files.writeString(dir.resolve("reference.txt"), "a new file");
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(reference);
    for (var run : runs.entrySet()) {
      CliRun r = CliRun.of(run.getValue());
      assertEquals(0, r.code(), run.getKey() + ": " + r.err());
      Path f = missing.resolve(run.getKey());
      assertTrue(Files.isRegularFile(f), run.getKey());
      assertEquals(mode, Files.getPosixFilePermissions(f), run.getKey());
    }
    assertEquals(mode, Files.getPosixFilePermissions(missing.resolve("sim.csv.truth.json")), "the truth");
  }

  @Test
  void aFolderThatCannotBeMadeIsOneLineNamingIt() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    CliRun r = CliRun.of("simulate", "--seed", "3", "--out", blocker.resolve("sim.csv").toString());
    assertEquals(2, r.code());
    assertEquals("roller-coach: " + blocker.resolve("sim.csv") + ": cannot create its folder " + blocker
        + " (a file of that name is in the way)", r.err().strip());
  }
}
