package com.rollercoach.gui.sound;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-of-session summary is spoken to its end. It takes espeak-ng 15.1 s at the window's 150
 * words a minute ("Session done: 16 rolls, 2 tender spots, a hold of 1 minute 8 seconds, 22 seconds
 * short of 1 minute 30 seconds. Next time: stay longer on tender spots, a longer extension hold."),
 * and the engine was killed after 8 s, half-way through, whatever the sentence's length.
 */
class SpeechTest {
  static final String SUMMARY = "Session done: 16 rolls, 2 tender spots, a hold of 1 minute 8 seconds, 22 seconds"
      + " short of 1 minute 30 seconds. Next time: stay longer on tender spots, a longer extension hold.";

  @TempDir Path dir;

  @Test
  void aLongSentenceIsNotCutOff() throws Exception {
    Path done = dir.resolve("done");
    // an engine that takes 9 s to say the summary (espeak-ng takes 15 s), then notes it finished
    Path engine = dir.resolve("slow-engine");
    Files.writeString(engine, "#!/bin/sh\nsleep 9\ntouch '" + done + "'\n");
    Files.setPosixFilePermissions(engine, PosixFilePermissions.fromString("rwx------"));
    Speech.using(engine.toString()).say(SUMMARY);
    assertTrue(Files.exists(done), "the engine was stopped before it finished the sentence");
  }

  @Test
  void aShortCueIsStillBoundedAgainstAHungEngine() {
    assertTrue(Speech.limitMs("Slow down.") <= 10_000, String.valueOf(Speech.limitMs("Slow down.")));
    assertTrue(Speech.limitMs(SUMMARY) >= 2 * 15_100, String.valueOf(Speech.limitMs(SUMMARY)));
  }
}
