package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * gui --snapshot: ImageIO.write(image, "png", File) deletes the file first, so --snapshot /dev/full
 * run as root replaced the device with a regular PNG file and said "saved". The snapshot now never
 * removes what it writes to, and a failed write is said and is not "saved". (The device here is a
 * private node made in a temporary folder, never /dev/full itself.)
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotFileFxTest {
  @TempDir Path dir;
  private Scene scene;

  @Start
  void start(Stage stage) {
    scene = new Scene(new Label("Roller Coach"), 200, 80);
    stage.setScene(scene);
    stage.show();
  }

  private boolean snapshot(FxRobot robot, Path file) {
    boolean[] ok = new boolean[1];
    robot.interact(() -> ok[0] = RollerCoachApp.snapshot(scene, file));
    return ok[0];
  }

  @Test
  void aFullDeviceStaysADeviceAndTheSnapshotSaysItFailed(FxRobot robot) throws Exception {
    Path full = dir.resolve("full");
    Process p = new ProcessBuilder("mknod", "-m", "666", full.toString(), "c", "1", "7").redirectErrorStream(true).start();
    Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "needs root to make a device node");
    assertFalse(snapshot(robot, full), "a write to a full device is no saved snapshot");
    assertFalse(Files.isRegularFile(full), "the device is still a device");
    assertTrue(Files.exists(full));
  }

  @Test
  void aSnapshotReplacesAFileWholeAndIsAPng(FxRobot robot) throws Exception {
    Path png = Files.writeString(dir.resolve("shot.png"), "old");
    assertTrue(snapshot(robot, png));
    byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, magic);
    try (var files = Files.list(dir)) {
      assertTrue(files.allMatch(f -> f.equals(png)), "no temporary file left beside it");
    }
  }
}
