package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one data folder: --data-dir, else the property, else $HOME's, else user.home's. */
class DataFolderTest {
  @TempDir Path dir;

  @Test
  void theDefaultFollowsHomeFromTheEnvironmentBeforeUserHome() {
    assertEquals(Path.of("/tmp/x", ".roller-coach"), DataFolder.defaultRoot(null, "/tmp/x", "/root"));
    assertEquals(Path.of("/root", ".roller-coach"), DataFolder.defaultRoot(null, null, "/root"));
    assertEquals(Path.of("/root", ".roller-coach"), DataFolder.defaultRoot(null, " ", "/root"));
    assertEquals(Path.of("/data"), DataFolder.defaultRoot("/data", "/tmp/x", "/root"));
  }

  @Test
  void anExplicitFolderWins() {
    assertEquals(dir, DataFolder.resolve(dir).root());
  }

  /** What the newcomer typed: HOME=/tmp/x roller-coach sessions import … lands under /tmp/x. */
  @Test
  void aCommandRunWithAnotherHomeWritesThere() throws Exception {
    Path home = Files.createDirectories(dir.resolve("x"));
    Path passwdHome = Files.createDirectories(dir.resolve("passwd-home"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Duser.home=" + passwdHome,
        "-cp", System.getProperty("java.class.path"), "com.rollercoach.Main",
        "sessions", "import", Path.of("samples/tender-spots-bluetooth.csv").toAbsolutePath().toString());
    pb.environment().put("HOME", home.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the import finished");
    String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    try (Stream<Path> files = Files.walk(home.resolve(".roller-coach"))) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".csv")), "the session is in $HOME's library: " + out);
    }
    assertFalse(Files.exists(passwdHome.resolve(".roller-coach")), "nothing in user.home's");
  }
}
