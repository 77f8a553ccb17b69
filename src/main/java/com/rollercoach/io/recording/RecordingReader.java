package com.rollercoach.io.recording;

import com.rollercoach.core.sample.ImuSample;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads a recording one record at a time (memory stays flat with file size).
 *
 * <p>Damage is judged by where it is. A crash can only tear the record being appended, so a record
 * cut short by the end of the file, a last record with a bad CRC, or a zero-filled tail (some file
 * systems leave zeros after a power cut) ends reading normally with a {@link #warning()}. A bad record
 * with good data after it cannot come from a crash: that is a {@link RecordingFormatException} naming
 * the byte offset.
 */
public final class RecordingReader implements Closeable {
  private final InputStream in;
  private final String name;
  private final RecordingHeader header;
  private final CRC32 crc = new CRC32();
  private long offset;
  private String warning;
  private boolean ended;
  private boolean endedCleanly;

  private RecordingReader(InputStream in, String name) throws IOException {
    this.in = in;
    this.name = name;
    this.header = readPreambleAndHeader();
  }

  public static RecordingReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    try {
      return new RecordingReader(in, file.toString());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads from any stream; {@code name} appears in messages. The stream is closed by {@link #close}. */
  public static RecordingReader open(InputStream in, String name) throws IOException {
    return new RecordingReader(new BufferedInputStream(in), name);
  }

  public RecordingHeader header() {
    return header;
  }

  /** The next entry, or null at the end of the recording (clean or torn). */
  public RecordingEntry next() throws IOException {
    while (!ended) {
      long start = offset;
      Raw r = readRecord(start);
      if (r == null) {
        ended = true;
        return null;
      }
      RecordingEntry e = decode(r, start);
      if (e instanceof RecordingEntry.End) endedCleanly = true;
      if (e != null) return e;
    }
    return null;
  }

  /** Why reading stopped early (a torn last record), once {@link #next()} has returned null. */
  public Optional<String> warning() {
    return Optional.ofNullable(warning);
  }

  /** True when an END record was read: the recorder closed the file itself. */
  public boolean endedCleanly() {
    return endedCleanly;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private RecordingHeader readPreambleAndHeader() throws IOException {
    byte[] pre = in.readNBytes(RecordingFormat.PREAMBLE_BYTES);
    offset = pre.length;
    if (pre.length < RecordingFormat.MAGIC.length
        || !Arrays.equals(pre, 0, RecordingFormat.MAGIC.length, RecordingFormat.MAGIC, 0, RecordingFormat.MAGIC.length)) {
      throw error(0, "not a Roller Coach recording (bad magic)");
    }
    if (pre.length < RecordingFormat.PREAMBLE_BYTES) throw error(pre.length, "file ends inside the preamble");
    int version = le(pre).getShort(RecordingFormat.MAGIC.length) & 0xFFFF;
    if (version != RecordingFormat.VERSION) {
      throw error(8, "format version " + version + " is not supported (this program reads " + RecordingFormat.VERSION + ")");
    }
    long at = offset;
    Raw r = readRecord(at);
    if (r == null || r.type != RecordingFormat.TYPE_HEADER) {
      throw error(at, "no complete header record" + (warning != null ? " (" + warning + ")" : ""));
    }
    try {
      return RecordingJson.header(r.payload);
    } catch (RecordingJson.BadJson e) {
      throw error(at, "header: " + e.getMessage());
    }
  }

  /** A record whose length and CRC check out, or null at a (clean or torn) end. */
  private Raw readRecord(long start) throws IOException {
    byte[] head = in.readNBytes(RecordingFormat.RECORD_HEAD_BYTES);
    offset += head.length;
    if (head.length == 0) return null;
    if (head.length < RecordingFormat.RECORD_HEAD_BYTES) return torn(start, "record header cut short");
    long len = le(head).getInt(0) & 0xFFFFFFFFL;
    int type = head[4] & 0xFF;
    if (len > RecordingFormat.MAX_PAYLOAD_BYTES) {
      return damaged(start, head, "record length " + len + " exceeds " + RecordingFormat.MAX_PAYLOAD_BYTES);
    }
    byte[] payload = in.readNBytes((int) len);
    offset += payload.length;
    if (payload.length < len) return torn(start, "last record cut short");
    byte[] crcBytes = in.readNBytes(RecordingFormat.RECORD_CRC_BYTES);
    offset += crcBytes.length;
    if (crcBytes.length < RecordingFormat.RECORD_CRC_BYTES) return torn(start, "last record cut short");
    crc.reset();
    crc.update(head);
    crc.update(payload);
    if ((int) crc.getValue() != le(crcBytes).getInt(0)) {
      if (atEof()) return torn(start, "last record has a bad CRC (torn write)");
      return damaged(start, concat(head, payload, crcBytes), "CRC mismatch in a record of type " + type);
    }
    if (type == 0) return damaged(start, concat(head, payload, crcBytes), "record type 0 is not valid");
    return new Raw(type, payload);
  }

  private RecordingEntry decode(Raw r, long start) throws RecordingFormatException {
    ByteBuffer p = le(r.payload);
    try {
      switch (r.type) {
        case RecordingFormat.TYPE_BYTES:
          return new RecordingEntry.Bytes(hostTime(p), Arrays.copyOfRange(r.payload, 8, r.payload.length));
        case RecordingFormat.TYPE_SAMPLES:
          return samples(p, start);
        case RecordingFormat.TYPE_DEVICE:
          return new RecordingEntry.Device(hostTime(p), RecordingJson.device(rest(r.payload, 8)));
        case RecordingFormat.TYPE_LINK:
          double t = hostTime(p);
          boolean up = p.get() != 0;
          return new RecordingEntry.Link(t, up, new String(rest(r.payload, 9), StandardCharsets.UTF_8));
        case RecordingFormat.TYPE_END:
          return new RecordingEntry.End(hostTime(p), RecordingJson.summary(rest(r.payload, 8)));
        case RecordingFormat.TYPE_HEADER:
          throw error(start, "a second header record");
        default:
          return null; // a record type from a later version: skipped
      }
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      throw error(start, "record of type " + r.type + " is too short (" + r.payload.length + " bytes)");
    } catch (RecordingJson.BadJson e) {
      throw error(start, "record of type " + r.type + ": " + e.getMessage());
    }
  }

  private RecordingEntry.Samples samples(ByteBuffer p, long start) throws RecordingFormatException {
    double t = hostTime(p);
    int count = p.getInt();
    if (count < 0 || (long) count * RecordingFormat.SAMPLE_BYTES != p.remaining()) {
      throw error(start, "samples record says " + count + " samples but holds " + p.remaining() + " bytes");
    }
    List<ImuSample> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(new ImuSample(p.getDouble(), p.getFloat(), p.getFloat(), p.getFloat(), p.getFloat(), p.getFloat(), p.getFloat()));
    }
    return new RecordingEntry.Samples(t, list);
  }

  /** Bad bytes at {@code start}: harmless if nothing but zeros follows, else the file is damaged. */
  private Raw damaged(long start, byte[] alreadyRead, String reason) throws IOException {
    boolean zeros = allZero(alreadyRead);
    for (int b; (b = in.read()) >= 0; offset++) zeros &= b == 0;
    if (zeros) return torn(start, "zero-filled tail (power cut)");
    throw error(start, reason);
  }

  private Raw torn(long start, String why) {
    warning = name + ": offset " + start + ": " + why + "; recording read up to there";
    return null;
  }

  private boolean atEof() throws IOException {
    in.mark(1);
    boolean eof = in.read() < 0;
    in.reset();
    return eof;
  }

  private RecordingFormatException error(long at, String reason) {
    return new RecordingFormatException(name + ": offset " + at + ": " + reason);
  }

  private static double hostTime(ByteBuffer p) {
    long us = p.getLong();
    return us < 0 ? Double.NaN : us / 1e6;
  }

  private static byte[] rest(byte[] payload, int from) {
    if (payload.length < from) throw new IndexOutOfBoundsException();
    return Arrays.copyOfRange(payload, from, payload.length);
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) b.put(p);
    return b.array();
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private record Raw(int type, byte[] payload) {}
}
