package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.cli.RollerCoachCommand;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.gui.live.WindowSession;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.source.Sources;
import com.rollercoach.io.DataFolder;
import com.rollercoach.live.LiveSession;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone (phyphox remote access, the HTTP fake that answers as phyphox's RemoteServer does) is a
 * session like a roller's, in the window and in the terminal: its samples go through the one {@link
 * LiveSession}, are recorded, and the recording is indexed in the library under its patient.
 */
class PhoneSessionTest {
  @TempDir Path home;

  /** 70 s of phone samples from t0 on, appended at once (sample time runs ahead of the wall clock). */
  private static void aSession(FakePhyphoxPhone p, double t0) {
    PhyphoxLiveSourceTest.record(p, t0, 70.0);
  }

  @Test
  void aPhoneSessionInTheWindowGoesThroughTheLiveSessionAndIsIndexedUnderItsPatient() throws Exception {
    try (FakePhyphoxPhone p = PhyphoxLiveSourceTest.phone()) {
      PhyphoxLiveSourceTest.record(p, 0, 3.0);
      p.start();
      // What the start screen's Connect does with a typed phone address and the chosen patient.
      SampleSource phone = Sources.serial("http://127.0.0.1:" + p.uri().getPort(), home, "Ann Example");
      WindowSession w = new WindowSession(phone,
          LiveSession.Setup.of(Prescription.protocolDefault(), DataFolder.resolve(home)), home, c -> {}, s -> {});
      w.start();
      PhyphoxLiveSourceTest.await(() -> w.session().samples() > 50, "the phone's first samples");
      aSession(p, 3.0);
      PhyphoxLiveSourceTest.await(() -> w.session().durationS() > 70, "70 s of samples");
      w.stop();
      w.join(10_000);
      assertTrue(w.finished());

      Path rec = phone.recording().orElseThrow();
      assertEquals(home.resolve("sessions"), rec.getParent());
      SessionEntry e = w.libraryEntry().orElseThrow(() -> new AssertionError(w.libraryMessage()));
      assertEquals("Ann Example", e.patient());
      assertTrue(w.libraryMessage().endsWith("of Ann Example"), w.libraryMessage());
      try (SessionLibrary lib = SessionLibrary.open(home)) {
        List<SessionEntry> all = lib.list(SessionFilter.all());
        assertEquals(1, all.size());
        assertEquals("Ann Example", all.get(0).patient());
      }
    }
  }

  @Test
  void aPhoneRecordedFromTheTerminalIsIndexedUnderItsPatient() throws Exception {
    try (FakePhyphoxPhone p = PhyphoxLiveSourceTest.phone()) {
      PhyphoxLiveSourceTest.record(p, 0, 3.0);
      p.start();
      Thread more = new Thread(() -> {
        try {
          Thread.sleep(800);
        } catch (InterruptedException e) {
          return;
        }
        aSession(p, 3.0);
      });
      more.start();
      int code = RollerCoachCommand.commandLine().execute("record", "--phyphox", "127.0.0.1:" + p.uri().getPort(),
          "--duration", "3", "--patient", "Bo Example", "--data-dir", home.toString());
      more.join();
      assertEquals(0, code);
      try (SessionLibrary lib = SessionLibrary.open(home)) {
        List<SessionEntry> all = lib.list(SessionFilter.all());
        assertEquals(1, all.size(), "indexed at once");
        assertEquals("Bo Example", all.get(0).patient());
        assertTrue(Files.exists(all.get(0).recording()), all.get(0).recording().toString());
      }
    }
  }
}
