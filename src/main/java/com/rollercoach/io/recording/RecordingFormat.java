package com.rollercoach.io.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Constants of the Roller Coach recording format, version 1 ({@code docs/recording-format.md} is the
 * byte-by-byte description; this class and that file must agree).
 *
 * <p>A recording is an 8-byte magic, a 2-byte format version, 2 reserved bytes, then records. Every
 * record is {@code u32 length | u8 type | payload[length] | u32 crc32}, little-endian, the CRC-32
 * (IEEE 802.3, as {@link java.util.zip.CRC32}) covering the length, type and payload bytes. Records are
 * only ever appended, so a crash can damage at most the record being written: the reader detects it
 * by its length or CRC and stops there with a warning.
 */
public final class RecordingFormat {
  private RecordingFormat() {}

  /**
   * {@code 89 'R' 'C' 'R' \r \n 1A \n}: the PNG trick. The high byte rejects 7-bit transfers, CR LF and
   * LF catch newline translation, 0x1A stops a DOS {@code type}.
   */
  static final byte[] MAGIC = {(byte) 0x89, 'R', 'C', 'R', '\r', '\n', 0x1A, '\n'};

  public static final int VERSION = 1;

  /** Magic, u16 version, u16 reserved. */
  static final int PREAMBLE_BYTES = MAGIC.length + 4;

  /** Length field + type byte. */
  static final int RECORD_HEAD_BYTES = 5;

  static final int RECORD_CRC_BYTES = 4;

  /**
   * No record is this large: the writer splits byte chunks far below it, so a longer length field can
   * only be damage. 1 MiB also bounds what a corrupt file can make the reader allocate.
   */
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;

  /** Record types. Unknown types with a good CRC are skipped by readers (forward compatibility). */
  static final int TYPE_HEADER = 0x01;

  static final int TYPE_BYTES = 0x02;
  static final int TYPE_SAMPLES = 0x03;
  static final int TYPE_DEVICE = 0x04;
  static final int TYPE_LINK = 0x05;
  static final int TYPE_END = 0x7F;

  /** Bytes of one sample in a SAMPLES record: f64 time + 6 × f32. */
  static final int SAMPLE_BYTES = 8 + 6 * 4;

  /** File name suffix used in the sessions folder. */
  public static final String FILE_SUFFIX = ".rcrec";

  /** True when the stream starts with the recording magic (it reads at most 8 bytes). */
  public static boolean startsWithMagic(InputStream in) throws IOException {
    return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
  }

  /** True when the file exists and starts with the recording magic. */
  public static boolean isRecording(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return startsWithMagic(in);
    }
  }
}
