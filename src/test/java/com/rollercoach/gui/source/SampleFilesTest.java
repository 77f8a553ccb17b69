package com.rollercoach.gui.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the window cannot replay is named once in its message, as on the command line: `gui --replay
 * empty.csv` and the start screen's "Replay a file…" said "empty.csv: empty.csv: empty file".
 */
class SampleFilesTest {
  @TempDir Path dir;

  @Test
  void anUnreadableFileIsNamedOnce() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    Path folder = Files.createDirectory(dir.resolve("export"));
    assertEquals(empty + ": empty file",
        assertThrows(IllegalArgumentException.class, () -> SampleFiles.replay(empty, 1)).getMessage());
    assertEquals(folder + ": no sensor tables (.csv) in this folder — Roller Coach opens a phyphox, Sensor Logger"
            + " or x-IMU3 export folder, or a session file",
        assertThrows(IllegalArgumentException.class, () -> SampleFiles.replay(folder, 1)).getMessage());
  }
}
