package com.rollercoach.core.protocol;

import static com.rollercoach.core.protocol.WireFormat.CRC_SIZE;
import static com.rollercoach.core.protocol.WireFormat.HEADER_SIZE;
import static com.rollercoach.core.protocol.WireFormat.SYNC0;
import static com.rollercoach.core.protocol.WireFormat.SYNC1;

import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into CRC-checked frames: the framing layer only (no units, no clocks). Used
 * by the host decoder for device → host traffic and by the emulator for host → device commands.
 *
 * <p>Resynchronisation: every candidate frame starts at a sync pair {@code A5 5A}. When a candidate
 * fails (length too short for its type, or CRC mismatch), only its first byte is discarded and the
 * search restarts at the next byte, so a frame that began inside a damaged frame's span, or inside
 * garbage that looked like a header, is still found. Bytes are kept until a decision needs no more
 * input, which makes the result independent of how the stream is split into {@link #feed} calls.
 */
public final class FrameDecoder {

  /** Receives each good frame. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param seq the frame's sequence number (uint16)
     */
    void frame(int seq, Frame frame);
  }

  /** Room for a full frame plus a generous input slice; leftovers after parsing are < one frame. */
  private static final int BUFFER_SIZE = 16 * 1024;

  private final Listener listener;
  private final byte[] acc = new byte[BUFFER_SIZE];
  private int start;
  private int end;
  private boolean skipping;

  private long frames;
  private long crcFailures;
  private long lengthErrors;
  private long malformed;
  private long resyncs;
  private long skippedBytes;
  private long bytes;

  public FrameDecoder(Listener listener) {
    this.listener = listener;
  }

  public void feed(byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off + len > buf.length) {
      throw new IndexOutOfBoundsException("off " + off + " len " + len + " of " + buf.length);
    }
    bytes += len;
    while (len > 0) {
      int n = Math.min(len, acc.length - end);
      System.arraycopy(buf, off, acc, end, n);
      end += n;
      off += n;
      len -= n;
      parse();
      // What is left is an incomplete candidate (< one frame): move it to the front.
      System.arraycopy(acc, start, acc, 0, end - start);
      end -= start;
      start = 0;
    }
  }

  /**
   * No more bytes will come: a candidate still waiting for bytes is given up, and what followed its
   * first byte is searched again, so frames behind a garbage header that promised a long payload
   * are not lost at the end of a recording. The truncated candidate counts as a CRC failure.
   */
  public void finish() {
    parse(true);
    start = 0;
    end = 0;
  }

  private void parse() {
    parse(false);
  }

  private void parse(boolean atEnd) {
    final byte[] b = acc;
    int p = start;
    final int e = end;
    while (p < e) {
      if (atEnd && !complete(b, p, e)) {
        if (e - p >= 4) crcFailures++;
        p = skip(p);
        continue;
      }
      if ((b[p] & 0xFF) != SYNC0) {
        p = skip(p);
        continue;
      }
      if (e - p < 2) break;
      if ((b[p + 1] & 0xFF) != SYNC1) {
        p = skip(p);
        continue;
      }
      if (e - p < 4) break;
      int len = b[p + 2] & 0xFF;
      int type = b[p + 3] & 0xFF;
      if (len < WireFormat.minPayload(type)) {
        lengthErrors++;
        p = skip(p);
        continue;
      }
      int total = HEADER_SIZE + len + CRC_SIZE;
      if (e - p < total) break;
      int crc = Crc16.of(b, p + 2, HEADER_SIZE - 2 + len);
      if (crc != u16(b, p + HEADER_SIZE + len)) {
        crcFailures++;
        p = skip(p);
        continue;
      }
      skipping = false;
      int seq = u16(b, p + 4);
      Frame frame = parsePayload(type, b, p + HEADER_SIZE, len);
      p += total;
      if (frame == null) {
        malformed++;
      } else {
        frames++;
        start = p; // a listener that throws leaves the decoder past this frame
        listener.frame(seq, frame);
      }
    }
    start = p;
  }

  /** Whether the candidate at {@code p} has all the bytes it needs for a decision. */
  private static boolean complete(byte[] b, int p, int e) {
    if ((b[p] & 0xFF) != SYNC0) return true;
    if (e - p < 2) return false;
    if ((b[p + 1] & 0xFF) != SYNC1) return true;
    if (e - p < 4) return false;
    int len = b[p + 2] & 0xFF;
    if (len < WireFormat.minPayload(b[p + 3] & 0xFF)) return true;
    return e - p >= HEADER_SIZE + len + CRC_SIZE;
  }

  /** Discards the byte at {@code p}; a run of discarded bytes counts as one resync. */
  private int skip(int p) {
    skippedBytes++;
    if (!skipping) {
      skipping = true;
      resyncs++;
    }
    return p + 1;
  }

  /**
   * Parses a CRC-valid payload; null when its fields are out of range (a firmware bug, e.g. a zero
   * full-scale range), which is counted as malformed rather than trusted.
   */
  static Frame parsePayload(int type, byte[] b, int p, int len) {
    try {
      switch (type) {
        case WireFormat.TYPE_IMU:
          return new Frame.Imu(
              u32(b, p), s16(b, p + 4), s16(b, p + 6), s16(b, p + 8), s16(b, p + 10),
              s16(b, p + 12), s16(b, p + 14));
        case WireFormat.TYPE_HELLO:
          return new Frame.Hello(
              b[p] & 0xFF,
              b[p + 1] & 0xFF,
              Float.intBitsToFloat((int) u32(b, p + 2)),
              Float.intBitsToFloat((int) u32(b, p + 6)),
              Float.intBitsToFloat((int) u32(b, p + 10)),
              string(b, p + 14),
              string(b, p + 30),
              string(b, p + 46));
        case WireFormat.TYPE_STATUS:
          return new Frame.Status(
              u16(b, p), b[p + 2] & 0xFF, u16(b, p + 3), s16(b, p + 5), u32(b, p + 7));
        case WireFormat.TYPE_COMMAND:
          return new Frame.Command(b[p] & 0xFF, u32(b, p + 1));
        case WireFormat.TYPE_ACK:
          return new Frame.Ack(b[p] & 0xFF, u16(b, p + 1), b[p + 3] & 0xFF, u32(b, p + 4));
        default:
          byte[] payload = new byte[len];
          System.arraycopy(b, p, payload, 0, len);
          return new Frame.Unknown(type, payload);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A fixed 16-byte field up to the first NUL; bytes outside printable ASCII become '?'. */
  private static String string(byte[] b, int p) {
    int n = 0;
    while (n < WireFormat.HELLO_STRING_LEN && b[p + n] != 0) n++;
    byte[] chars = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = b[p + i] & 0xFF;
      chars[i] = (byte) (c >= 0x20 && c <= 0x7E ? c : '?');
    }
    return new String(chars, StandardCharsets.US_ASCII);
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  static int s16(byte[] b, int p) {
    return (short) u16(b, p);
  }

  static long u32(byte[] b, int p) {
    return (u16(b, p) | (long) u16(b, p + 2) << 16);
  }

  /** Good frames delivered to the listener (known and unknown types). */
  public long frames() {
    return frames;
  }

  /** Candidates whose length fit their type but whose CRC did not match. */
  public long crcFailures() {
    return crcFailures;
  }

  /** Candidates whose length byte was too small for their frame type. */
  public long lengthErrors() {
    return lengthErrors;
  }

  /** CRC-valid frames with out-of-range fields (not delivered). */
  public long malformed() {
    return malformed;
  }

  /** Runs of discarded bytes: each time the decoder lost sync and searched for the next frame. */
  public long resyncs() {
    return resyncs;
  }

  public long skippedBytes() {
    return skippedBytes;
  }

  public long bytes() {
    return bytes;
  }

  /** Bytes held back as the start of a frame not yet complete (a truncated tail at end of input). */
  public int pendingBytes() {
    return end - start;
  }
}
