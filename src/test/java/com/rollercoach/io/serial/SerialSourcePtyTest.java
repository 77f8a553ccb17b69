package com.rollercoach.io.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LinkListener;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial reader over a real pty pair: bytes in order, survives the cable being pulled. */
class SerialSourcePtyTest {
  @TempDir Path dir;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  /** Collects what the reader reports, thread-safely. */
  static final class Collector implements LinkListener {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<String> link = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void bytes(byte[] buf, int off, int len, double hostTimeS) {
      bytes.write(buf, off, len);
    }

    synchronized byte[] received() {
      return bytes.toByteArray();
    }

    @Override
    public void linkUp(double hostTimeS, String detail) {
      link.add("up");
    }

    @Override
    public void linkDown(double hostTimeS, String reason) {
      link.add("down: " + reason);
    }
  }

  @Test
  void bytesArriveCompleteAndInOrderAndSurviveASocatRestart() throws Exception {
    byte[] first = randomBytes(20_000, 1);
    byte[] second = randomBytes(5_000, 2);
    Collector c = new Collector();
    SerialSource.Options opts = SerialSource.Options.defaults().withKeepAlive(Duration.ofSeconds(30));
    try (SocatPair cable = new SocatPair(dir).start();
        SerialSource source = new SerialSource(cable.b().toString(), opts, HostClock.startingNow(), c)) {
      source.start();
      write(cable.a(), first);
      await(() -> c.received().length == first.length, "first block");
      assertArrayEquals(first, c.received());

      cable.kill();
      await(() -> c.link.stream().anyMatch(s -> s.startsWith("down")), "the drop to be noticed");
      cable.start();
      await(() -> c.link.size() == 3, "the reconnect");
      assertEquals(1, source.reconnects());
      write(cable.a(), second);
      await(() -> c.received().length == first.length + second.length, "second block");

      byte[] all = c.received();
      assertArrayEquals(second, java.util.Arrays.copyOfRange(all, first.length, all.length));
      assertEquals("up", c.link.get(0));
      assertTrue(c.link.get(1).startsWith("down: read failed"), c.link.get(1));
      assertEquals("up", c.link.get(2));
    }
  }

  @Test
  void silenceLongerThanTheKeepAliveIsADrop() throws Exception {
    Collector c = new Collector();
    SerialSource.Options opts = SerialSource.Options.defaults().withKeepAlive(Duration.ofMillis(400));
    try (SocatPair cable = new SocatPair(dir).start();
        SerialSource source = new SerialSource(cable.b().toString(), opts, HostClock.startingNow(), c)) {
      source.start();
      // The pty stays up but nothing is sent: how a Bluetooth SPP link that died quietly looks.
      await(() -> c.link.stream().anyMatch(s -> s.startsWith("down: no data")), "keep-alive drop", c.link);
      await(() -> c.link.size() >= 3, "reopen after the quiet drop", c.link);
      assertEquals("up", c.link.get(2));
    }
  }

  @Test
  void aMissingPortIsAOneLineError() {
    PortOpenException e =
        assertThrows(PortOpenException.class, () -> SerialPorts.open(dir.resolve("ttyNope").toString(), 115200, 100));
    assertEquals(PortOpenException.Reason.NO_SUCH_PORT, e.reason());
    assertTrue(e.getMessage().startsWith("no such port " + dir.resolve("ttyNope")), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  @Test
  void aFileOrADirectoryIsNotAPortAndTheMessageSaysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("session.csv"), "t_s,ax_g\n");
    PortOpenException e =
        assertThrows(PortOpenException.class, () -> SerialPorts.open(file.toString(), 115200, 100));
    assertTrue(e.getMessage().contains("is a file, not a serial port"), e.getMessage());
    e = assertThrows(PortOpenException.class, () -> SerialPorts.open(dir.toString(), 115200, 100));
    assertTrue(e.getMessage().endsWith("is a directory"), e.getMessage());
    // a bare name (no slash) reaches the library, whose errno is mapped the same way
    assertTrue(SerialPorts.openFailure("adir", 21).getMessage().endsWith("is a directory"));
    assertTrue(SerialPorts.openFailure("x.csv", 25).getMessage().endsWith("is not a serial port"));
  }

  @Test
  void aPortAlreadyOpenIsBusy() throws Exception {
    try (SocatPair cable = new SocatPair(dir).start()) {
      SerialPort held = SerialPorts.open(cable.b().toString(), 115200, 100);
      try {
        PortOpenException e =
            assertThrows(PortOpenException.class, () -> SerialPorts.open(cable.b().toString(), 115200, 100));
        assertEquals(PortOpenException.Reason.BUSY, e.reason());
        assertTrue(e.getMessage().contains("is busy"), e.getMessage());
      } finally {
        held.closePort();
      }
    }
  }

  @Test
  void errnoThirteenExplainsTheDialoutGroup() {
    // Root (as in CI containers) bypasses file permissions, so the errno mapping is checked directly.
    PortOpenException e = SerialPorts.openFailure("/dev/ttyACM0", 13);
    assertEquals(PortOpenException.Reason.PERMISSION_DENIED, e.reason());
    assertTrue(e.getMessage().contains("dialout"), e.getMessage());
    assertEquals(PortOpenException.Reason.BUSY, SerialPorts.openFailure("/dev/ttyACM0", 16).reason());
  }

  static void write(Path port, byte[] data) throws Exception {
    SerialPort p = SerialPorts.open(port.toString(), 115200, 100);
    try {
      // Chunks, because a pty buffer holds only a few KiB and jSerialComm writes non-blocking by default.
      for (int off = 0; off < data.length; ) {
        int n = p.writeBytes(data, Math.min(1024, data.length - off), off);
        if (n < 0) throw new AssertionError("write failed " + p.getLastErrorCode());
        off += n;
        if (n == 0) Thread.sleep(1);
      }
      while (p.bytesAwaitingWrite() > 0) Thread.sleep(1);
      Thread.sleep(50);
    } finally {
      p.closePort();
    }
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    await(condition, what, List.of());
  }

  /** As {@link #await(BooleanSupplier, String)}, naming what the link reported when it times out. */
  static void await(BooleanSupplier condition, String what, List<String> link) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + "; the link reported " + link);
      Thread.sleep(10);
    }
  }
}
