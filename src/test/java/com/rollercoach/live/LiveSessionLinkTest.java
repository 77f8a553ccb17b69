package com.rollercoach.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.io.DataFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link cues a patient on the floor hears: lost, then silent again after a reopen. */
class LiveSessionLinkTest {
  @TempDir Path data;

  @Test
  void aReopenedLinkThatStillSendsNothingRaisesNoData() throws Exception {
    List<Cue> cues = new CopyOnWriteArrayList<>();
    LiveSession s = session(cues);
    s.connected();
    s.linkLost("no data for 2.0 s");
    s.checkSilence();
    assertEquals(1, cues.size(), cues.toString());
    assertTrue(cues.get(0) instanceof Cue.LinkLost, cues.toString());
    // The port is reopened (the serial source's reconnect) but no sample ever comes.
    s.connected();
    s.checkSilence();
    assertEquals(1, cues.size(), "not at once: " + cues);
    Thread.sleep((long) (LiveSession.NO_DATA_S * 1000) + 300);
    s.checkSilence();
    s.checkSilence();
    assertEquals(2, cues.size(), cues.toString());
    assertTrue(cues.get(1) instanceof Cue.NoData, "silence after the reopen is 'no data': " + cues);
  }

  @Test
  void whileTheLinkIsDownSilenceIsNotAlsoNoData() throws Exception {
    List<Cue> cues = new CopyOnWriteArrayList<>();
    LiveSession s = session(cues);
    s.connected();
    s.linkLost("port gone");
    Thread.sleep((long) (LiveSession.NO_DATA_S * 1000) + 300);
    s.checkSilence();
    assertEquals(1, cues.size(), "only 'connection lost': " + cues);
  }

  @Test
  void aSessionThatNeverGotASampleEndsWithoutCoaching() {
    List<Cue> cues = new CopyOnWriteArrayList<>();
    List<String> messages = new CopyOnWriteArrayList<>();
    LiveSession s = session(cues, messages);
    s.connected();
    s.end();
    // "Session done: 0 rolls. Next time: more rolls" was coaching a session that never reached us
    assertTrue(cues.stream().noneMatch(c -> c instanceof Cue.SessionDone), cues.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("No data arrived")), messages.toString());
  }

  /** A live session on an empty data folder whose cues land in {@code cues}. */
  private LiveSession session(List<Cue> cues) {
    return session(cues, new CopyOnWriteArrayList<>());
  }

  /** The same, with its messages (status lines) in {@code messages}. */
  private LiveSession session(List<Cue> cues, List<String> messages) {
    return new LiveSession(LiveSession.Setup.of(Prescription.protocolDefault(), DataFolder.resolve(data)),
        new LiveSession.Listener() {
          @Override
          public void cue(Cue c) {
            cues.add(c);
          }

          @Override
          public void message(String text) {
            messages.add(text);
          }
        });
  }
}
