package com.rollercoach.io.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.live.Decoders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --port auto}: who gets asked, and who counts as a roller. */
class PortFinderTest {
  @TempDir Path dir;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  private static PortFinder finder() {
    return new PortFinder(Decoders.standard(), FrameEncoder.encode(0, Frame.Command.requestHello()), 115200,
        Duration.ofMillis(1500));
  }

  /** A device that does not stream until asked: only a HELLO answer can reveal it. */
  private static EmulatorInput quietDevice() {
    return new EmulatorInput() {
      @Override
      public String description() {
        return "quiet";
      }

      @Override
      public SessionMetadata metadata() {
        return SessionMetadata.empty().with(SessionMetadata.SAMPLE_RATE_HZ, "100");
      }

      @Override
      public void play(SampleSink sink) {
        for (int i = 0; i < 3000; i++) sink.accept(new ImuSample(i / 100.0, 0, 0, 1, 0, 0, 0));
      }
    };
  }

  @Test
  void aRollerAnswersHelloAndASilentPortDoesNot() throws Exception {
    try (SocatPair roller = new SocatPair(Files.createDirectories(dir.resolve("roller"))).start();
        SocatPair silent = new SocatPair(Files.createDirectories(dir.resolve("silent"))).start()) {
      Emulator.Options quiet = new Emulator.Options(1, 4, 500, "EMU", "1", "x", false, 0, 1);
      SerialDeviceLink link = SerialDeviceLink.open(roller.a().toString(), 115200);
      Emulator device = new Emulator(quietDevice(), link, quiet);
      device.start(null);
      try {
        Thread.sleep(200); // booted: its boot HELLO is sent before anyone listens, as on real hardware
        assertTrue(finder().probe(roller.b().toString()), "the roller answered request-HELLO");
        // The probe may be satisfied by the boot HELLO still buffered in the pty; the answer to its
        // request follows on the device's own thread.
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (device.commandsAnswered() < 1 && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(device.commandsAnswered() >= 1, "the request reached the device and was answered");
        assertFalse(finder().probe(silent.b().toString()), "a port that says nothing is not a roller");
      } finally {
        device.stop();
        link.close();
      }
    }
  }

  @Test
  void aPortNamedRollerIsTakenWithoutAskingAndUnlikelyPortsAreNeverWrittenTo() {
    List<String> tried = new ArrayList<>();
    List<PortInfo> ports = List.of(
        new PortInfo("/dev/ttyS0", "Physical Port S0", "", -1, -1, "", false),
        new PortInfo("/dev/ttyACM3", "Roller Coach IMU", "Roller Coach", 0x2341, 0x8057, "1", true));
    assertEquals(Optional.of("/dev/ttyACM3"), finder().find(ports, tried));
    assertTrue(tried.isEmpty(), "nothing probed");

    List<PortInfo> none = List.of(new PortInfo("/dev/ttyS0", "Physical Port S0", "", -1, -1, "", false));
    assertEquals(Optional.empty(), finder().find(none, tried));
    assertTrue(tried.isEmpty(), "an unlikely port is not written to");
  }
}
