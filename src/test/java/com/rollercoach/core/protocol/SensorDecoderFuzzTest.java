package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rollercoach.core.protocol.text.AsciiLineDecoder;
import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.core.protocol.ximu3.XImu3Decoder;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer fuzz tests of the text-line and x-IMU3 decoders (regression mode under plain {@code mvn
 * verify}; to fuzz: {@code JAZZER_FUZZ=1 mvn -o test -Dtest=SensorDecoderFuzzTest -Dgroups=fuzz
 * -DexcludedGroups=none}). Any bytes in any chunks: never throws, chunking does not change what
 * comes out, sample times strictly increase.
 */
@Tag("fuzz")
class SensorDecoderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void asciiLineDecoderSurvivesAnyInput(FuzzedDataProvider data) {
    int chunk = data.consumeInt(1, 300);
    byte[] bytes = data.consumeRemainingAsBytes();
    check(bytes, chunk, l -> new AsciiLineDecoder(LineLayout.auto(), l));
  }

  @FuzzTest(maxDuration = "60s")
  void xImu3DecoderSurvivesAnyInput(FuzzedDataProvider data) {
    int chunk = data.consumeInt(1, 300);
    byte[] bytes = data.consumeRemainingAsBytes();
    check(bytes, chunk, XImu3Decoder::new);
  }

  private static void check(byte[] bytes, int chunk, Function<DecoderListener, StreamDecoder> make) {
    RecordingListener whole = new RecordingListener();
    StreamDecoder a = make.apply(whole);
    a.feed(bytes, 0, bytes.length, 0);
    a.finish();
    RecordingListener pieces = new RecordingListener();
    StreamDecoder b = make.apply(pieces);
    for (int off = 0; off < bytes.length; off += chunk) {
      b.feed(bytes, off, Math.min(chunk, bytes.length - off), 0);
    }
    b.finish();
    assertEquals(whole.samples, pieces.samples);
    assertEquals(a.stats(), b.stats());
    assertEquals(bytes.length, a.stats().bytes());
    double last = Double.NEGATIVE_INFINITY;
    for (var s : whole.samples) {
      assertTrue(s.tS() > last, "time must strictly increase");
      last = s.tS();
    }
  }
}
