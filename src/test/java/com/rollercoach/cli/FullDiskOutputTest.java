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
  /**
   * export onto a full disk: a long session's writer fails while the samples stream, and that was
   * blamed on the input ("samples/typical-session.csv: cannot read (No space left on device)"); a
   * short one's fails at the last flush, and that printed a stack trace. Both name the output.
   */
  @Test
  void exportNamesTheFileItCouldNotWrite() throws java.io.IOException {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full) && !Files.isRegularFile(full));
    StringBuilder csv = new StringBuilder("t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n");
    for (int i = 0; i < 40; i++) csv.append(i * 0.01).append(",0,0,1,0.5,0,0\n");
    Path tiny = Files.writeString(dir.resolve("tiny.csv"), csv);
    assertEquals(0, CliRun.of("export", tiny.toString(), "--out", dir.resolve("ok.csv").toString()).code(),
        "the short session exports to a disk with room");
    for (String input : new String[] {"samples/typical-session.csv", tiny.toString()}) {
      CliRun r = CliRun.of("export", input, "--out", "/dev/full", "--force");
      assertEquals(2, r.code(), input + ": " + r.err());
      assertEquals("roller-coach: /dev/full: cannot write (No space left on device)", r.err().strip(), input);
    }
  }
}
