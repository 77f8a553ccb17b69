package com.rollercoach.gui.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.ble.Bluez;
import com.rollercoach.io.ble.MockBluez;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The window's source picker offers a BLE roller, and choosing it records and streams like a serial one. */
class BleSampleSourceTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void thePickerListsTheBleRollerAndItStreamsIntoARecording() throws Exception {
    MockBluez.require();
    Path stream = dir.resolve("stream.bin");
    Files.write(stream, MockBluez.encode(Path.of("samples/tender-spots-bluetooth.csv")));
    try (MockBluez bluez = new MockBluez(dir).start(stream, "--interval-ms", "3", "--need-start")) {
      System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
      List<Sources.Port> ports = Sources.ports();
      Sources.Port ble = ports.stream().filter(p -> p.path().startsWith(Sources.BLE_PREFIX)).findFirst().orElseThrow();
      assertEquals("ble:RollerCoach-BLE — Bluetooth LE NUS, -58 dBm, C0:FF:EE:00:00:01", ble.toString());

      SampleSource source = Sources.serial(ble.path(), dir);
      AtomicLong samples = new AtomicLong();
      List<LinkStatus> states = new CopyOnWriteArrayList<>();
      AtomicReference<Exception> failed = new AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          source.run(new SampleSink() {
            @Override
            public void accept(ImuSample s) {
              samples.incrementAndGet();
            }
          }, states::add);
        } catch (Exception e) {
          failed.set(e);
        }
      });
      t.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (samples.get() < 500 && failed.get() == null && System.nanoTime() < deadline) Thread.sleep(50);
      source.stop();
      t.join(10_000);
      assertEquals(null, failed.get());
      assertTrue(samples.get() >= 500, "samples streamed: " + samples.get());
      assertTrue(states.stream().anyMatch(s -> s.state() == LinkStatus.State.CONNECTED
          && s.detail().contains("RollerCoach-BLE")), states.toString());
      Path rec = source.recording().orElseThrow();
      long[] replayed = {0};
      try (var f = SessionFiles.open(rec)) {
        f.play(s -> replayed[0]++);
      }
      assertTrue(replayed[0] >= samples.get(), "the recording holds what was streamed");
    } finally {
      System.clearProperty(Bluez.BUS_PROPERTY);
    }
  }
}
