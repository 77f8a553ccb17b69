package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.protocol.text.AsciiLineDecoder;
import com.rollercoach.core.protocol.ximu3.XImu3Decoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The sensors people own reach the right decoder through the same auto-detecting serial path. */
class SensorAutoDetectionTest {
  private static RecordingListener run(AutoDetectingDecoder[] out, byte[] bytes, int chunk) {
    RecordingListener l = new RecordingListener();
    AutoDetectingDecoder d = AutoDetectingDecoder.withBuiltInFormats(l);
    for (int i = 0; i < bytes.length; i += chunk) {
      d.feed(bytes, i, Math.min(chunk, bytes.length - i), i * 1e-5);
    }
    d.finish();
    out[0] = d;
    return l;
  }

  @Test
  void xImu3AsciiStartingMidLine() {
    StringBuilder s = new StringBuilder("0000,0.0000,1.0000\n"); // port opened mid-message
    for (int i = 0; i < 50; i++) {
      s.append(String.format(Locale.ROOT, "I,%d,1.0000,2.0000,3.0000,0.0000,0.0000,1.0000\r\n", 1_000_000 + i * 2500));
      if (i % 10 == 0) s.append("T,").append(1_000_000 + i * 2500).append(",25.0000\r\n");
    }
    AutoDetectingDecoder[] d = new AutoDetectingDecoder[1];
    RecordingListener l = run(d, s.toString().getBytes(StandardCharsets.US_ASCII), 13);
    assertEquals(XImu3Decoder.FORMAT_NAME, d[0].formatName());
    assertEquals(50, l.samples.size());
    assertEquals(2.0, l.samples.get(0).gyDps(), 1e-6);
  }

  @Test
  void xImu3BinaryIsFoundAfterTheSniffLimit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 400; i++) {
      ByteBuffer b = ByteBuffer.allocate(33).order(ByteOrder.LITTLE_ENDIAN);
      b.put((byte) 0xC9).putLong(1_000_000L + i * 2500L);
      b.putFloat(10f).putFloat(0f).putFloat(-5f).putFloat(0f).putFloat(0.5f).putFloat(0.866f);
      for (byte x : b.array()) {
        if (x == 0x0A) {
          out.write(0xDB);
          out.write(0xDC);
        } else if (x == (byte) 0xDB) {
          out.write(0xDB);
          out.write(0xDD);
        } else {
          out.write(x);
        }
      }
      out.write(0x0A);
    }
    AutoDetectingDecoder[] d = new AutoDetectingDecoder[1];
    RecordingListener l = run(d, out.toByteArray(), 64);
    assertEquals(XImu3Decoder.FORMAT_NAME, d[0].formatName());
    assertEquals(400, l.samples.size());
    assertEquals(0.866, l.samples.get(399).azG(), 1e-6);
  }

  @Test
  void serialPlotterLabelsGoToTheTextLineDecoder() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      s.append(String.format(Locale.ROOT, "ms:%d ax:0.01 ay:0.02 az:0.99 gx:1.5 gy:-0.5 gz:0.25\n", i * 10));
    }
    AutoDetectingDecoder[] d = new AutoDetectingDecoder[1];
    RecordingListener l = run(d, s.toString().getBytes(StandardCharsets.US_ASCII), 7);
    assertEquals(AsciiLineDecoder.FORMAT_NAME, d[0].formatName());
    assertEquals(60, l.samples.size());
    assertEquals(0.59, l.samples.get(59).tS(), 1e-9);
  }

  @Test
  void shortTextStreamIsSettledAtTheEnd() {
    String s = "0,0.0,0.0,1.0,0.0,0.0,0.0\n10,0.0,0.0,1.0,0.0,0.0,0.0\n20,0.0,0.0,1.0,0.0,0.0,0.0\n"
        + "30,0.0,0.0,1.0,0.0,0.0,0.0\n40,0.0,0.0,1.0,0.0,0.0,0.0"; // last line without newline
    AutoDetectingDecoder[] d = new AutoDetectingDecoder[1];
    RecordingListener l = run(d, s.getBytes(StandardCharsets.US_ASCII), 100);
    assertEquals(AsciiLineDecoder.FORMAT_NAME, d[0].formatName());
    assertEquals(5, l.samples.size());
    assertEquals(0.04, l.last().tS(), 1e-9);
  }
}
