package com.rollercoach.io.ble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.protocol.BinaryStreamDecoder;
import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LinkListener;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.recording.RecordingEntry;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingReader;
import com.rollercoach.io.recording.RecordingWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BLE source end to end against a mock BlueZ on a private D-Bus (see {@link MockBluez}): a real
 * recorded session, encoded as our frames, arrives as notifications of 1–244 bytes in connection-
 * interval bursts, through {@link BleSource} into the same {@link LivePath} + recorder `record` uses.
 */
class BleSourceMockBluezTest {
  /** A session recorded from a BLE roller at 26 Hz (samples/README.md). */
  static final Path SESSION = Path.of("samples/tender-spots-bluetooth.csv");

  @TempDir Path dir;
  private MockBluez bluez;
  private static byte[] stream;
  private Path streamFile;

  @BeforeAll
  static void encodeTheSession() throws Exception {
    MockBluez.require();
    // The firmware stand-in writes the session as the device would: HELLO, IMU and STATUS frames.
    stream = MockBluez.encode(SESSION);
  }

  @BeforeEach
  void writeTheStream() throws Exception {
    streamFile = dir.resolve("stream.bin");
    Files.write(streamFile, stream);
    bluez = new MockBluez(dir);
  }

  @AfterEach
  void stop() throws Exception {
    bluez.close();
    System.clearProperty(Bluez.BUS_PROPERTY);
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aSessionSplitIntoNotificationsRecordsEveryByteAndAnalysesLikeTheFileItself() throws Exception {
    bluez.start(streamFile, "--interval-ms", "1");
    Path rec = dir.resolve("ble.rcrec");
    Live live = record(rec, "RollerCoach-BLE", BleSource.Options.defaults(), stream.length);

    assertEquals(0, live.source.reconnects());
    assertArrayEquals(stream, recordedBytes(rec), "every notified byte recorded once, in order");
    Path reference = dir.resolve("reference.rcrec");
    writeAsOneChunk(reference, stream);
    List<MotionEvent> fromFile = analyse(reference);
    List<MotionEvent> fromBle = analyse(rec);
    assertTrue(fromFile.stream().filter(e -> e instanceof MotionEvent.PassCompleted).count() >= 10,
        "the session has passes to compare: " + fromFile.size());
    assertEquals(fromFile, fromBle, "the BLE recording analyses to the same events as the file itself");
    // The session itself has gaps (its BLE roller lost samples; the emulator skips their sequence
    // numbers): exactly those count as lost, nothing more.
    assertEquals(streamStats().lostFrames(), live.path.decoderStats().lostFrames());
    assertEquals(streamStats().goodFrames(), live.path.decoderStats().goodFrames());
    assertEquals(0, live.path.decoderStats().crcFailures());
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void aStallAndADisconnectReconnectAndLoseOnlyTheFramesTheDeviceDropped() throws Exception {
    int stallAt = stream.length / 3 + 5; // mid-frame, on purpose
    int disconnectAt = 2 * stream.length / 3 + 11;
    bluez.start(streamFile, "--interval-ms", "1", "--need-start", "--stall-at", Integer.toString(stallAt),
        "--disconnect-at", Integer.toString(disconnectAt), "--drop-frames", "4", "--fail-connects", "1");
    List<int[]> drops = new ArrayList<>();
    Path rec = dir.resolve("outages.rcrec");
    // Keep-alive 1 s: the stall is noticed after 1 s, the ping written after 0.5 s.
    BleSource.Options options = BleSource.Options.defaults().withKeepAlive(Duration.ofSeconds(1))
        .withMaxBackoff(Duration.ofMillis(400));
    long expectedBytes = stream.length; // corrected once the mock has said what it dropped
    Live live = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    live = startRecording(rec, "c0:ff:ee:00:00:01", options); // by address, case ignored
    while (true) {
      drops.clear();
      long dropped = 0;
      for (String l : bluez.logLines()) {
        if (l.startsWith("drop ")) {
          String[] f = l.split(" ");
          drops.add(new int[] {Integer.parseInt(f[1]), Integer.parseInt(f[2])});
          dropped += Integer.parseInt(f[2]) - Integer.parseInt(f[1]);
        }
      }
      expectedBytes = stream.length - dropped;
      if (drops.size() == 2 && live.bytes.get() >= expectedBytes) break;
      assertTrue(System.nanoTime() < deadline, "timed out: " + live.bytes.get() + " of " + expectedBytes
          + " bytes; mock log:\n" + bluez.logText());
      Thread.sleep(100);
    }
    Thread.sleep(200); // nothing more may come
    live.stop();

    assertEquals(2, live.source.reconnects(), "reconnected after the stall and after the disconnect");
    String log = bluez.logText();
    assertTrue(log.contains("connect refused"), "a failed reconnect attempt was retried: " + log);
    String afterStall = log.substring(log.indexOf("stall "), log.indexOf("outage host disconnected"));
    assertTrue(afterStall.contains("write " + HexFormat.of().formatHex(live.ping)),
        "the keep-alive ping was written during the stall: " + afterStall);
    String startWrite = "write " + HexFormat.of().formatHex(live.start);
    assertEquals(3, log.split(startWrite, -1).length - 1, "START_STREAMING written after each of the 3 connects: " + log);

    // Byte-exact: the recording holds the stream minus exactly what the mock dropped.
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    int from = 0;
    for (int[] d : drops) {
      expected.write(stream, from, d[0] - from);
      from = d[1];
    }
    expected.write(stream, from, stream.length - from);
    assertArrayEquals(expected.toByteArray(), recordedBytes(rec), "no byte lost or duplicated beyond the drops");

    // Frames: every frame the mock did not touch decoded once; the touched ones counted as lost.
    List<Integer> all = frameSeqs(stream);
    int touched = 0;
    int start = 0;
    for (int i = 0, off = 0; i < all.size(); i++) {
      int len = 8 + (stream[off + 2] & 0xFF);
      for (int[] d : drops) if (off < d[1] && off + len > d[0]) touched++;
      off += len;
      start = off;
    }
    assertEquals(stream.length, start);
    assertEquals(2 * (4 + 1), touched, "each outage drops the frame in flight and 4 more");
    assertEquals(streamStats().lostFrames() + touched, live.path.decoderStats().lostFrames(),
        "the decoder counts exactly the dropped frames as lost, beyond the session's own gaps");
    assertEquals(all.size() - touched, live.path.decoderStats().goodFrames(), "every other frame decoded, once");
    assertEquals(2, live.path.linkDrops());

    List<Boolean> states = new ArrayList<>();
    try (RecordingReader r = RecordingReader.open(rec)) {
      for (RecordingEntry e; (e = r.next()) != null; ) if (e instanceof RecordingEntry.Link l) states.add(l.up());
    }
    assertEquals(List.of(true, false, true, false, true), states, "up, lost, up, lost, up are recorded");
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void anHm10StyleModuleNotifiesAndTakesWritesOnOneCharacteristic() throws Exception {
    bluez.start(streamFile, "--interval-ms", "1", "--service", "ffe0", "--need-start");
    Live live = record(dir.resolve("hm10.rcrec"), "RollerCoach-HM10", BleSource.Options.defaults(), stream.length);
    assertTrue(bluez.logText().contains("write " + HexFormat.of().formatHex(live.start)), "START written to FFE1");
    assertArrayEquals(stream, recordedBytes(dir.resolve("hm10.rcrec")), "every byte notified on FFE1 recorded once");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void listsTheSerialDevicesAndNamesAMissingOneInOneLine() throws Exception {
    bluez.start(streamFile);
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
    try (Bluez z = Bluez.connect()) {
      List<BleDevice> found = z.scan(Duration.ofMillis(200));
      assertEquals(List.of("RollerCoach-BLE", "HMSoft"), found.stream().map(BleDevice::name).toList(),
          "the NUS and FFE0 devices, strongest first; the heart-rate strap is not a roller");
      assertEquals(BleService.NUS, found.get(0).service());
      assertEquals(-58, found.get(0).rssi().getAsInt());
      assertEquals(BleService.FFE0, found.get(1).service());
      BleException e = org.junit.jupiter.api.Assertions.assertThrows(BleException.class,
          () -> z.find("Nope", Duration.ofMillis(300)));
      assertEquals(BleException.Reason.NOT_FOUND, e.reason());
      assertTrue(e.getMessage().startsWith("Bluetooth LE: no device 'Nope'") && !e.getMessage().contains("\n"),
          e.getMessage());
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void anAdapterSwitchedOffOrMissingIsNamedInOneLine() throws Exception {
    bluez.start(streamFile, "--adapter", "off");
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
    try (Bluez z = Bluez.connect()) {
      BleException e = org.junit.jupiter.api.Assertions.assertThrows(BleException.class, () -> z.scan(Duration.ZERO));
      assertEquals(BleException.Reason.NO_ADAPTER, e.reason(), e.getMessage());
      assertEquals("Bluetooth LE: the Bluetooth adapter (hci0) is switched off: bluetoothctl power on"
          + " (and rfkill unblock bluetooth if it is blocked)", e.getMessage());
    }
    bluez.close();
    bluez = new MockBluez(dir.resolve("none"));
    Files.createDirectories(dir.resolve("none"));
    bluez.start(streamFile, "--adapter", "none");
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
    try (Bluez z = Bluez.connect()) {
      BleException e = org.junit.jupiter.api.Assertions.assertThrows(BleException.class,
          () -> z.find("RollerCoach-BLE-2", Duration.ofSeconds(1)));
      assertEquals(BleException.Reason.NO_ADAPTER, e.reason(), e.getMessage());
      assertTrue(e.getMessage().startsWith("Bluetooth LE: BlueZ runs but finds no Bluetooth adapter"), e.getMessage());
    }
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aUserBluezRefusesIsToldAboutTheBluetoothGroup() throws Exception {
    bluez.denyingBluez().start(streamFile);
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
    BleException e = org.junit.jupiter.api.Assertions.assertThrows(BleException.class, Bluez::connect);
    assertEquals(BleException.Reason.PERMISSION_DENIED, e.reason(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Bluetooth LE: permission denied asking BlueZ for its devices")
        && e.getMessage().contains("sudo usermod -aG bluetooth $USER") && !e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aBusWithoutBluezOrNoBusAtAllSaysSoInOneLine() throws Exception {
    bluez.startBus(); // D-Bus runs, bluetoothd does not
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
    BleException e = org.junit.jupiter.api.Assertions.assertThrows(BleException.class, Bluez::connect);
    assertEquals(BleException.Reason.NO_BLUEZ, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("BlueZ (bluetoothd) is not running") && !e.getMessage().contains("\n"),
        e.getMessage());

    System.setProperty(Bluez.BUS_PROPERTY, "unix:path=" + dir.resolve("no-such-socket"));
    e = org.junit.jupiter.api.Assertions.assertThrows(BleException.class, Bluez::connect);
    assertEquals(BleException.Reason.NO_BLUEZ, e.reason(), e.getMessage());
    assertTrue(e.getMessage().startsWith("Bluetooth LE: cannot reach D-Bus unix:path=") && !e.getMessage().contains("\n"),
        e.getMessage());
    assertEquals("/run/x", Bluez.socketPath("unix:path=/run/x,guid=12"));
    assertEquals("/b", Bluez.socketPath("unix:abstract=a;unix:path=/b"));
    assertEquals(null, Bluez.socketPath("tcp:host=localhost,port=1"));
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A running BLE recording: source, path and a byte counter. */
  static final class Live {
    final BleSource source;
    final LivePath path;
    final RecordingWriter writer;
    final HostClock clock;
    final AtomicLong bytes = new AtomicLong();
    byte[] ping;
    byte[] start;

    Live(BleSource source, LivePath path, RecordingWriter writer, HostClock clock) {
      this.source = source;
      this.path = path;
      this.writer = writer;
      this.clock = clock;
    }

    void stop() throws Exception {
      source.close();
      path.finish();
      writer.close(clock.seconds(), Map.of());
    }
  }

  private Live startRecording(Path rec, String target, BleSource.Options options) throws Exception {
    System.setProperty(Bluez.BUS_PROPERTY, bluez.address());
    HostClock clock = HostClock.startingNow();
    RecordingWriter writer = RecordingWriter.create(rec, new RecordingHeader(Instant.now(), "ble " + target,
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), SessionMetadata.empty()));
    LivePath path = new LivePath(Decoders.standard(), RecordingHeader.WIRE_FORMAT_AUTO, s -> {}, LiveObserver.NONE)
        .recordTo(writer);
    FrameEncoder host = new FrameEncoder();
    byte[] start = host.encode(Frame.Command.startStreaming());
    byte[] ping = host.encode(Frame.Command.requestHello());
    BleSource.Options o = options.withCommands(List.of(host.encode(Frame.Command.requestHello()), start), ping);
    AtomicLong[] counter = new AtomicLong[1];
    LinkListener counting = new LinkListener() {
      @Override
      public void bytes(byte[] buf, int off, int len, double t) {
        path.bytes(buf, off, len, t);
        counter[0].addAndGet(len);
      }

      @Override
      public void linkUp(double t, String detail) {
        path.linkUp(t, detail);
      }

      @Override
      public void linkDown(double t, String reason) {
        path.linkDown(t, reason);
      }
    };
    BleSource source = new BleSource(target, o, clock, counting);
    Live live = new Live(source, path, writer, clock);
    counter[0] = live.bytes;
    live.ping = ping;
    live.start = start;
    source.start();
    return live;
  }

  private Live record(Path rec, String target, BleSource.Options options, long expectedBytes) throws Exception {
    Live live = startRecording(rec, target, options);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (live.bytes.get() < expectedBytes) {
      assertTrue(System.nanoTime() < deadline, "timed out: " + live.bytes.get() + " of " + expectedBytes
          + " bytes; mock log:\n" + bluez.logText());
      Thread.sleep(50);
    }
    Thread.sleep(200);
    live.stop();
    return live;
  }

  private static byte[] recordedBytes(Path rec) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordingReader r = RecordingReader.open(rec)) {
      for (RecordingEntry e; (e = r.next()) != null; ) if (e instanceof RecordingEntry.Bytes b) out.write(b.data());
    }
    return out.toByteArray();
  }

  private static void writeAsOneChunk(Path file, byte[] bytes) throws Exception {
    RecordingWriter w = RecordingWriter.create(file, new RecordingHeader(Instant.now(), "reference",
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), SessionMetadata.empty()));
    w.bytes(0, bytes, 0, bytes.length);
    w.close(0, Map.of());
  }

  private static List<MotionEvent> analyse(Path file) throws Exception {
    List<MotionEvent> events = new ArrayList<>();
    MotionPipeline p = new MotionPipeline(PipelineConfig.defaults().withRollerDiameterCm(14), events::add);
    try (SessionFile f = SessionFiles.open(file)) {
      f.play(p);
    }
    p.end();
    return events;
  }

  /** The stream decoded in one go: what the session itself holds. */
  private com.rollercoach.core.protocol.DecoderStats streamStats() {
    BinaryStreamDecoder d = new BinaryStreamDecoder(new DecoderListener() {
      @Override
      public void sample(ImuSample sample) {}
    });
    d.feed(stream, 0, stream.length, 0);
    return d.stats();
  }

  /** Sequence numbers of the frames in a clean stream, via the real decoder. */
  private static List<Integer> frameSeqs(byte[] s) {
    List<Integer> seqs = new ArrayList<>();
    int off = 0;
    while (off + 8 <= s.length) {
      seqs.add((s[off + 4] & 0xFF) | (s[off + 5] & 0xFF) << 8);
      off += 8 + (s[off + 2] & 0xFF);
    }
    BinaryStreamDecoder check = new BinaryStreamDecoder(new DecoderListener() {
      @Override
      public void sample(ImuSample sample) {}
    });
    check.feed(s, 0, s.length, 0);
    assertEquals(seqs.size(), check.stats().goodFrames(), "the stream is clean back-to-back frames");
    return seqs;
  }
}
