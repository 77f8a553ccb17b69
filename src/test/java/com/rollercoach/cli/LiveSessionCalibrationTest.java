package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.TestHome;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.io.DataFolder;
import com.rollercoach.live.LiveSession;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record}'s pipeline: the calibration follows the HELLO, even one that comes after samples. */
/** The one live session applies the device calibration its HELLO names, even when it comes late. */
class LiveSessionCalibrationTest {
  static final DeviceInfo SIM = new DeviceInfo(1, SimDevice.ID, "1", "sim", 4, 500, 100);

  @TempDir static Path home;
  static SimDevice device;
  static String oldHome;

  /** The device's own calibration (twice the real diameter) waits in the user's folder. */
  @BeforeAll
  static void userCalibration() throws Exception {
    device = new SimDevice(home);
    SimDevice.installForUser(home, device.calibration(2 * device.session.nominalDiameterCm()));
  }

  @BeforeEach
  void useHome() {
    oldHome = TestHome.current();
    TestHome.set(home.toString());
  }

  @AfterEach
  void restoreHome() {
    TestHome.restore(oldHome);
  }

  /** Plays the session into a LiveSession whose device says HELLO {@code helloAfterS} in (never if ∞). */
  static String live(double helloAfterS) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    LiveConsole console = new LiveConsole(out, false, CoachingTargets.defaults(), false);
    // The roller the session was simulated with, as record --roller-diameter-cm would put it in the header.
    SessionMetadata meta = SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM,
        Double.toString(device.session.nominalDiameterCm()));
    LiveSession pipeline = new LiveSession(LiveSession.Setup.of(Prescription.protocolDefault(),
        DataFolder.resolve(home.resolve(".roller-coach"))).withMetadata(meta), console);
    double[] t0 = {Double.NaN};
    double[] now = {Double.NaN};
    pipeline.deviceFrom(() -> now[0] - t0[0] >= helloAfterS ? SIM : null);
    device.session.play(new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        if (Double.isNaN(t0[0])) t0[0] = s.tS();
        now[0] = s.tS();
        pipeline.accept(s);
      }
    });
    pipeline.end();
    out.println("Summary: " + console.countsLine());
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static double travel(String out) {
    return SimDevice.totalTravelCm(out);
  }

  @Test
  void aHelloAfterTheFirstSamplesStillCalibratesEverySample() {
    double plain = travel(live(Double.POSITIVE_INFINITY));
    String late = live(0.3);
    assertTrue(late.contains("Using calibration"), late);
    assertEquals(2 * plain, travel(late), 0.1 * plain);
    // Nothing held back was lost: the same passes, in the same number.
    assertEquals(live(0).lines().filter(l -> l.startsWith("Summary")).toList(),
        late.lines().filter(l -> l.startsWith("Summary")).toList());
  }

  @Test
  void aDeviceThatNeverSaysHelloSelfCalibratesAfterTheWait() {
    String none = live(Double.POSITIVE_INFINITY);
    assertFalse(none.contains("Using calibration"), none);
    assertTrue(travel(none) > 0, none);
  }
}
