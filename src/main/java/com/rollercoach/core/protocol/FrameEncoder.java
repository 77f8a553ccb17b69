package com.rollercoach.core.protocol;

import static com.rollercoach.core.protocol.WireFormat.CRC_SIZE;
import static com.rollercoach.core.protocol.WireFormat.HEADER_SIZE;

import java.nio.charset.StandardCharsets;

/**
 * Writes frames in the wire format. The static methods are pure; an instance numbers the frames it
 * encodes like a device (or host) does: 0, 1, 2, … wrapping at 65536, one counter per sender.
 */
public final class FrameEncoder {
  private int nextSeq;

  /** A sender whose first frame gets sequence number 0. */
  public FrameEncoder() {
    this(0);
  }

  public FrameEncoder(int firstSeq) {
    this.nextSeq = firstSeq & 0xFFFF;
  }

  /** Encodes {@code frame} with this sender's next sequence number. */
  public byte[] encode(Frame frame) {
    byte[] out = encode(nextSeq, frame);
    nextSeq = (nextSeq + 1) & 0xFFFF;
    return out;
  }

  /** The sequence number the next {@link #encode(Frame)} will use. */
  public int nextSeq() {
    return nextSeq;
  }

  /** The complete frame bytes: header, payload, CRC. */
  public static byte[] encode(int seq, Frame frame) {
    byte[] out = new byte[encodedSize(frame)];
    encodeInto(seq, frame, out, 0);
    return out;
  }

  /** Frame length in bytes on the wire. */
  public static int encodedSize(Frame frame) {
    return HEADER_SIZE + payloadSize(frame) + CRC_SIZE;
  }

  /**
   * Writes the frame at {@code dst[off]} without allocating.
   *
   * @return the number of bytes written
   * @throws IndexOutOfBoundsException if {@code dst} has less room than {@link #encodedSize}
   */
  public static int encodeInto(int seq, Frame frame, byte[] dst, int off) {
    int len = payloadSize(frame);
    int total = HEADER_SIZE + len + CRC_SIZE;
    if (off < 0 || off + total > dst.length) {
      throw new IndexOutOfBoundsException("need " + total + " bytes at " + off);
    }
    dst[off] = (byte) WireFormat.SYNC0;
    dst[off + 1] = (byte) WireFormat.SYNC1;
    dst[off + 2] = (byte) len;
    dst[off + 3] = (byte) frame.type();
    putU16(dst, off + 4, seq);
    writePayload(frame, dst, off + HEADER_SIZE);
    int crc = Crc16.of(dst, off + 2, HEADER_SIZE - 2 + len);
    putU16(dst, off + HEADER_SIZE + len, crc);
    return total;
  }

  private static int payloadSize(Frame frame) {
    if (frame instanceof Frame.Unknown u) {
      return u.payload().length;
    }
    return WireFormat.minPayload(frame.type());
  }

  private static void writePayload(Frame frame, byte[] b, int p) {
    if (frame instanceof Frame.Imu f) {
      putU32(b, p, f.timeUs());
      putU16(b, p + 4, f.ax());
      putU16(b, p + 6, f.ay());
      putU16(b, p + 8, f.az());
      putU16(b, p + 10, f.gx());
      putU16(b, p + 12, f.gy());
      putU16(b, p + 14, f.gz());
    } else if (frame instanceof Frame.Hello f) {
      b[p] = (byte) f.protocolVersion();
      b[p + 1] = (byte) f.flags();
      putU32(b, p + 2, Float.floatToIntBits(f.accelRangeG()));
      putU32(b, p + 6, Float.floatToIntBits(f.gyroRangeDps()));
      putU32(b, p + 10, Float.floatToIntBits(f.sampleRateHz()));
      putString(b, p + 14, f.deviceId());
      putString(b, p + 30, f.firmwareVersion());
      putString(b, p + 46, f.sensorModel());
    } else if (frame instanceof Frame.Status f) {
      putU16(b, p, f.errorFlags());
      b[p + 2] = (byte) f.batteryPercent();
      putU16(b, p + 3, f.batteryMillivolts());
      putU16(b, p + 5, f.temperatureCentiC());
      putU32(b, p + 7, f.droppedSamples());
    } else if (frame instanceof Frame.Command f) {
      b[p] = (byte) f.code();
      putU32(b, p + 1, f.argument());
    } else if (frame instanceof Frame.Ack f) {
      b[p] = (byte) f.commandCode();
      putU16(b, p + 1, f.commandSeq());
      b[p + 3] = (byte) f.result();
      putU32(b, p + 4, f.value());
    } else if (frame instanceof Frame.Unknown f) {
      byte[] payload = f.payload();
      System.arraycopy(payload, 0, b, p, payload.length);
    } else {
      throw new AssertionError("unhandled frame " + frame);
    }
  }

  private static void putString(byte[] b, int p, String s) {
    byte[] ascii = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ascii, 0, b, p, ascii.length);
    for (int i = ascii.length; i < WireFormat.HELLO_STRING_LEN; i++) {
      b[p + i] = 0;
    }
  }

  static void putU16(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
  }

  static void putU32(byte[] b, int p, long v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }
}
