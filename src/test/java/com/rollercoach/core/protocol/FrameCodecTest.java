package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
  static final Frame.Hello HELLO =
      new Frame.Hello(1, Frame.Hello.FLAG_STREAMING, 4f, 500f, 208f, "RC-0001", "1.0.0", "LSM6DS3");

  @Test
  void crcMatchesTheCatalogueCheckValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x6F91, Crc16.of(check, 0, check.length));
  }

  @Test
  void everyFrameTypeRoundTrips() {
    List<Frame> frames =
        List.of(
            HELLO,
            new Frame.Imu(0xFFFF_FFFFL, -32768, 32767, 0, -1, 1, 12345),
            new Frame.Status(Frame.Status.ERR_OVERRUN, 87, 3912, -1234, 70000),
            new Frame.Status(0, Frame.Status.UNKNOWN_PERCENT, 0, Frame.Status.UNKNOWN_TEMPERATURE, 0),
            Frame.Command.setRate(400),
            new Frame.Ack(Frame.Command.SET_RATE, 65535, Frame.Ack.OK, 416),
            new Frame.Unknown(0x7F, new byte[] {1, 2, 3}));
    int seq = 65530;
    for (Frame f : frames) {
      List<Frame> decoded = new ArrayList<>();
      List<Integer> seqs = new ArrayList<>();
      FrameDecoder d = new FrameDecoder((s, fr) -> {
        seqs.add(s);
        decoded.add(fr);
      });
      byte[] bytes = FrameEncoder.encode(seq, f);
      d.feed(bytes, 0, bytes.length);
      assertEquals(List.of(f), decoded, f.toString());
      assertEquals(List.of(seq), seqs);
      seq = (seq + 1) & 0xFFFF;
    }
  }

  @Test
  void imuFrameBytesAreLittleEndianAsDocumented() {
    byte[] b = FrameEncoder.encode(0x0102, new Frame.Imu(0x0A0B0C0DL, 1, -2, 16384, 0, 0, -32768));
    assertArrayEquals(
        new byte[] {
          (byte) 0xA5, 0x5A, 16, 0x02, 0x02, 0x01, // header
          0x0D, 0x0C, 0x0B, 0x0A, // time
          0x01, 0x00, (byte) 0xFE, (byte) 0xFF, 0x00, 0x40, 0, 0, 0, 0, 0x00, (byte) 0x80,
          b[22], b[23]
        },
        b);
    assertEquals(Crc16.of(b, 2, 20), (b[22] & 0xFF) | (b[23] & 0xFF) << 8);
  }

  @Test
  void encoderNumbersFramesAndWraps() {
    FrameEncoder enc = new FrameEncoder(65535);
    byte[] a = enc.encode(Frame.Command.requestHello());
    byte[] b = enc.encode(Frame.Command.requestHello());
    assertEquals(0xFFFF, FrameDecoder.u16(a, 4));
    assertEquals(0, FrameDecoder.u16(b, 4));
  }

  @Test
  void recordsRejectValuesTheWireCannotCarry() {
    assertThrows(IllegalArgumentException.class, () -> new Frame.Imu(1L << 32, 0, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Frame.Imu(0, 32768, 0, 0, 0, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Frame.Hello(1, 0, 0f, 500f, 100f, "id", "fw", "m"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Frame.Hello(1, 0, 4f, 500f, 100f, "seventeen chars!!", "fw", "m"));
    assertThrows(IllegalArgumentException.class, () -> new Frame.Unknown(WireFormat.TYPE_IMU, new byte[0]));
  }

  @Test
  void longerPayloadsOfKnownTypesAreReadForForwardCompatibility() {
    Frame.Imu imu = new Frame.Imu(5, 1, 2, 3, 4, 5, 6);
    byte[] v1 = FrameEncoder.encode(9, imu);
    // A future version appends 4 bytes: rebuild the frame with len 20.
    byte[] v2 = new byte[v1.length + 4];
    System.arraycopy(v1, 0, v2, 0, 6 + 16);
    v2[2] = 20;
    v2[22] = 0x11;
    int crc = Crc16.of(v2, 2, 4 + 20);
    v2[26] = (byte) crc;
    v2[27] = (byte) (crc >>> 8);
    List<Frame> got = new ArrayList<>();
    new FrameDecoder((s, f) -> got.add(f)).feed(v2, 0, v2.length);
    assertEquals(List.of(imu), got);
  }

  @Test
  void crcValidFrameWithImpossibleFieldsIsCountedMalformed() {
    byte[] b = FrameEncoder.encode(0, HELLO);
    b[6 + 2] = 0; // accel range float 4.0f = 0x40800000: zero it
    b[6 + 3] = 0;
    b[6 + 4] = 0;
    b[6 + 5] = 0;
    int crc = Crc16.of(b, 2, 4 + WireFormat.HELLO_LEN);
    b[b.length - 2] = (byte) crc;
    b[b.length - 1] = (byte) (crc >>> 8);
    List<Frame> got = new ArrayList<>();
    FrameDecoder d = new FrameDecoder((s, f) -> got.add(f));
    d.feed(b, 0, b.length);
    assertEquals(List.of(), got);
    assertEquals(1, d.malformed());
  }
}
