package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.Main;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.DeviceLink;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.SimulatedInput;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replay, export and the error paths of record/emulate, run in-process as a user runs them. */
class LiveCommandsTest {
  @TempDir static Path dir;
  static Path csv;
  static Path recording;

  /** A simulated session as CSV, and the same session as a recording of the emulator's bytes. */
  @BeforeAll
  static void sessions() throws Exception {
    csv = dir.resolve("s7.csv");
    SimulatedSession.create(SimulationSpec.of(7)).writeCsv(csv, false);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    new Emulator(SimulatedInput.of(7), DeviceLink.streams(null, wire),
        Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY)).run();
    recording = dir.resolve("s7.rcrec");
    byte[] b = wire.toByteArray();
    try (RecordingWriter w = RecordingWriter.create(recording, new RecordingHeader(Instant.now(), "test",
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(),
        SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM, "10")))) {
      for (int off = 0, i = 0; off < b.length; off += 240, i++) w.bytes(i * 0.01, b, off, Math.min(240, b.length - off));
    }
  }

  static int passesOf(Path file) throws Exception {
    CliRun r = CliRun.of("analyze", file.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(r.out()).get("passes").asInt();
  }

  @Test
  void replayPrintsEveryPassAsItHappensAndASummary() throws Exception {
    CliRun r = CliRun.of("replay", recording.toString(), "--speed", "max");
    assertEquals(0, r.code(), r.err());
    long passLines = r.out().lines().filter(l -> l.matches("\\s*\\d+:\\d\\d  pass \\d+ (up|down) .*")).count();
    int expected = passesOf(recording);
    assertTrue(expected >= 20);
    assertEquals(expected, passLines, r.out());
    // a pass announced at a stop that went on after it is shown again with the travel analyze gives
    var passList = new ObjectMapper().readTree(CliRun.of("analyze", recording.toString(), "--json").out()).get("pass_list");
    java.util.regex.Pattern revised = java.util.regex.Pattern.compile("pass (\\d+) went on after the stop: \\w+ ([\\d.]+) cm in all");
    for (String l : r.out().lines().toList()) {
      java.util.regex.Matcher m = revised.matcher(l);
      if (!m.find()) continue;
      double travel = passList.get(Integer.parseInt(m.group(1)) - 1).get("travel_cm").asDouble();
      assertEquals(travel, Double.parseDouble(m.group(2)), 0.051, l);
    }
    assertTrue(r.out().contains("Summary: " + expected + " passes"), r.out());
    assertTrue(r.out().contains("on the roller") && r.out().contains("tender spot held at"), r.out());
  }

  @Test
  void aPassThroughATenderSpotIsShownAgainWithItsWholeTravel() throws Exception {
    // the bundled typical session rolls on after its first tender spot: that pass was announced at
    // the stop with the travel so far, and analyze counts it to where it really ended
    String out = CliRun.of("replay", "samples/typical-session.csv", "--speed", "max").out();
    var passList = new ObjectMapper().readTree(
        CliRun.of("analyze", "samples/typical-session.csv", "--json").out()).get("pass_list");
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("pass (\\d+) went on after the stop: \\w+ ([\\d.]+) cm in all").matcher(out);
    assertTrue(m.find(), out);
    double travel = passList.get(Integer.parseInt(m.group(1)) - 1).get("travel_cm").asDouble();
    assertEquals(travel, Double.parseDouble(m.group(2)), 0.051, out);
  }

  /** "--speed 4x" (the x is allowed) is announced as "at 4×", not "at x4x". */
  @Test
  void replaySaysItsSpeedAsANumber() throws Exception {
    Path shortCsv = com.rollercoach.review.TestSessions.writeCsv(dir.resolve("short.csv"), java.util.Map.of(), 4, 10);
    CliRun r = CliRun.of("replay", shortCsv.toString(), "--speed", "4x");
    assertEquals(0, r.code(), r.err());
    assertEquals("Replaying " + shortCsv + " at 4×", r.out().lines().findFirst().orElseThrow());
    assertEquals("2.5×", LiveSupport.speedLabel(2.5));
  }

  @Test
  void replayOfACsvTakesTheSamePath() throws Exception {
    CliRun r = CliRun.of("replay", csv.toString(), "--speed", "max");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Summary: " + passesOf(csv) + " passes"), r.out());
  }

  @Test
  void exportedCsvAnalysesLikeTheRecording() throws Exception {
    Path out = dir.resolve("export.csv");
    CliRun r = CliRun.of("export", recording.toString(), "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.matches("wrote " + java.util.regex.Pattern.quote(out.toString())
        + " \\(\\d+ samples\\)")), "a 'wrote' line on stderr, as report and progress say it: " + r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).contains("# roller_diameter_cm=10"), "metadata carried over");
    assertTrue(Files.readString(out).contains("# device=EMU-0001"), "device from the stream's HELLO");
    assertEquals(passesOf(recording), passesOf(out));
    assertEquals(2, CliRun.of("export", recording.toString(), "--out", out.toString()).code(), "no silent overwrite");
  }

  @Test
  void badInputIsOneLineAndLeavesNothingBehind() {
    CliRun missing = CliRun.of("replay", dir.resolve("nope.rcrec").toString());
    assertEquals(2, missing.code());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().contains("no such file"));

    Path out = dir.resolve("never.rcrec");
    CliRun noPort = CliRun.of("record", "--port", dir.resolve("ttyNope").toString(), "--out", out.toString());
    assertEquals(2, noPort.code());
    assertTrue(noPort.err().contains("no such port"), noPort.err());
    assertFalse(Files.exists(out), "no empty recording left behind");

    CliRun emu = CliRun.of("emulate", "--port", dir.resolve("ttyNope").toString(), "--seed", "1");
    assertEquals(2, emu.code());
    assertTrue(emu.err().contains("no such port"), emu.err());
    assertEquals(1, emu.err().lines().count(), emu.err());
    // the emulator is the roller: "is the roller plugged in and switched on?" sent its user looking for
    // hardware; it writes to one end of a pty pair, which is what is missing
    assertFalse(emu.err().contains("plugged in"), emu.err());
    assertTrue(emu.err().contains("socat pty,raw,echo=0,link="), emu.err());

    assertEquals(2, CliRun.of("replay", recording.toString(), "--speed", "fast").code());
  }
}
