package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the data folder is when no --data-dir is given. */
class DataFolderTest {
  @Test
  void homeFromTheEnvironmentWinsOverThePasswordFilesHome() {
    assertEquals(Path.of("/tmp/h/.roller-coach"), DataFolder.defaultRoot(null, "/tmp/h", "/root"));
  }

  @Test
  void withoutHomeTheJvmsUserHomeIsUsed() {
    assertEquals(Path.of("/root/.roller-coach"), DataFolder.defaultRoot(null, null, "/root"));
    assertEquals(Path.of("/root/.roller-coach"), DataFolder.defaultRoot(null, " ", "/root"));
  }

  @Test
  void thePropertyComesFirst() {
    assertEquals(Path.of("/data/rc"), DataFolder.defaultRoot("/data/rc", "/tmp/h", "/root"));
  }
}
