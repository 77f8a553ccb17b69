package com.rollercoach.gui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /** The window's wrapper, run to its end with no display (its feed is what the live view shows). */
  private WindowSession runToEnd(com.rollercoach.gui.source.SampleSource source) throws InterruptedException {
    WindowSession w = new WindowSession(source, setup(), home, c -> {}, s -> {});
    w.start();
    w.join(60_000);
    assertTrue(w.finished());
    return w;
  }

  @Test
  void aReplayedFilesSkippedRowsReachTheWindowsBanner() throws Exception {
    List<String> lines = new ArrayList<>(java.nio.file.Files.readAllLines(Path.of("samples/tender-spots-bluetooth.csv")));
    lines.set(200, lines.get(200).replaceFirst(",[^,]*,", ",nan,")); // a nan cell: costs that row
    lines.set(300, lines.get(300).replaceFirst("^[^,]*,", "10.0,")); // time going backwards: that row too
    Path file = java.nio.file.Files.write(home.resolve("damaged.csv"), lines);
    WindowSession w = runToEnd(com.rollercoach.gui.source.SampleFiles.replay(file, 0));
    String shown = w.feed().warning();
    assertEquals(file + ":201: 2 bad samples dropped (1 non-finite value, 1 time going backwards)", shown);
    assertEquals(10564 - 10 - 2, w.session().samples(), "only the two bad rows are lost");
  }

  /** A sink that is also the display, as the window's session processor is, whose pipeline fails once. */
  private static final class FailingOnce implements com.rollercoach.core.sample.SampleSink, LiveObserver {
    private final SessionProcessor next;
    private long n;

    FailingOnce(SessionProcessor next) {
      this.next = next;
    }

    @Override
    public void accept(com.rollercoach.core.sample.ImuSample s) {
      if (++n == 100) throw new IllegalStateException("pipeline bug at sample 100");
      next.accept(s);
    }

    @Override
    public void warning(String text) {
      next.warning(text);
    }

    @Override
    public void samplesRejected(SampleValidator.Reason reason, long count) {
      next.samplesRejected(reason, count);
    }
  }

  @Test
  void theDemoDevicesSourceErrorsReachTheWindowsBanner() throws Exception {
    LiveFeed feed = new LiveFeed(LinkStatus.connecting("demo"));
    SessionProcessor processor = new SessionProcessor(setup(), feed, c -> {});
    var demo = new com.rollercoach.gui.source.DemoDeviceSource(
        com.rollercoach.io.emulator.SimulatedInput.of(7), 200); // 200× real time
    Thread t = new Thread(() -> {
      try {
        demo.run(new FailingOnce(processor), s -> {});
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    t.start();
    long until = System.nanoTime() + 20_000_000_000L;
    while (processor.samples() < 1000 && System.nanoTime() < until) Thread.sleep(20);
    demo.stop();
    t.join(10_000);
    assertEquals("a sample could not be processed (java.lang.IllegalStateException: pipeline bug at sample 100); "
        + "the session goes on", feed.warning());
    assertTrue(processor.samples() >= 1000, "the session went on: " + processor.samples());
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
