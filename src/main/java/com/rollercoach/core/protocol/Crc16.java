package com.rollercoach.core.protocol;

/**
 * CRC-16/MCRF4XX, the checksum of the Roller Coach wire protocol (and of MAVLink, where it is called
 * "X.25"): polynomial 0x1021 processed reflected (0x8408), initial value 0xFFFF, input and output
 * reflected, no final XOR. Check value: the ASCII bytes {@code "123456789"} give {@code 0x6F91}
 * (Greg Cook's CRC catalogue, "CRC-16/MCRF4XX").
 *
 * <p>Firmware computes it bitwise or with MAVLink's table-free {@code crc_accumulate}; the host uses a
 * 256-entry table (one lookup per byte), which is what keeps the decoder far above 100 MB/s.
 */
public final class Crc16 {
  /** The value before any byte is accumulated. */
  public static final int INIT = 0xFFFF;

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16() {}

  /** Accumulates {@code len} bytes into {@code crc} (start from {@link #INIT}). */
  public static int update(int crc, byte[] buf, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      crc = (crc >>> 8) ^ TABLE[(crc ^ buf[i]) & 0xFF];
    }
    return crc;
  }

  /** The CRC of {@code len} bytes from {@link #INIT}. */
  public static int of(byte[] buf, int off, int len) {
    return update(INIT, buf, off, len);
  }
}
