package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
  @Test
  void homeIsWhatTheShellSaysItIs() {
    assertEquals(Path.of("/tmp/x"), DataFolder.home("/tmp/x", "/root"));
  }

  @Test
  void withoutAUsableHomeVariableTheJvmsHomeIsUsed() {
    assertEquals(Path.of("/root"), DataFolder.home(null, "/root"));
    assertEquals(Path.of("/root"), DataFolder.home(" ", "/root"));
    assertEquals(Path.of("/root"), DataFolder.home("relative/home", "/root"));
  }

  @Test
  void anExplicitFolderWinsOverThePropertyWhichWinsOverHome(@TempDir Path dir) {
    try (TestHome h = TestHome.use(dir)) {
      assertEquals(dir.resolve(".roller-coach"), DataFolder.resolve(null).root());
      assertEquals(dir.resolve("given"), DataFolder.resolve(dir.resolve("given")).root());
    }
  }

  @Test
  void theDefaultFollowsHomeWhenNothingElseIsSet() {
    String saved = System.getProperty(DataFolder.HOME_PROPERTY);
    System.clearProperty(DataFolder.HOME_PROPERTY);
    try {
      Path expected =
          DataFolder.home(System.getenv("HOME"), System.getProperty("user.home")).resolve(".roller-coach");
      assertEquals(expected, DataFolder.defaultRoot());
    } finally {
      if (saved != null) System.setProperty(DataFolder.HOME_PROPERTY, saved);
    }
  }
}
