package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rollercoach.core.protocol.text.AsciiLineDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoDetectingDecoderTest {

  private static void feedInChunks(StreamDecoder d, byte[] b, int chunk) {
    for (int off = 0; off < b.length; off += chunk) {
      d.feed(b, off, Math.min(chunk, b.length - off), off * 1e-4);
    }
  }

  @Test
  void binaryAfterABootBannerIsDetectedAndNothingIsLost() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes("ESP-ROM:esp32s3-20210327\r\nboot: roller coach fw 1.0\r\n".getBytes(StandardCharsets.US_ASCII));
    FrameEncoder enc = new FrameEncoder();
    s.writeBytes(enc.encode(FrameCodecTest.HELLO));
    for (int i = 0; i < 20; i++) s.writeBytes(enc.encode(new Frame.Imu(i * 4808L, 8192, 0, 0, 0, 0, 0)));
    for (int chunk : new int[] {1, 5, 4096}) {
      RecordingListener l = new RecordingListener();
      AutoDetectingDecoder d = AutoDetectingDecoder.withBuiltInFormats(l);
      feedInChunks(d, s.toByteArray(), chunk);
      assertEquals(BinaryStreamDecoder.FORMAT_NAME, d.formatName());
      assertEquals(20, l.samples.size());
      assertEquals(1.0, l.samples.get(0).axG(), 1e-12); // ±4 g from HELLO
      assertEquals(21, d.stats().goodFrames());
      assertEquals(s.size(), d.stats().bytes());
    }
  }

  @Test
  void arduinoCsvLinesWithMillisAreDetected() {
    String text =
        "3.71,0.01\r\n" // fragment of a line: the port was opened mid-line
            + "# Arduino_LSM6DS3 SimpleAccelerometer\r\n"
            + "1000,0.01,-0.02,0.99,1.5,-0.25,0.00\r\n"
            + "1010,0.02,-0.02,1.01,1.0,-0.50,0.10\r\n"
            + "1020,0.03,-0.01,1.00,0.5,-0.75,0.20\r\n";
    for (int chunk : new int[] {1, 9, 1000}) {
      RecordingListener l = new RecordingListener();
      AutoDetectingDecoder d = AutoDetectingDecoder.withBuiltInFormats(l);
      feedInChunks(d, text.getBytes(StandardCharsets.US_ASCII), chunk);
      // The text-line decoder (sensors) outranks the minimal CSV format for plain numbers; it
      // settles units from a window of lines, which end of input closes early.
      d.finish();
      assertEquals(AsciiLineDecoder.FORMAT_NAME, d.formatName());
      assertEquals(3, l.samples.size());
      assertEquals(1.02, l.samples.get(2).tS(), 1e-12);
      assertEquals(-0.75, l.samples.get(2).gyDps(), 1e-12);
      assertEquals(1, d.stats().resyncs()); // the fragment, skipped to the next newline
    }
  }

  @Test
  void plugInTextFormatsWinWhenTheyMatchBetter() {
    TextFormat plotter =
        new TextFormat() {
          @Override
          public String name() {
            return "serial-plotter";
          }

          @Override
          public double match(List<String> lines) {
            return lines.stream().allMatch(x -> x.contains(":")) ? 0.9 : 0;
          }

          @Override
          public StreamDecoder newDecoder(DecoderListener listener) {
            return new StreamDecoder() {
              @Override
              public void feed(byte[] buf, int off, int len, double hostTimeS) {}

              @Override
              public DecoderStats stats() {
                return DecoderStats.zero();
              }

              @Override
              public String formatName() {
                return "serial-plotter";
              }
            };
          }
        };
    AutoDetectingDecoder d =
        new AutoDetectingDecoder(new RecordingListener(), List.of(new CsvLineFormat(), plotter));
    byte[] b = "ax:0.1 ay:0.2\nax:0.1 ay:0.2\nax:0.1 ay:0.2\n".getBytes(StandardCharsets.US_ASCII);
    d.feed(b, 0, b.length, 0);
    assertEquals("serial-plotter", d.formatName());
  }

  @Test
  void undecidedShortInputIsDecidedAtFinish() {
    RecordingListener l = new RecordingListener();
    AutoDetectingDecoder d = AutoDetectingDecoder.withBuiltInFormats(l);
    byte[] one = FrameEncoder.encode(0, new Frame.Imu(0, 1, 2, 3, 4, 5, 6));
    d.feed(one, 0, one.length, 0);
    assertEquals("auto", d.formatName());
    d.finish();
    assertEquals(BinaryStreamDecoder.FORMAT_NAME, d.formatName());
    assertEquals(1, l.samples.size());
  }
}
