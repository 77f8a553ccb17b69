package com.rollercoach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.cli.RollerCoachCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainVersionTest {
  private static String out(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      assertEquals(0, Main.run(args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8).strip();
  }

  /** The fast path (no picocli) must say exactly what picocli's --version would. */
  @Test
  void fastVersionMatchesPicocli() {
    String picocli = RollerCoachCommand.commandLine().getCommandSpec().version()[0];
    assertEquals(picocli, out("--version"));
    assertEquals(picocli, out("-V"));
  }
}
