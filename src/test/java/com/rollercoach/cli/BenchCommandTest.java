package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  @Test
  void accuracyPrintsEveryMetricWithItsVerdictAndExitsZero() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = RollerCoachCommand.commandLine().execute("bench", "accuracy", "--sessions", "2", "--seed", "5", "--threads", "2");
    } finally {
      System.setOut(saved);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    for (String metric :
        new String[] {"exact pass count", "dwell F1", "hold F1", "median onset error",
          "median offset error", "median hold-duration error", "breaths within",
          "live pass latency p95", "corrections per 100 passes"}) {
      assertTrue(out.lines().anyMatch(l -> l.startsWith(metric) && (l.contains("PASS") || l.contains("FAIL"))), metric + " in\n" + out);
    }
    assertTrue(out.contains("Accuracy over 2 simulated sessions (ordinary; seed 5"), out);
  }

  /** `bench cues`: a row per kind of cue with how many were heard and how many nobody should have heard. */
  @Test
  void cuesPrintARowPerKindOfCueAndTheTotal() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = RollerCoachCommand.commandLine().execute("bench", "cues", "--sessions", "2", "--seed", "5", "--threads", "2");
    } finally {
      System.setOut(saved);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.startsWith("Live cues over 2 simulated sessions (ordinary; seed 5"), out);
    for (String kind : new String[] {"GotOn", "RollTick", "SlowDown", "RangeGuard", "StillStarted", "HoldCountdown", "all"}) {
      assertTrue(out.lines().anyMatch(l -> l.matches(kind + " +\\d+ +\\d+")), kind + " row in\n" + out);
    }
    java.util.regex.Matcher rolls = java.util.regex.Pattern.compile("RollTick +(\\d+)").matcher(out);
    assertTrue(rolls.find() && Integer.parseInt(rolls.group(1)) >= 10, "two sessions tick at least ten rolls: " + out);
  }

  @Test
  void setupsPrintATableRowPerSetupAndAnUnknownSetupIsAOneLineError() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = RollerCoachCommand.commandLine().execute(
          "bench", "accuracy", "--sessions", "1", "--seed", "5", "--threads", "2",
          "--setups", "ordinary,vibration-before-on,ble-stalls");
    } finally {
      System.setOut(saved);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    for (String row : new String[] {"ordinary", "vibration-before-on", "ble-stalls", "OVERALL"}) {
      assertTrue(out.lines().anyMatch(l -> l.trim().startsWith(row + " ")), row + " row in\n" + out);
    }
    StringWriter err = new StringWriter();
    CommandLine cl = RollerCoachCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int bad = cl.execute("bench", "accuracy", "--setups", "no-such-roller");
    assertEquals(2, bad, err.toString());
    assertTrue(err.toString().contains("no-such-roller"), err.toString());
  }

  @Test
  void badSessionCountIsAOneLineError() {
    StringWriter err = new StringWriter();
    CommandLine cl = RollerCoachCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("bench", "accuracy", "--sessions", "0"));
    assertTrue(err.toString().contains("--sessions 0: must be at least 1"), err.toString());
  }
}
