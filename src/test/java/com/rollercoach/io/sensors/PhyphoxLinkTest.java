package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.AutoDetectingDecoder;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhyphoxLinkTest {
  @Test
  void phoneSamplesAndDropsTakeTheLivePath() throws Exception {
    try (FakePhyphoxPhone p = PhyphoxLiveSourceTest.phone()) {
      PhyphoxLiveSourceTest.record(p, 0, 2.0);
      p.start();
      PhyphoxLiveSourceTest.Collect c = new PhyphoxLiveSourceTest.Collect();
      LivePath path = new LivePath((format, l) -> AutoDetectingDecoder.withBuiltInFormats(l), "auto", c, new LiveObserver() {});
      PhyphoxLiveSource.Settings fast =
          new PhyphoxLiveSource.Settings(Duration.ofMillis(10), Duration.ofMillis(300),
              Duration.ofMillis(20), Duration.ofMillis(60), 1.0, Duration.ofSeconds(2));
      PhyphoxLink link =
          new PhyphoxLink(p.uri(), PhyphoxBuffers.standard(), fast, path, HostClock.startingNow()).start();
      PhyphoxLiveSourceTest.await(() -> c.lastT() >= 1.98, "first data");
      p.stop();
      Thread.sleep(300);
      p.start();
      synchronized (p) {
        PhyphoxLiveSourceTest.record(p, 2.0, 1.0);
      }
      PhyphoxLiveSourceTest.await(() -> c.lastT() >= 2.98, "data after the drop");
      link.close();
      assertEquals(1, path.linkDrops(), "one drop however many retries failed");
      assertTrue(path.device().sensorModel().startsWith("phone (phyphox)"));
      assertEquals(c.samples.size(), path.samplesDelivered());
    }
  }
}
