package com.rollercoach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code analyze --json > /dev/full} exited 0 with the JSON lost: a PrintStream swallows write errors.
 * Now it says where in one line and exits non-zero; a closed pipe ({@code | head}) stays quiet.
 */
class StandardOutputErrorTest {
  @Test
  void analyzeIntoAFullDeviceFailsInOneLine() throws Exception {
    Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "analyze", "samples/typical-session.csv", "--json")
        .redirectOutput(new File("/dev/full")).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(2, p.exitValue(), err);
    assertEquals("roller-coach: standard output (/dev/full): cannot write (a full disk?); what it printed is incomplete",
        err);
  }

  private static PrintStream failing() {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("Broken pipe");
      }
    }, true, StandardCharsets.UTF_8);
  }

  @Test
  void aClosedPipeIsNoErrorAndAGoodWriteChangesNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream broken = failing();
    broken.println("{}");
    assertEquals(0, Main.checkedOutput(0, broken, e, "pipe:[1234]"));
    PrintStream fine = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    fine.println("{}");
    assertEquals(0, Main.checkedOutput(0, fine, e, "/tmp/out.json"));
    assertEquals(3, Main.checkedOutput(3, fine, e, null));
    assertEquals("", err.toString(StandardCharsets.UTF_8));
    assertEquals(2, Main.checkedOutput(0, broken, e, "/tmp/out.json"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("roller-coach: standard output (/tmp/out.json): cannot write"));
  }
}
