package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warning looks the same whichever command prints it: one stderr line starting
 * {@code roller-coach: warning: } ({@code analyze} printed a bare {@code warning: }, {@code replay} and
 * {@code export} the prefixed one).
 */
class WarningLinesTest {
  private static final Path TYPICAL = Path.of("samples/typical-session.csv");
  @TempDir Path dir;

  /** The bundled session with one NaN row after data line 500: one "bad sample dropped" warning. */
  private Path withANanRow() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(TYPICAL));
    int header = 0;
    while (!lines.get(header).startsWith("t_s")) header++;
    String before = lines.get(header + 500);
    double t = Double.parseDouble(before.substring(0, before.indexOf(',')));
    lines.add(header + 501, (t + 0.001) + ",0,0,1,nan,0,0");
    Path f = dir.resolve("nan.csv");
    Files.write(f, lines);
    return f;
  }

  private static String warningOf(CliRun r) {
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.err().lines().filter(l -> l.contains("bad sample dropped")).toList();
    assertEquals(1, lines.size(), r.err());
    return lines.get(0);
  }

  @Test
  void analyzeAndReplayPrintTheSameWarningLine() throws IOException {
    Path nan = withANanRow();
    String expected = "roller-coach: warning: " + nan + ":511: 1 bad sample dropped (1 non-finite value)";
    assertEquals(expected, warningOf(CliRun.of("analyze", nan.toString())));
    assertEquals(expected, warningOf(CliRun.of("replay", nan.toString(), "--speed", "max")));
  }

  @Test
  void everyStderrWarningHasThePrefix() {
    assertEquals("roller-coach: warning: x", Warnings.line("x"));
    assertTrue(Warnings.event("x").startsWith("warning: "));
  }
}
