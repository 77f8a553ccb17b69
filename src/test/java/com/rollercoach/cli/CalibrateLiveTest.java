package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.calibration.SyntheticCalibrationSession;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.serial.SocatPair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate --port}: a calibration session played by the device emulator over a socat pty pair
 * in our wire protocol, calibrated live; the device id comes from the emulator's HELLO.
 */
class CalibrateLiveTest {
  @TempDir Path dir;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  @Test
  void calibratesLiveOverASerialLink() throws Exception {
    SyntheticCalibrationSession session = SyntheticCalibrationSession.builder(9).randomErrors().build();
    EmulatorInput input =
        new EmulatorInput() {
          @Override
          public String description() {
            return "synthetic calibration session";
          }

          @Override
          public SessionMetadata metadata() {
            return SessionMetadata.empty().with(SessionMetadata.SAMPLE_RATE_HZ, "100");
          }

          @Override
          public void play(SampleSink sink) {
            session.play(
                new SampleSink() {
                  @Override
                  public void accept(com.rollercoach.core.sample.ImuSample s) {
                    sink.accept(s);
                  }
                });
          }
        };
    Path out = dir.resolve("live.json");
    try (SocatPair cable = new SocatPair(dir).start()) {
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(input, link, Emulator.Options.defaults().withSpeed(20));
      AtomicReference<Exception> failed = new AtomicReference<>();
      emulator.start(failed::set);
      var cl = RollerCoachCommand.commandLine();
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute("calibrate", "--port", cable.b().toString(), "--out", out.toString());
      emulator.stop();
      link.close();
      assertEquals(0, exit, err.toString());
    }
    DeviceCalibration c = CalibrationFile.read(out);
    // Over the wire the samples are 16-bit counts, so the fit sees quantised data: still within the
    // tolerances of the offline tests.
    assertEquals(15.0, c.rollerDiameterCm(), 0.05);
    double axisErr = Math.toDegrees(Vector3D.angle(session.truth().rollAxis(), c.rollAxis()));
    assertEquals(0, axisErr, 0.2);
    assertEquals(false, c.deviceId().isBlank());
  }
}
