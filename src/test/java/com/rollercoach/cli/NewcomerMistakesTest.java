package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong invocations a newcomer tried (round 31): each is one line with where and why, nothing else. */
class NewcomerMistakesTest {
  @TempDir Path data;

  private static void oneLine(CliRun r, String expected) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("roller-coach: " + expected, r.err().strip());
    assertFalse(r.out().contains("Step 1"), "no instructions before the error: " + r.out());
  }

  @Test
  void calibrateOnAMissingPortSaysSoWithoutPrintingStepOneFirst() {
    CliRun r = CliRun.of("calibrate", "--port", data.resolve("ttyNone").toString());
    oneLine(r, "no such port " + data.resolve("ttyNone")
        + ": is the roller plugged in and switched on? `roller-coach ports` lists ports");
    assertEquals("", r.out().strip());
  }

  @Test
  void calibrateBenchOfNoSessionsIsRefused() {
    oneLine(CliRun.of("calibrate", "--bench", "--sessions", "0"), "--sessions 0: must be at least 1");
  }

  @Test
  void anImpossibleDiameterIsRefusedBeforeAnyPortIsSearchedAndNamesItsOption() {
    oneLine(CliRun.of("record", "--port", "auto", "--roller-diameter-cm", "500", "--data-dir", data.toString()),
        "--roller-diameter-cm: roller diameter 500.0 cm is not plausible (expected 2–100 cm)");
    oneLine(CliRun.of("analyze", "samples/typical-session.csv", "--roller-diameter-cm", "0"),
        "--roller-diameter-cm: roller diameter 0.0 cm is not plausible (expected 2–100 cm)");
  }

  @Test
  void anEmptyPatientNameOrSessionIdIsRefused() {
    oneLine(CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", " ", "--data-dir",
        data.toString()), "--patient: the name is empty; give the patient's name, or leave --patient out");
    assertEquals(0, CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", data.toString()).code());
    // "" is the start of every id: show and delete took whichever session came first
    oneLine(CliRun.of("sessions", "delete", "", "--data-dir", data.toString()),
        "no session id given: give an id or its first characters (sessions list shows them)");
    assertTrue(CliRun.of("sessions", "list", "--data-dir", data.toString()).out().contains("1 session(s)"));
  }

  @Test
  void benchSpeedNamesTheOneOptionThatIsWrong() {
    oneLine(CliRun.of("bench", "speed", "--hours", "0"), "--hours 0: must be more than 0");
    oneLine(CliRun.of("bench", "speed", "--rate", "5"), "--rate 5: must be between 25 and 1000 Hz");
  }

  @Test
  void calibrateRefusesABadDeviceIdOrAFolderBeforeAnyWork() {
    oneLine(CliRun.of("calibrate", "--input", "samples/typical-session.csv", "--device", "bad id/x"),
        "--device bad id/x: cannot name a file; use letters, digits, '.', '-', '_'");
    oneLine(CliRun.of("calibrate", "--simulate-session", data.toString()),
        data + ": is a folder; name a file in it, e.g. " + data.resolve("calibration-session.csv"));
  }
}
