package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.sample.SampleValidator;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.io.DataFolder;
import com.rollercoach.io.live.LiveObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path's warnings (samples refused at the edge, a phone whose sensor went silent) reach the
 * window's feed, which the live view shows as its banner; and the terminal's display through
 * {@link com.rollercoach.live.LiveSession#observer}.
 */
class LiveWarningsTest {
  @TempDir Path home;

  private com.rollercoach.live.LiveSession.Setup setup() {
    return com.rollercoach.live.LiveSession.Setup.of(Prescription.protocolDefault(), DataFolder.resolve(home));
  }

  @Test
  void badSamplesAndASilentSensorReachTheWindowsFeed() {
    LiveFeed feed = new LiveFeed(LinkStatus.connecting("test"));
    SessionProcessor processor = new SessionProcessor(setup(), feed, c -> {});
    assertNull(feed.warning());
    // the window's sources hand the processor to their live path as its observer
    LiveObserver asSourcesSeeIt = processor;
    asSourcesSeeIt.samplesRejected(SampleValidator.Reason.NON_FINITE, 10);
    assertEquals("10 bad samples dropped (non-finite value)", feed.warning());
    asSourcesSeeIt.warning("phyphox: the gyroscope sends nothing");
    assertEquals("phyphox: the gyroscope sends nothing", feed.warning());
  }

  @Test
  void theSessionsObserverPassesTheLivePathsWarningsToTheDisplay() {
    List<String> shown = new ArrayList<>();
    var session = new com.rollercoach.live.LiveSession(setup(), new com.rollercoach.live.LiveSession.Listener() {});
    LiveObserver o = session.observer(new LiveObserver() {
      @Override
      public void warning(String text) {
        shown.add(text);
      }

      @Override
      public void samplesRejected(SampleValidator.Reason reason, long count) {
        shown.add(count + " " + reason.text());
      }
    });
    o.samplesRejected(SampleValidator.Reason.TIME_JUMP, 1);
    o.warning("sensor silent");
    assertEquals(List.of("1 time jumped over an hour", "sensor silent"), shown);
  }
}
