package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gui --replay BADFILE` opened the window on a file that is no session and exited 0; `replay
 * BADFILE` says why in one line and exits 2. Both now say the same line, before any window.
 */
class GuiReplayBadFileTest {
  @TempDir Path dir;

  @Test
  void aFileThatIsNoSessionIsOneLineAndExitTwoLikeReplay() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "garbage\nnot,a,session\n");
    CliRun replay = CliRun.of("replay", bad.toString(), "--speed", "max", "--data-dir", dir.resolve("d").toString());
    assertEquals(2, replay.code());
    CliRun gui = CliRun.of("gui", "--replay", bad.toString(), "--data-dir", dir.resolve("d").toString());
    assertEquals(2, gui.code(), gui.err());
    assertEquals(1, gui.err().strip().lines().count(), gui.err());
    assertEquals(replay.err().strip(), gui.err().strip());
  }
}
