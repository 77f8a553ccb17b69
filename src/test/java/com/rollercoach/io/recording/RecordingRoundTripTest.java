package com.rollercoach.io.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRoundTripTest {
  @TempDir Path dir;

  private static final DeviceInfo DEVICE =
      new DeviceInfo(1, "RC-0042", "1.2.0", "LSM6DSOX", 4.0, 500.0, Double.NaN);

  private static RecordingHeader header() {
    return new RecordingHeader(
        Instant.parse("2026-11-25T12:00:00Z"),
        "serial /dev/ttyACM0 @ 115200",
        "roller-binary/1",
        Optional.empty(),
        SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM, "14.5"));
  }

  @Test
  void everyEntryKindRoundTrips() throws IOException {
    Path f = dir.resolve("a.rcrec");
    byte[] chunk = new byte[300];
    new Random(1).nextBytes(chunk);
    List<ImuSample> samples = List.of(new ImuSample(0.005, 0.01, -0.02, 1.0, 0.5, -1.25, 30.0),
        new ImuSample(0.010, 0.02, -0.03, 0.99, 0.75, -1.5, 31.0));
    try (RecordingWriter w = RecordingWriter.create(f, header())) {
      w.link(0.0, true, "opened /dev/ttyACM0");
      w.bytes(0.0125, chunk, 100, 150);
      w.device(0.02, DEVICE);
      w.samples(0.5, samples);
      w.link(1.0, false, "read failed");
      w.close(2.0, Map.of("frames", "12"));
    }
    try (RecordingReader r = RecordingReader.open(f)) {
      assertEquals(header(), r.header());
      assertEquals(new RecordingEntry.Link(0.0, true, "opened /dev/ttyACM0"), r.next());
      RecordingEntry.Bytes b = assertInstanceOf(RecordingEntry.Bytes.class, r.next());
      assertEquals(0.0125, b.hostTimeS(), 1e-9);
      assertArrayEquals(java.util.Arrays.copyOfRange(chunk, 100, 250), b.data());
      RecordingEntry.Device d = assertInstanceOf(RecordingEntry.Device.class, r.next());
      assertEquals(DEVICE.deviceId(), d.info().deviceId());
      assertTrue(Double.isNaN(d.info().sampleRateHz()), "unknown rate stays unknown");
      assertEquals(500.0, d.info().gyroRangeDps());
      RecordingEntry.Samples s = assertInstanceOf(RecordingEntry.Samples.class, r.next());
      assertEquals(samples.size(), s.samples().size());
      assertEquals(samples.get(1).tS(), s.samples().get(1).tS(), 0.0, "time is kept as a double");
      assertEquals(samples.get(1).gzDps(), s.samples().get(1).gzDps(), 1e-5);
      assertEquals(new RecordingEntry.Link(1.0, false, "read failed"), r.next());
      RecordingEntry.End end = assertInstanceOf(RecordingEntry.End.class, r.next());
      assertEquals("12", end.summary().get("frames"));
      assertNull(r.next());
      assertTrue(r.endedCleanly());
      assertTrue(r.warning().isEmpty());
    }
  }

  @Test
  void neverOverwritesAnExistingFile() throws IOException {
    Path f = dir.resolve("exists.rcrec");
    Files.writeString(f, "precious");
    assertThrows(FileAlreadyExistsException.class, () -> RecordingWriter.create(f, header()));
    assertEquals("precious", Files.readString(f));
  }

  @Test
  void aTornLastRecordIsToleratedAtEveryCutPoint() throws IOException {
    Path f = dir.resolve("full.rcrec");
    List<byte[]> chunks = writeChunks(f, 5);
    byte[] whole = Files.readAllBytes(f);
    long endOfLastChunk = whole.length - endRecordLength(f);
    int headerEnd = offsetAfterHeader(f);
    for (long cut = headerEnd; cut < endOfLastChunk; cut++) {
      Path t = dir.resolve("cut" + cut + ".rcrec");
      Files.write(t, java.util.Arrays.copyOf(whole, (int) cut));
      try (RecordingReader r = RecordingReader.open(t)) {
        List<byte[]> got = readBytes(r);
        // Every complete record before the cut is there, in order, and nothing else.
        for (int i = 0; i < got.size(); i++) assertArrayEquals(chunks.get(i), got.get(i));
        assertFalse(r.endedCleanly());
        boolean onBoundary = got.size() < chunks.size() && isRecordBoundary(f, cut);
        assertEquals(!onBoundary, r.warning().isPresent(), "cut at " + cut);
      }
    }
  }

  @Test
  void aFlippedBitInTheLastRecordIsATornTailInTheMiddleItCostsOneRecord() throws IOException {
    Path f = dir.resolve("bits.rcrec");
    List<byte[]> chunks = writeChunks(f, 3);
    byte[] whole = Files.readAllBytes(f);

    byte[] lastBroken = whole.clone();
    lastBroken[whole.length - 6] ^= 0x10; // inside the END record
    Path a = dir.resolve("last.rcrec");
    Files.write(a, lastBroken);
    try (RecordingReader r = RecordingReader.open(a)) {
      assertEquals(3, readBytes(r).size());
      assertTrue(r.warning().orElseThrow().contains("bad CRC"));
    }

    // Issue 13 defect 6: one flipped bit refused the whole file; now only that record is lost.
    byte[] middleBroken = whole.clone();
    middleBroken[offsetAfterHeader(f) + 20] ^= 0x01; // inside the first BYTES record
    Path b = dir.resolve("middle.rcrec");
    Files.write(b, middleBroken);
    try (RecordingReader r = RecordingReader.open(b)) {
      List<byte[]> got = readBytes(r);
      assertEquals(2, got.size());
      assertArrayEquals(chunks.get(1), got.get(0));
      assertArrayEquals(chunks.get(2), got.get(1));
      assertTrue(r.endedCleanly(), "the END record after the damage is read");
      String w = r.warning().orElseThrow();
      assertTrue(w.contains("offset " + offsetAfterHeader(f)) && w.contains("CRC"), w);
      assertEquals(1, r.damagedRecords());
      assertTrue(r.lostBytes() > 0);
    }
  }

  /** Defect 6: 100 random bytes written over the middle; everything intact before and after is read. */
  @Test
  void overwrittenBytesCostOnlyTheRecordsTheyHit() throws IOException {
    Path f = dir.resolve("many.rcrec");
    List<byte[]> chunks = writeChunks(f, 20);
    byte[] damaged = Files.readAllBytes(f);
    int at = damaged.length / 2;
    byte[] noise = new byte[100];
    new java.util.Random(6).nextBytes(noise);
    System.arraycopy(noise, 0, damaged, at, noise.length);
    Files.write(f, damaged);
    try (RecordingReader r = RecordingReader.open(f)) {
      List<byte[]> got = readBytes(r);
      assertTrue(got.size() >= 16 && got.size() < 20, "got " + got.size());
      // what is delivered is exactly the originals, in order, with a hole where the noise is
      int j = 0;
      for (byte[] g : got) {
        while (!java.util.Arrays.equals(chunks.get(j), g)) j++;
        j++;
      }
      assertTrue(r.endedCleanly());
      assertTrue(r.lostBytes() >= 100, "lost " + r.lostBytes());
    }
  }

  /** Defect 6: text appended to a complete file made every command refuse it. */
  @Test
  void textAppendedToACompleteFileIsDroppedWithAWarning() throws IOException {
    Path f = dir.resolve("appended.rcrec");
    List<byte[]> chunks = writeChunks(f, 4);
    Files.writeString(f, "hello, this line was appended by an editor\n", java.nio.file.StandardOpenOption.APPEND);
    try (RecordingReader r = RecordingReader.open(f)) {
      List<byte[]> got = readBytes(r);
      assertEquals(chunks.size(), got.size());
      assertTrue(r.endedCleanly());
      String w = r.warning().orElseThrow();
      assertTrue(w.contains("hold no intact record"), w);
      assertEquals(43, r.lostBytes());
    }
  }

  /**
   * 8 MB of noise after the header: the resync once copied pushed-back bytes on every step, which made
   * 50 MB of noise take over 13 minutes (quadratic); it is linear now.
   */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void noiseAfterTheHeaderIsScannedInLinearTime() throws IOException {
    Path f = dir.resolve("noise.rcrec");
    writeChunks(f, 1);
    byte[] noise = new byte[8 << 20];
    new java.util.Random(50).nextBytes(noise);
    Files.write(f, noise, java.nio.file.StandardOpenOption.APPEND);
    try (RecordingReader r = RecordingReader.open(f)) {
      readBytes(r);
      assertTrue(r.lostBytes() >= noise.length - (1 << 20), "lost " + r.lostBytes());
      assertTrue(r.warning().isPresent());
    }
  }

  /** A flipped bit in a length field (a huge length swallowing the rest) still resyncs. */
  @Test
  void aDamagedLengthFieldResyncs() throws IOException {
    Path f = dir.resolve("length.rcrec");
    List<byte[]> chunks = writeChunks(f, 5);
    byte[] damaged = Files.readAllBytes(f);
    damaged[offsetAfterHeader(f) + 2] ^= 0x08; // first BYTES record's length += 512 KiB
    Files.write(f, damaged);
    try (RecordingReader r = RecordingReader.open(f)) {
      List<byte[]> got = readBytes(r);
      assertEquals(chunks.size() - 1, got.size());
      assertArrayEquals(chunks.get(chunks.size() - 1), got.get(got.size() - 1));
      assertTrue(r.endedCleanly());
    }
  }

  @Test
  void aZeroFilledTailFromAPowerCutIsTolerated() throws IOException {
    Path f = dir.resolve("zeros.rcrec");
    writeChunks(f, 2);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(raf.length() + 4096);
    }
    try (RecordingReader r = RecordingReader.open(f)) {
      assertEquals(2, readBytes(r).size());
      assertTrue(r.warning().orElseThrow().contains("zero-filled"));
    }
  }

  @Test
  void notARecordingSaysSo() throws IOException {
    Path f = dir.resolve("session.csv");
    Files.writeString(f, "t_s,ax_g\n0,1\n");
    RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.open(f));
    assertTrue(e.getMessage().startsWith(f + ": offset 0: not a Roller Coach recording"), e.getMessage());
    assertFalse(RecordingFormat.isRecording(f));
  }

  @Test
  void largeReadsAreSplitIntoRecordsThatReassemble() throws IOException {
    Path f = dir.resolve("big.rcrec");
    byte[] big = new byte[RecordingFormat.MAX_PAYLOAD_BYTES * 2 + 17];
    new Random(3).nextBytes(big);
    try (RecordingWriter w = RecordingWriter.create(f, header())) {
      w.bytes(1.0, big, 0, big.length);
    }
    try (RecordingReader r = RecordingReader.open(f)) {
      List<byte[]> parts = readBytes(r);
      assertEquals(3, parts.size());
      java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
      parts.forEach(joined::writeBytes);
      assertArrayEquals(big, joined.toByteArray());
    }
  }

  @Test
  void theFlusherPutsDataOnDiskWithoutClose() throws Exception {
    Path f = dir.resolve("flush.rcrec");
    RecordingWriter w = RecordingWriter.create(f, header(), java.time.Duration.ofMillis(50));
    try {
      w.bytes(0.1, new byte[] {1, 2, 3}, 0, 3);
      long deadline = System.nanoTime() + 5_000_000_000L;
      List<byte[]> got = List.of();
      while (got.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
        try (RecordingReader r = RecordingReader.open(f)) {
          got = readBytes(r);
        }
      }
      assertEquals(1, got.size(), "the timer flushed the record without any further call");
      assertArrayEquals(new byte[] {1, 2, 3}, got.get(0));
    } finally {
      w.close();
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private List<byte[]> writeChunks(Path f, int n) throws IOException {
    List<byte[]> chunks = new ArrayList<>();
    Random rnd = new Random(n);
    try (RecordingWriter w = RecordingWriter.create(f, header())) {
      for (int i = 0; i < n; i++) {
        byte[] c = new byte[10 + rnd.nextInt(40)];
        rnd.nextBytes(c);
        chunks.add(c);
        w.bytes(i * 0.01, c, 0, c.length);
      }
    }
    return chunks;
  }

  private static List<byte[]> readBytes(RecordingReader r) throws IOException {
    List<byte[]> out = new ArrayList<>();
    for (RecordingEntry e; (e = r.next()) != null; ) {
      if (e instanceof RecordingEntry.Bytes b) out.add(b.data());
    }
    return out;
  }

  private static int offsetAfterHeader(Path f) throws IOException {
    byte[] b = Files.readAllBytes(f);
    int len = java.nio.ByteBuffer.wrap(b, 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    return 12 + 5 + len + 4;
  }

  private static boolean isRecordBoundary(Path f, long at) throws IOException {
    byte[] b = Files.readAllBytes(f);
    int pos = offsetAfterHeader(f);
    while (pos < at) {
      pos += 9 + java.nio.ByteBuffer.wrap(b, pos, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }
    return pos == at;
  }

  private static long endRecordLength(Path f) throws IOException {
    byte[] b = Files.readAllBytes(f);
    int pos = offsetAfterHeader(f);
    int last = pos;
    while (pos < b.length) {
      last = pos;
      pos += 9 + java.nio.ByteBuffer.wrap(b, pos, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }
    return b.length - last;
  }
}
