package com.rollercoach.io.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.gui.source.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GUI's source picker takes a phone's http:// address like a port path. */
class PhoneGuiSourceTest {
  @TempDir Path dir;

  @Test
  void phoneAddressStartsAPhoneSourceThatRecords() throws Exception {
    try (FakePhyphoxPhone p = PhyphoxLiveSourceTest.phone()) {
      PhyphoxLiveSourceTest.record(p, 0, 3.0);
      p.start();
      SampleSource src = Sources.serial("http://127.0.0.1:" + p.uri().getPort(), dir);
      assertTrue(src.description().startsWith("phyphox at http://127.0.0.1:"));
      PhyphoxLiveSourceTest.Collect c = new PhyphoxLiveSourceTest.Collect();
      List<LinkStatus> states = new CopyOnWriteArrayList<>();
      Thread t = new Thread(() -> {
        try {
          src.run(c, states::add);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      t.start();
      PhyphoxLiveSourceTest.await(() -> c.lastT() >= 2.98, "the phone's samples");
      src.stop();
      t.join(5000);
      assertTrue(states.stream().anyMatch(s -> s.state() == LinkStatus.State.CONNECTED), states.toString());
      assertEquals(LinkStatus.State.ENDED, states.get(states.size() - 1).state());
      assertTrue(Files.size(src.recording().orElseThrow()) > 1000);
    }
  }
}
