package com.rollercoach.gui.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * With no audio device the settings showed Java's exception text ("No line matching interface
 * SourceDataLine supporting format PCM_SIGNED 44100.0 Hz…"): now what failed, in words.
 */
class AudioProblemTextTest {
  @Test
  void noDeviceIsSaidInWordsWithoutJavasText() {
    String javas = "No line matching interface SourceDataLine supporting format PCM_SIGNED 44100.0 Hz, 16 bit,"
        + " mono, 2 bytes/frame, little-endian is supported.";
    for (Exception e : new Exception[] {new IllegalArgumentException(javas), new LineUnavailableException(javas)}) {
      String p = CuePlayer.problem(e);
      assertEquals("no sound output found", p);
      assertFalse(p.contains("SourceDataLine") || p.contains("Exception"), p);
    }
    assertTrue(CuePlayer.problem(new LineUnavailableException("Device or resource busy")).contains("busy"));
    assertEquals("this program is not allowed to play sound", CuePlayer.problem(new SecurityException("x")));
  }

  @Test
  void theSettingsLineSaysWhatFailedAndWhatToDoInOneLine() {
    String t = CuePlayer.statusLine(CuePlayer.problem(new IllegalArgumentException("No line matching …")));
    assertEquals("No sound: no sound output found. Connect speakers or headphones, then press Test sound;"
        + " until then cues are only shown.", t);
    assertEquals(1, t.lines().count());
  }
}
