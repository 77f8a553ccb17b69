package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java side of the shared vectors: the C host test checks the same files. */
class ProtocolVectorsTest {

  static List<ProtocolVectors.Vector> vectors() {
    return ProtocolVectors.all();
  }

  @Test
  void manifestHasTheCorruptCasesTheIssueAsksFor() {
    List<String> names = vectors().stream().map(ProtocolVectors.Vector::name).toList();
    assertTrue(names.size() >= 20, names.toString());
    for (String n : List.of("bad_crc", "truncated", "bad_length", "garbage_prefix", "wrapped_timestamp", "stream_noisy")) {
      assertTrue(names.contains(n), n);
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesToTheExpectedFramesAndCounters(ProtocolVectors.Vector v) {
    for (int chunk : new int[] {1, 3, Math.max(1, v.bytes().length)}) {
      List<Integer> seqs = new ArrayList<>();
      List<Frame> frames = new ArrayList<>();
      FrameDecoder d = new FrameDecoder((s, f) -> {
        seqs.add(s);
        frames.add(f);
      });
      byte[] b = v.bytes();
      for (int off = 0; off < b.length; off += chunk) d.feed(b, off, Math.min(chunk, b.length - off));
      d.finish();
      assertEquals(v.frames(), frames, v.name());
      assertEquals(v.seqs(), seqs, v.name());
      Map<String, Long> e = v.expect();
      assertEquals(e.get("frames"), d.frames(), "frames");
      assertEquals(e.get("crc"), d.crcFailures(), "crc");
      assertEquals(e.get("length_errors"), d.lengthErrors(), "length errors");
      assertEquals(e.get("malformed"), d.malformed(), "malformed");
      assertEquals(e.get("resyncs"), d.resyncs(), "resyncs");
      assertEquals(e.get("skipped"), d.skippedBytes(), "skipped");
      assertEquals(0, d.pendingBytes());
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void streamDecoderCountsLossAndUnwrapsTime(ProtocolVectors.Vector v) {
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    for (byte x : v.bytes()) d.feed(new byte[] {x}, 0, 1, 0);
    d.finish();
    assertEquals(v.expect().get("lost"), d.stats().lostFrames(), "lost");
    assertEquals(v.expect().get("crc"), d.stats().crcFailures(), "crc");
    assertEquals(v.unwrappedUs().size(), l.samples.size());
    TimestampUnwrapper u = new TimestampUnwrapper();
    List<Long> unwrapped = new ArrayList<>();
    for (Frame f : v.frames()) {
      if (f instanceof Frame.Imu imu) {
        u.step(imu.timeUs(), Double.NaN);
        unwrapped.add(u.extendedUs());
      }
    }
    assertEquals(v.unwrappedUs(), unwrapped);
    if (!v.name().equals("device_restart")) { // a restart is re-based to keep time increasing
      for (int i = 0; i < unwrapped.size(); i++) {
        assertEquals(unwrapped.get(i) * 1e-6, l.samples.get(i).tS(), 1e-9);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void cleanVectorsAreExactlyWhatTheEncoderWrites(ProtocolVectors.Vector v) {
    if (!v.encodes()) return;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < v.frames().size(); i++) {
      out.writeBytes(FrameEncoder.encode(v.seqs().get(i), v.frames().get(i)));
    }
    assertArrayEquals(v.bytes(), out.toByteArray(), v.name());
  }
}
