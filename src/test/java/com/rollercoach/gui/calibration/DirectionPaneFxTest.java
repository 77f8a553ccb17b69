package com.rollercoach.gui.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.io.csv.CsvSampleWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's direction step: says it is missing, learns it from the samples, saves it in the device's file. */
@ExtendWith(ApplicationExtension.class)
class DirectionPaneFxTest {
  private DirectionPane pane;
  private Path data;
  private DeviceCalibration cal;

  @Start
  void start(Stage stage) throws Exception {
    data = Files.createTempDirectory("rc-direction");
    cal = CalibrationFile.read(Path.of("calibration/examples/demo-roller-3.json")).withDeviceId("rc-dir-test");
    CalibrationFile.write(cal, data.resolve("calibration").resolve(CalibrationFile.fileName("rc-dir-test")));
    pane = new DirectionPane(() -> data, () -> "rc-dir-test", new TextField());
    stage.setScene(new Scene(pane, 900, 400));
    stage.show();
  }

  @Test
  void learnsTheDirectionAndSavesIt(FxRobot robot) throws Exception {
    boolean[] known = new boolean[1];
    robot.interact(() -> known[0] = pane.checkDevice());
    assertFalse(known[0]);
    Label status = robot.lookup("#dirStatus").queryAs(Label.class);
    assertTrue(status.getText().startsWith("Missing for rc-dir-test"), status.getText());

    Path csv = data.resolve("gesture.csv");
    Vector3D w = cal.rollAxis().scalarMultiply(30); // toward the head is a positive turn on this roller
    try (CsvSampleWriter out = CsvSampleWriter.create(csv, new SessionMetadata(Map.of("device", "rc-dir-test")))) {
      for (double t = 0; t < 6; t += 0.01) {
        boolean moving = t >= 1 && t < 3.5;
        out.accept(cal.imu().unapply(new ImuSample(t, 0, 0, 1, moving ? w.getX() : 0, moving ? w.getY() : 0,
            moving ? w.getZ() : 0)));
      }
    }
    robot.interact(() -> pane.begin(() -> SampleFiles.replay(csv, 0)));
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Direction toward the head learned"));
    Path file = data.resolve("calibration").resolve(CalibrationFile.fileName("rc-dir-test"));
    assertEquals(1, CalibrationFile.read(file).towardHead());
    robot.interact(() -> known[0] = pane.checkDevice());
    assertTrue(known[0]);
  }
}
