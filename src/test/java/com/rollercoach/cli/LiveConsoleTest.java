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
}
