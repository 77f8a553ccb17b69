package com.rollercoach.core.protocol;

/**
 * Constants of the Roller Coach binary wire protocol, version 1 ({@code firmware-protocol/PROTOCOL.md}
 * is the normative description; this class and {@code rc_protocol.h} mirror it).
 *
 * <pre>
 * offset size field
 *  0     1    sync 0xA5
 *  1     1    sync 0x5A
 *  2     1    payload length N (0..255)
 *  3     1    frame type
 *  4     2    sequence number, uint16 LE, per sender, wraps
 *  6     N    payload, little-endian fields
 *  6+N   2    CRC-16/MCRF4XX over bytes 2 .. 5+N (length .. end of payload), LE
 * </pre>
 */
public final class WireFormat {
  public static final int PROTOCOL_VERSION = 1;

  public static final int SYNC0 = 0xA5;
  public static final int SYNC1 = 0x5A;
  /** Bytes before the payload: two sync bytes, length, type, sequence. */
  public static final int HEADER_SIZE = 6;
  /** Bytes after the payload: the CRC. */
  public static final int CRC_SIZE = 2;
  public static final int MAX_PAYLOAD = 255;
  public static final int MAX_FRAME = HEADER_SIZE + MAX_PAYLOAD + CRC_SIZE;

  public static final int TYPE_HELLO = 0x01;
  public static final int TYPE_IMU = 0x02;
  public static final int TYPE_STATUS = 0x03;
  public static final int TYPE_COMMAND = 0x10;
  public static final int TYPE_ACK = 0x11;

  /** Payload lengths defined by protocol version 1. Receivers accept longer payloads (fields added later). */
  public static final int HELLO_LEN = 62;

  public static final int IMU_LEN = 16;
  public static final int STATUS_LEN = 11;
  public static final int COMMAND_LEN = 5;
  public static final int ACK_LEN = 8;

  /** Width of the fixed, NUL-padded ASCII string fields of HELLO. */
  public static final int HELLO_STRING_LEN = 16;

  /** int16 counts per full scale: {@code physical = counts * range / 32768}. */
  public static final double COUNTS_PER_FULL_SCALE = 32768.0;

  private WireFormat() {}

  /**
   * The shortest payload a frame of this type may have, or 0 for types this version does not know
   * (their frames are CRC-checked and skipped, so newer devices stay readable).
   */
  public static int minPayload(int type) {
    switch (type) {
      case TYPE_HELLO:
        return HELLO_LEN;
      case TYPE_IMU:
        return IMU_LEN;
      case TYPE_STATUS:
        return STATUS_LEN;
      case TYPE_COMMAND:
        return COMMAND_LEN;
      case TYPE_ACK:
        return ACK_LEN;
      default:
        return 0;
    }
  }
}
