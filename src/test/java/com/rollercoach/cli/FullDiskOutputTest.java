package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk while a report is written (here /dev/full) said only "roller-coach: No space left on
 * device": not which file. Each output names its file, as simulate and export do.
 */
class FullDiskOutputTest {
  @TempDir Path dir;

  @Test
  void reportProgressAndCalibrateNameTheFileTheyCouldNotWrite() {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full) && !Files.isRegularFile(full));
    String data = dir.resolve("data").toString();
    assertEquals(0, CliRun.of("sessions", "import", "samples/two-sets.csv", "--data-dir", data).code());
    for (String[] args : new String[][] {
        {"report", "samples/two-sets.csv", "--out", "/dev/full", "--force"},
        {"report", "samples/two-sets.csv", "--json", "--out", "/dev/full", "--force"},
        {"progress", "--data-dir", data, "--out", "/dev/full", "--force"},
        // the sample writer's failure is unchecked: it printed a stack trace
        {"calibrate", "--simulate-session", "/dev/full"}}) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", args));
      assertEquals("roller-coach: /dev/full: cannot write (No space left on device)", r.err().strip(),
          String.join(" ", args));
    }
    assertFalse(Files.isRegularFile(full), "the device is still a device");
  }
}
