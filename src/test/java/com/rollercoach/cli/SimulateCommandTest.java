package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.sim.SessionTruth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
  @TempDir Path dir;

  /**
   * A disk that fills while the session is written (here /dev/full) ended in a Java stack trace: the
   * sample writer's UncheckedIOException was not turned into the one-line error the IOException got.
   */
  @Test
  void aFullDiskIsOneLineNotAStackTrace() {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full) && !Files.isRegularFile(full));
    CliRun r = CliRun.of("simulate", "--seed", "1", "--out", full.toString(), "--force");
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("roller-coach: /dev/full: cannot write (No space left on device)"), r.err());
    assertTrue(!Files.isRegularFile(full), "the device is still a device");
  }

  @Test
  void writesACsvTheReaderAcceptsAndItsTruth() throws Exception {
    Path csv = dir.resolve("s.csv");
    int code =
        RollerCoachCommand.commandLine()
            .execute("simulate", "--seed", "3", "--rate", "40", "--profile", "no-hold", "--out", csv.toString());
    assertEquals(0, code);
    List<ImuSample> samples = new ArrayList<>();
    String rate;
    try (CsvSampleReader r = CsvSampleReader.open(csv)) {
      rate = r.metadata().get("sample_rate_hz");
      r.readTo(
          new SampleSink() {
            @Override
            public void accept(ImuSample s) {
              samples.add(s);
            }
          });
    }
    assertEquals("40", rate);
    SessionTruth truth = SessionTruth.read(dir.resolve("s.csv.truth.json"));
    assertEquals("no-hold", truth.profile());
    assertTrue(truth.extensionHolds().isEmpty());
    assertTrue(truth.passes() >= 20, "a no-hold person still rolls 10+ times: " + truth.passes());
    double span = samples.get(samples.size() - 1).tS() - samples.get(0).tS();
    assertEquals(truth.durationS(), span, 1.0);
  }

  @Test
  void badOptionsAreOneLineErrors() {
    StringWriter err = new StringWriter();
    CommandLine cl = RollerCoachCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("simulate", "--seed", "1", "--rate", "5000", "--out", dir.resolve("x.csv").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--rate 5000: must be between 25 and 1000 Hz"), err.toString());
    assertEquals(1, err.toString().strip().lines().count());
    err.getBuffer().setLength(0);
    code = cl.execute("simulate", "--seed", "1", "--profile", "yoga", "--out", dir.resolve("x.csv").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("--profile yoga: unknown"), err.toString());
  }

  /**
   * --min-duration-s 99999999 (three years) planned for minutes and then ran out of memory or disk;
   * an unknown --setup did not say which there are.
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void anEndlessSessionAndAnUnknownSetupAreRefusedAtOnce() {
    CliRun r = CliRun.of("simulate", "--seed", "1", "--min-duration-s", "99999999", "--out", dir.resolve("x.csv").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("roller-coach: --min-duration-s 99999999: must be 0–86400 s (24 h)", r.err().strip());
    assertTrue(!Files.exists(dir.resolve("x.csv")));
    r = CliRun.of("simulate", "--seed", "1", "--setup", "ble-stall", "--out", dir.resolve("x.csv").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().strip().startsWith("roller-coach: --setup ble-stall: unknown condition (one of "), r.err());
    assertTrue(r.err().contains("ble-stalls") && r.err().contains("grid-foam"), r.err());
  }

  @Test
  void anExistingFileIsRefusedInOneLineUnlessForced() throws Exception {
    Path csv = dir.resolve("kept.csv");
    Files.writeString(csv, "my own session\n");
    StringWriter err = new StringWriter();
    CommandLine cl = RollerCoachCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("simulate", "--seed", "1", "--rate", "25", "--out", csv.toString());
    assertEquals(2, code);
    assertEquals(csv + ": already exists (use --force to overwrite)", err.toString().strip().replaceFirst("^roller-coach: ", ""));
    assertEquals("my own session\n", Files.readString(csv));
    assertTrue(!Files.exists(dir.resolve("kept.csv.truth.json")), "nothing written");
    // The truth beside it is the user's too.
    Path other = dir.resolve("other.csv");
    Files.writeString(dir.resolve("other.csv.truth.json"), "{}");
    assertEquals(2, cl.execute("simulate", "--seed", "1", "--rate", "25", "--out", other.toString()));
    assertTrue(!Files.exists(other));
    assertEquals(0, cl.execute("simulate", "--seed", "1", "--rate", "25", "--force", "--out", csv.toString()));
    assertTrue(Files.readString(csv).contains("roller-coach simulate"));
  }
}
