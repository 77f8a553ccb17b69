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

  /**
   * Events are emitted when they are confirmed, so a line can report something that happened before
   * the line above it (the get-off is known after the hold it ends): the time column is when each
   * line was emitted and only goes forward; a line about an earlier moment says that moment.
   */
  @Test
  void theTimeColumnOnlyGoesForwardAndEachLineSaysItsOwnTime() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole c = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        CoachingTargets.defaults(), false);
    c.event(new MotionEvent.GotOn(15.4, 15.1));
    c.event(new MotionEvent.PassCompleted(39.2, new Pass(1, 36, 37.6, 0, 8.5), 1, 0));
    c.event(new MotionEvent.PassCompleted(41.1, new Pass(2, 37.6, 40.1, 8.5, -40), 2, 1));
    c.event(new MotionEvent.DataGap(64.3, 62.0, 64.2, "link lost"));
    c.event(new MotionEvent.HoldFound(323.2, new com.rollercoach.core.detect.ExtensionHold(261, 315.4, 2.9, 6, 6.5)));
    c.event(new MotionEvent.GotOff(323.2, 315.4));
    java.util.List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(java.util.List.of(
        "   0:15  on the roller",
        "   0:39  pass 1 up   8.5 cm at 5.3 cm/s, roll 0 of 10-20, ended 0:38  (slow down)",
        "   0:41  pass 2 down 48.5 cm at 19.4 cm/s, roll 1 of 10-20, ended 0:40  (slow down)",
        "   1:04  no data for 2.2 s, 1:02–1:04 (link lost)",
        "   5:23  extension hold 0:54 with 6 breaths (target 1:00), 4:21–5:15",
        "   5:23  off the roller since 5:15"), lines);
  }

  /**
   * The link cues run on the wall clock continued from the last sample; after stale frames or a stall
   * a sample-time line came after them with an earlier time (6:59 "No data", then 6:53): the time
   * column must never go backwards, and a line about an earlier moment says it in its text.
   */
  @Test
  void theTimeColumnNeverGoesBackwardsAcrossClocks() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole c = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        CoachingTargets.defaults(), false);
    c.event(new MotionEvent.GotOn(15.4, 15.1));
    c.cue(new com.rollercoach.core.coach.live.Cue.NoData(419.2, 3.0));
    c.event(new MotionEvent.GotOff(413.0, 412.0));
    c.cue(new com.rollercoach.core.coach.live.Cue.Reconnected(414.0));
    java.util.List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(4, lines.size(), lines.toString());
    assertEquals("   6:59  off the roller since 6:52", lines.get(2));
    String previous = "";
    for (String l : lines) {
      String t = l.strip().split(" ")[0];
      String padded = String.format("%6s", t);
      assertEquals(true, padded.compareTo(previous) >= 0, "went back: " + lines);
      previous = padded;
    }
  }

  /**
   * A tender spot's position in whole centimetres, as the window shows it: to the tenth, one spot
   * read "+7.5", "+7.6" and "+7.5 cm" in three lines as the rocking moved its mean; at the landmark
   * it is "0 cm", not "-0.2". The first line measured from a landmark says which (the direction is
   * unknown here: no sign).
   */
  @Test
  void positionsAreInWholeCentimetres() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole c = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        CoachingTargets.defaults(), false);
    c.event(new MotionEvent.StillStarted(46.2, 39.1, 7.46));
    c.event(new MotionEvent.DwellFound(107.0, new com.rollercoach.core.detect.Dwell(39.1, 101.3, -0.2)));
    java.util.List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(java.util.List.of(
        "   0:46  still at 7 cm since 0:39  (positions in cm from where rolling started (roller under the shoulder blades))",
        "   1:47  tender spot held at 0 cm for 1:02 (good), 0:39–1:41"), lines);
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
  /**
   * {@code --cues} prints what the patient hears: at a prescribed count the milestone says "10 rolls.
   * When you are ready: …", and the roll tick's "10 rolls" is not printed above it (speech says the
   * milestone only); a tick no milestone follows is printed, at its own time, before the next line.
   */
  @Test
  void aMilestoneSaysItsCountOnceWithCues() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole c = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        CoachingTargets.defaults(), true);
    c.cue(new com.rollercoach.core.coach.live.Cue.RollTick(245.0, 9));
    c.cue(new com.rollercoach.core.coach.live.Cue.RollTick(252.0, 10));
    c.cue(new com.rollercoach.core.coach.live.Cue.RollMilestone(252.0, 10, false));
    c.cue(new com.rollercoach.core.coach.live.Cue.RollTick(259.0, 11));
    c.end();
    assertEquals(java.util.List.of(
        "   4:05  9 rolls",
        "   4:12  10 rolls. When you are ready: roller to mid back, drop the hips.",
        "   4:19  11 rolls"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** The same through replay of the bundled session: one line says "10 rolls", the milestone's. */
  @Test
  void replayWithCuesSaysTenRollsOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
    CliRun r = CliRun.of("replay", "samples/typical-session.csv", "--speed=max", "--cues", "--data-dir=" + data);
    assertEquals(0, r.code(), r.err());
    java.util.List<String> ten = r.out().lines().filter(l -> l.contains("10 rolls")).toList();
    assertEquals(1, ten.size(), r.out());
    org.junit.jupiter.api.Assertions.assertTrue(ten.get(0).contains("When you are ready"), ten.get(0));
  }
  /** A gap within one second of the clock says when once: "at 0:48", not "0:48–0:48". */
  @Test
  void aShortGapSaysItsSecondOnce() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole c = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
        CoachingTargets.defaults(), false);
    c.event(new MotionEvent.GotOn(15.4, 15.1));
    c.event(new MotionEvent.DataGap(48.4, 47.9, 48.2, "no samples"));
    c.event(new MotionEvent.DataGap(65.0, 62.0, 64.2, "link lost"));
    assertEquals(java.util.List.of(
        "   0:15  on the roller",
        "   0:48  no data for 0.3 s, at 0:48 (no samples)",
        "   1:05  no data for 2.2 s, 1:02–1:04 (link lost)"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** The gaps and the frames lost are said in one line, in words and seconds, not two lines apart. */
  @Test
  void theLinkLineSaysTheLostFramesAndTheGapsTheyLeftTogether() {
    LiveConsole c = console();
    assertEquals("Link: 500 frames received, none lost; 0 CRC failures, 0 reconnect(s)", c.linkLine(500, 0, 0, 0));
    assertEquals("Link: 500 frames received, 2 lost, too few at a time to leave a gap in the data; 0 CRC failures,"
        + " 0 reconnect(s)", c.linkLine(500, 2, 0, 0));
    c.event(new MotionEvent.DataGap(64.3, 62.0, 62.3, "frames lost"));
    assertEquals("Link: 10954 frames received, 198 lost; 1 gap in the data, 0.3 s without samples; 0 CRC failures,"
        + " 1 reconnect(s)", c.linkLine(10954, 198, 0, 1));
    assertEquals("0 passes, 0 rolls (target 10-20), 0 tender spot(s), 0 extension hold(s)", c.movementCounts());
    c.event(new MotionEvent.DataGap(90, 80.0, 83.4, "link lost"));
    assertEquals("2 gaps in the data, 3.7 s without samples in all", c.gapsText());
  }
}
