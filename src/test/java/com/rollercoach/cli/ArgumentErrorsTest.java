package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A wrong or missing option is one line that names the command and its help, exit code 2. */
class ArgumentErrorsTest {
  private static void oneLine(String expectedStart, String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith(expectedStart), err);
    assertTrue(err.endsWith("--help')"), err);
    assertTrue(!err.contains("Usage:") && !err.contains("double") && !err.contains("Exception"), err);
  }

  @Test
  void missingValueUnknownOptionBadNumberAndMissingRequiredOptionAreOneLine() {
    oneLine("roller-coach analyze: Missing required parameter", "analyze", "--roller-diameter-cm");
    oneLine("roller-coach analyze: Unknown option: '--bogus'", "analyze", "--bogus", "x");
    oneLine("roller-coach analyze: Invalid value for option '--roller-diameter-cm': 'abc' is not a number",
        "analyze", "samples/typical-session.csv", "--roller-diameter-cm", "abc");
    oneLine("roller-coach simulate: Missing required options", "simulate");
  }

  @Test
  void aMistypedCommandIsNamedAsNotACommandWithTheCommandsThereAre() {
    oneLine("roller-coach: 'anlyze' is not a command (commands: analyze, simulate,", "anlyze", "x.csv");
    oneLine("roller-coach sessions: 'lsit' is not a command (commands: list,", "sessions", "lsit");
  }
  /**
   * --baud 0 (or negative) opened the port anyway and ended "no data arrived… at this baud rate?";
   * each command with --baud refuses it in one line before opening anything.
   */
  @Test
  void aBaudRateThatIsNoSpeedIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String port = dir.resolve("no-such-port").toString();
    for (String[] args : new String[][] {
        {"record", "--port", port, "--baud", "0", "--data-dir", dir.toString()},
        {"emulate", "--port", port, "--baud", "-9600"},
        {"calibrate", "--port", port, "--baud", "0"}}) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals("roller-coach: --baud " + args[4] + ": expected the serial speed the sensor sends at, e.g. 9600 or 115200",
          r.err().strip(), String.join(" ", args));
    }
  }
  /** record with two sensors named: --phyphox won over --port unsaid; --port with --ble was told to give one. */
  @Test
  void recordWithTwoSensorsSaysWhichTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    CliRun r = CliRun.of("record", "--port", dir.resolve("tty").toString(), "--phyphox", "127.0.0.1:9",
        "--duration", "1", "--data-dir", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("roller-coach: record reads one sensor: give one of --port, --ble, --phyphox (got --port and --phyphox)",
        r.err().strip());
    r = CliRun.of("record", "--port", "auto", "--ble", "roller", "--data-dir", dir.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().strip().endsWith("(got --port and --ble)"), r.err());
    assertTrue(!java.nio.file.Files.exists(dir.resolve("sessions")) || dir.resolve("sessions").toFile().list().length == 0,
        "no recording was started");
  }
  /** report --pdf --csv printed the CSV, exit 0, and wrote no PDF: the two are refused together. */
  @Test
  void reportRefusesPdfWithCsvOrJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    for (String data : new String[] {"--csv", "--json"}) {
      CliRun r = CliRun.of("report", "samples/typical-session.csv", "--pdf", data, "--out",
          dir.resolve("r.pdf").toString());
      assertEquals(2, r.code(), r.err());
      assertEquals("roller-coach: --pdf writes the report as PDF; " + data + " writes its data instead: give one of them",
          r.err().strip());
      assertEquals("", r.out());
      assertTrue(!java.nio.file.Files.exists(dir.resolve("r.pdf")));
    }
  }
  /** replay --events-json --cues printed the JSON and silently no cues. */
  @Test
  void replayRefusesEventsJsonWithCues() {
    CliRun r = CliRun.of("replay", "samples/typical-session.csv", "--speed", "max", "--events-json", "--cues");
    assertEquals(2, r.code(), r.err());
    assertEquals("roller-coach: --events-json prints every pipeline event, --cues only the cues: give one of them",
        r.err().strip());
    assertEquals("", r.out());
  }
}
