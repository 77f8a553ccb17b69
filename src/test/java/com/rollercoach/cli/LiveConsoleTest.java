package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.Pass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal's end-of-session counts. */
class LiveConsoleTest {
  private static LiveConsole console() {
    return new LiveConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
        CoachingTargets.defaults(), false);
  }

  /** A false start of two passes: "2 passes, 1 roll", not "1 rolls" (and one pass is "1 pass"). */
  @Test
  void oneRollAndOnePassAreSingular() {
    LiveConsole c = console();
    assertEquals("0 passes, 0 rolls (target 10-20), 0 tender spot(s), 0 extension hold(s)", c.countsLine());
    c.event(new MotionEvent.PassCompleted(5, new Pass(1, 1, 5, 0, 12), 1, 0));
    assertEquals("1 pass, 0 rolls (target 10-20), 0 tender spot(s), 0 extension hold(s)", c.countsLine());
    c.event(new MotionEvent.PassCompleted(9, new Pass(2, 5, 9, 12, 0), 2, 1));
    assertEquals("2 passes, 1 roll (target 10-20), 0 tender spot(s), 0 extension hold(s)", c.countsLine());
  }

  /** record's heading comes first: the link's lines while the port opens wait for it. */
  @Test
  void linesBeforeTheHeadingWaitForIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole c = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        com.rollercoach.core.coach.CoachingTargets.defaults(), false);
    c.holdUntilHeading();
    c.linkUp(0, "/dev/ttyB");
    c.heading("Recording /dev/ttyB to s.rcrec (Ctrl-C to stop)");
    c.message("device EMU-0001");
    assertEquals(java.util.List.of("Recording /dev/ttyB to s.rcrec (Ctrl-C to stop)", "        link up: /dev/ttyB",
        "        device EMU-0001"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
