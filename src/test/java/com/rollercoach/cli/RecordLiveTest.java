package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.TestHome;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.emulator.SimulatedInput;
import com.rollercoach.io.serial.SocatPair;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record} over a serial cable (socat pty pair) from the emulator, into the default data folder
 * of a temporary home: the device's calibration is found from its HELLO, and the finished recording
 * is in the library without a reindex.
 */
class RecordLiveTest {
  @TempDir Path home;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  @Test
  void aRecordingLandsInTheLibraryWithTheDevicesCalibration() throws Exception {
    String deviceId = Emulator.Options.defaults().deviceId();
    SimDevice device = new SimDevice(home);
    SimDevice.installForUser(home, deviceId, device.calibration(deviceId, device.session.nominalDiameterCm()));
    String oldHome = TestHome.current();
    CliRun r;
    String port;
    try (SocatPair cable = new SocatPair(home).start()) {
      port = cable.b().toString();
      TestHome.set(home.toString());
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(SimulatedInput.of(7), link, Emulator.Options.defaults().withSpeed(20));
      AtomicReference<Exception> failed = new AtomicReference<>();
      emulator.start(failed::set);
      // 5 s at 20× = 100 s of session: recordings under 60 s are kept but not listed.
      r = CliRun.of("record", "--port", cable.b().toString(), "--duration", "5");
      emulator.stop();
      link.close();
      assertNull(failed.get());
    } finally {
      TestHome.restore(oldHome);
    }
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("Summary: "), r.out());
    // the heading first, then the link's lines
    int heading = r.out().indexOf("Recording " + port);
    assertTrue(heading >= 0 && heading < r.out().indexOf("link up: "), r.out());
    assertTrue(r.out().contains("Using calibration "), r.out());
    assertTrue(r.out().contains("Added to the library as session "), r.out() + r.err());

    Path data = home.resolve(".roller-coach");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      List<SessionEntry> sessions = lib.list(SessionFilter.all());
      assertEquals(1, sessions.size());
      SessionEntry e = sessions.get(0);
      assertEquals(deviceId, e.device());
      assertTrue(r.out().contains("session " + e.id()), r.out());
      assertTrue(Files.exists(e.recording()), e.recording().toString());
    }
  }

  /**
   * A port nothing answers on: "No data arrived…" instead of a summary, as docs/live.md says, not
   * that line and then "Summary: 0 passes, 0 rolls (target 10-20)…" under it.
   */
  @Test
  void aSilentPortEndsWithNoDataAndNoSummary() throws Exception {
    CliRun r;
    String oldHome = TestHome.current();
    try (SocatPair cable = new SocatPair(home).start()) {
      TestHome.set(home.toString());
      r = CliRun.of("record", "--port", cable.b().toString(), "--duration", "1", "--out",
          home.resolve("silent.rcrec").toString());
    } finally {
      TestHome.restore(oldHome);
    }
    assertEquals(1, r.code(), r.err() + r.out()); // nothing recorded is no success; the capture is kept
    assertTrue(r.out().contains("No data arrived from the sensor"), r.out());
    assertFalse(r.out().contains("Summary: "), r.out());
    assertTrue(r.out().contains("Link: 0 frames"), r.out());
  }
}
