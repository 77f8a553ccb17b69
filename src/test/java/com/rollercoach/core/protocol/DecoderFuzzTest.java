package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer fuzz tests of the stream decoders. Under plain {@code mvn verify} they run in regression
 * mode (the seeds in {@code src/test/resources/.../DecoderFuzzTestInputs/<method>} plus any crash
 * files) in the separate "fuzz-regression" surefire execution. To fuzz for real:
 *
 * <pre>JAZZER_FUZZ=1 mvn -o test -Dtest=DecoderFuzzTest -Dgroups=fuzz -DexcludedGroups=none</pre>
 *
 * (each method runs for its {@code maxDuration}; a crash is saved as a new input file, which makes the
 * regression run fail until the bug is fixed.)
 */
@Tag("fuzz")
class DecoderFuzzTest {

  /** Arbitrary bytes in arbitrary chunks: never throws, counters add up, chunking does not matter. */
  @FuzzTest(maxDuration = "60s")
  void binaryDecoderSurvivesAnyInput(FuzzedDataProvider data) {
    int chunk = data.consumeInt(1, 300);
    byte[] bytes = data.consumeRemainingAsBytes();

    RecordingListener whole = new RecordingListener();
    BinaryStreamDecoder a = new BinaryStreamDecoder(whole);
    a.feed(bytes, 0, bytes.length, 0);
    a.finish();

    RecordingListener pieces = new RecordingListener();
    BinaryStreamDecoder b = new BinaryStreamDecoder(pieces);
    for (int off = 0; off < bytes.length; off += chunk) {
      b.feed(bytes, off, Math.min(chunk, bytes.length - off), off * 1e-5);
    }
    b.finish();

    DecoderStats s = a.stats();
    assertEquals(s.goodFrames(), b.stats().goodFrames());
    assertEquals(s.crcFailures(), b.stats().crcFailures());
    assertEquals(s.resyncs(), b.stats().resyncs());
    assertEquals(s.lostFrames(), b.stats().lostFrames());
    assertEquals(whole.samples.size(), pieces.samples.size());
    assertEquals(bytes.length, s.bytes());
    FrameDecoder f = a.framing();
    // Every byte was either part of a good or malformed frame or skipped; good frames are ≥ 8 bytes.
    assertTrue(f.skippedBytes() + 8 * (f.frames() + f.malformed()) <= bytes.length);
    assertTrue(f.resyncs() <= f.skippedBytes());
    assertEquals(0, f.pendingBytes());
    double last = Double.NEGATIVE_INFINITY;
    for (var sample : pieces.samples) {
      assertTrue(sample.tS() > last, "time must strictly increase");
      last = sample.tS();
    }
  }

  /** Valid frames interleaved with fuzzer-chosen noise: every intact frame is still found. */
  @FuzzTest(maxDuration = "60s")
  void intactFramesSurviveNoise(FuzzedDataProvider data) {
    FrameEncoder enc = new FrameEncoder();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    List<Frame.Imu> sent = new ArrayList<>();
    int n = data.consumeInt(1, 20);
    for (int i = 0; i < n; i++) {
      byte[] noise = data.consumeBytes(data.consumeInt(0, 40));
      out.writeBytes(noise);
      Frame.Imu imu =
          new Frame.Imu(i * 5000L, data.consumeShort(), data.consumeShort(), data.consumeShort(),
              data.consumeShort(), data.consumeShort(), data.consumeShort());
      sent.add(imu);
      out.writeBytes(enc.encode(imu));
    }
    List<Frame> got = new ArrayList<>();
    FrameDecoder d = new FrameDecoder((s, f) -> got.add(f));
    byte[] b = out.toByteArray();
    d.feed(b, 0, b.length);
    d.finish();
    // Every sent frame is found, in order, unless the noise itself held a CRC-valid frame that
    // overlapped it (Jazzer solves CRC comparisons, so it finds such forgeries; random noise passes a
    // CRC-16 with probability 2^-16). Its committed finding, crash-c75c9b…, is exactly that case.
    int k = 0;
    int forged = 0;
    for (Frame f : got) {
      if (k < sent.size() && f.equals(sent.get(k))) {
        k++;
      } else if (!sent.contains(f)) {
        forged++;
      }
    }
    assertTrue(k == sent.size() || forged > 0, "an intact frame was lost without a forged frame");
  }

  /** Auto-detection on anything: never throws, and the chosen decoder saw every byte. */
  @FuzzTest(maxDuration = "30s")
  void autoDetectionSurvivesAnyInput(FuzzedDataProvider data) {
    int chunk = data.consumeInt(1, 64);
    byte[] bytes = data.consumeRemainingAsBytes();
    AutoDetectingDecoder d = AutoDetectingDecoder.withBuiltInFormats(new RecordingListener());
    for (int off = 0; off < bytes.length; off += chunk) {
      d.feed(bytes, off, Math.min(chunk, bytes.length - off), off * 1e-4);
    }
    d.finish();
    assertEquals(bytes.length, d.stats().bytes());
  }
}
