package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.cli.RollerCoachCommand;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code record --phyphox}: a phone's samples end in a recording that replays like any other. */
class PhoneRecordCommandTest {
  @TempDir Path dir;

  @Test
  void recordsAPhoneAndTheRecordingReplays() throws Exception {
    try (FakePhyphoxPhone p = PhyphoxLiveSourceTest.phone()) {
      PhyphoxLiveSourceTest.record(p, 0, 3.0);
      p.start();
      Path out = dir.resolve("phone.rcrec");
      int code = RollerCoachCommand.commandLine()
          .execute("record", "--phyphox", "127.0.0.1:" + p.uri().getPort(), "--duration", "2",
              "--out", out.toString());
      assertEquals(0, code);
      SessionFile f = SessionFiles.open(out);
      PhyphoxLiveSourceTest.Collect c = new PhyphoxLiveSourceTest.Collect();
      f.play(c);
      // the 1 s backlog fetched on connecting: ~98 merged samples at 10 ms
      assertTrue(c.samples.size() >= 95, "samples replayed: " + c.samples.size());
      assertEquals(1.0, c.samples.get(0).azG(), 1e-6);
    }
  }

  /**
   * A phone that does not answer (wrong address, Remote access off): the recording said nothing while
   * it waited, then "is it switched on and streaming, on this port and at this baud rate?", a serial
   * roller's questions, where a phone has neither.
   */
  @Test
  void aPhoneThatDoesNotAnswerIsToldAsSuch() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: connections are refused
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.out;
    int code;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      code = RollerCoachCommand.commandLine().execute("record", "--phyphox", "127.0.0.1:" + port,
          "--duration", "2", "--out", dir.resolve("none.rcrec").toString());
    } finally {
      System.setOut(old);
    }
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.contains("phyphox at http://127.0.0.1:" + port + "/ does not answer"), text);
    assertTrue(text.contains("Remote access"), text);
    assertTrue(!text.contains("baud rate"), text);
    assertEquals(1, text.lines().filter(l -> l.contains("does not answer")).count(), "told once: " + text);
    assertEquals(1, code, "no samples recorded is not a success");
  }

  @Test
  void badColumnsAreOneLineErrors() {
    StringWriter err = new StringWriter();
    CommandLine cl = RollerCoachCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("record", "--port", "/dev/null-nope", "--columns", "t_ms,ax,ay");
    assertEquals(2, code, err.toString());
    assertTrue(err.toString().contains("must name az exactly once"), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }
}
