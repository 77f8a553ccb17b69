package com.rollercoach.io.recording;

import com.rollercoach.core.sample.ImuSample;
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
 * <p>A crash can only tear the record being appended, so a record cut short by the end of the file,
 * a last record with a bad CRC, or a zero-filled tail (some file systems leave zeros after a power
 * cut) ends reading normally with a {@link #warning()}. Damage elsewhere (a flipped bit, bytes
 * overwritten, text appended) costs only the damaged bytes: the reader resynchronises on the next
 * position where a whole record frames correctly (plausible length and type, and its CRC-32
 * matches), delivers every intact record after it, and counts what it skipped ({@link #lostBytes()}).
 * A CRC-32 match at a wrong position has odds of 2⁻³²; the scan's work is bounded ({@value
 * #RESYNC_BUDGET_BYTES} bytes checked per file), so hostile files cannot make it slow. Only a bad
 * preamble or header is an error ({@link RecordingFormatException} naming the byte offset).
 */
public final class RecordingReader implements Closeable {
  /** Bytes the resync may read and check in one file before giving the rest up as lost. */
  static final long RESYNC_BUDGET_BYTES = 256L << 20;

  private final InputStream in;
  private final String name;
  private final RecordingHeader header;
  private final CRC32 crc = new CRC32();
  private long offset;
  private final List<String> warnings = new ArrayList<>();
  private long lostBytes;
  private int damagedRecords;
  private long resyncWork;
  /**
   * A window over the stream: bytes from {@code wmark} (the start of the record or resync candidate
   * being looked at) to {@code wlim} stay, so a failed candidate is given back by moving {@code
   * wpos}, in O(1). (Copying the bytes back made the scan over 50 MB of noise quadratic.)
   */
  private byte[] win = new byte[64 * 1024];
  private int wpos;
  private int wlim;
  private int wmark;
  private boolean ended;
  private boolean endedCleanly;

  private RecordingReader(InputStream in, String name) throws IOException {
    this.in = in;  // read in large chunks by the window; no further buffering needed
    this.name = name;
    this.header = readPreambleAndHeader();
  }

  public static RecordingReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new RecordingReader(in, file.toString());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads from any stream; {@code name} appears in messages. The stream is closed by {@link #close}. */
  public static RecordingReader open(InputStream in, String name) throws IOException {
    return new RecordingReader(in, name);
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

  /**
   * What was damaged or torn (offsets, bytes skipped), as one line, once {@link #next()} has returned
   * null; empty for an intact file.
   */
  public Optional<String> warning() {
    if (warnings.isEmpty()) return Optional.empty();
    String all = String.join("; ", warnings.size() > 5 ? warnings.subList(0, 5) : warnings);
    if (warnings.size() > 5) all += "; and " + (warnings.size() - 5) + " more damaged place(s)";
    if (lostBytes > 0) all += " (" + lostBytes + " bytes lost in all)";
    return Optional.of(all);
  }

  /** Bytes skipped as damage (not counting a torn last record). */
  public long lostBytes() {
    return lostBytes;
  }

  /** Records dropped: bad CRC or length where intact records follow, or a good CRC over bad contents. */
  public int damagedRecords() {
    return damagedRecords;
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
    byte[] pre = readN(RecordingFormat.PREAMBLE_BYTES);
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
    Raw r = readFramed(at);
    if (r == null || r.type != RecordingFormat.TYPE_HEADER) {
      throw error(at, "no complete header record" + (warnings.isEmpty() ? "" : " (" + warnings.get(0) + ")"));
    }
    try {
      return RecordingJson.header(r.payload);
    } catch (RecordingJson.BadJson e) {
      throw error(at, "header: " + e.getMessage());
    }
  }

  /**
   * A record whose length and CRC check out, or null at a (clean or torn) end. Damage with data after
   * it is skipped: the next intact record is returned.
   */
  private Raw readRecord(long start) throws IOException {
    Raw r = readFramed(start);
    if (r != BAD) return r;
    return resync(start);
  }

  /** Marks a record that frames badly where more data follows (the bytes are pushed back). */
  private static final Raw BAD = new Raw(-1, new byte[0]);

  /** The record at {@code start}: the record, null at the end (torn or clean), or {@link #BAD}. */
  private Raw readFramed(long start) throws IOException {
    wmark = wpos;
    byte[] head = readN(RecordingFormat.RECORD_HEAD_BYTES);
    offset += head.length;
    if (head.length == 0) return null;
    if (head.length < RecordingFormat.RECORD_HEAD_BYTES) return torn(start, "record header cut short");
    long len = le(head).getInt(0) & 0xFFFFFFFFL;
    int type = head[4] & 0xFF;
    if (len > RecordingFormat.MAX_PAYLOAD_BYTES || type == 0) {
      return damaged(start, head, type == 0 ? "record type 0 is not valid" : "record length " + len + " exceeds " + RecordingFormat.MAX_PAYLOAD_BYTES);
    }
    byte[] payload = readN((int) len);
    offset += payload.length;
    if (payload.length < len) return damagedOrTorn(start, concat(head, payload), "last record cut short");
    byte[] crcBytes = readN(RecordingFormat.RECORD_CRC_BYTES);
    offset += crcBytes.length;
    byte[] all = concat(head, payload, crcBytes);
    if (crcBytes.length < RecordingFormat.RECORD_CRC_BYTES) return damagedOrTorn(start, all, "last record cut short");
    crc.reset();
    crc.update(head);
    crc.update(payload);
    if ((int) crc.getValue() != le(crcBytes).getInt(0)) {
      if (atEof()) return torn(start, "last record has a bad CRC (torn write)");
      return damaged(start, all, "CRC mismatch in a record of type " + type);
    }
    return new Raw(type, payload);
  }

  /**
   * The file ended inside this record. After a clean stretch that is a torn write; but the length
   * may itself be damage (a flipped bit making a huge length swallow the rest), so the bytes are
   * searched for intact records all the same before calling it torn.
   */
  private Raw damagedOrTorn(long start, byte[] read, String why) throws IOException {
    if (read.length <= RecordingFormat.RECORD_HEAD_BYTES) return torn(start, why);
    wpos = wmark + 1;
    offset = start + 1;
    return scan(start, why, true);
  }

  /** Bad bytes at {@code start} with more after them: pushed back for {@link #resync}. */
  private Raw damaged(long start, byte[] alreadyRead, String reason) throws IOException {
    wpos = wmark + 1;
    offset = start + 1;
    pendingReason = reason;
    return BAD;
  }

  private String pendingReason;

  private Raw resync(long start) throws IOException {
    return scan(start, pendingReason, false);
  }

  /**
   * Scans forward from {@code start + 1} for the next position where a whole record frames and
   * its CRC matches. Skipped bytes are counted as lost; all-zero skipped bytes up to the end are a
   * zero-filled tail (a power cut), and a torn end stays a torn end.
   */
  private Raw scan(long start, String reason, boolean tornIfNothing) throws IOException {
    boolean zeros = true;
    long skippedFrom = start;
    while (true) {
      if (resyncWork > RESYNC_BUDGET_BYTES) {
        long rest = drain();
        lostBytes += offset - skippedFrom + rest;
        warnings.add(name + ": offset " + start + ": " + reason + "; gave up resynchronising after "
            + RESYNC_BUDGET_BYTES + " bytes checked, the rest dropped");
        return null;
      }
      long at = offset;
      wmark = wpos;
      byte[] head = readN(RecordingFormat.RECORD_HEAD_BYTES);
      if (head.length < RecordingFormat.RECORD_HEAD_BYTES) {
        for (byte b : head) zeros &= b == 0;
        offset += head.length;
        return nothingMore(start, skippedFrom, reason, zeros, tornIfNothing);
      }
      zeros &= head[0] == 0;
      long len = le(head).getInt(0) & 0xFFFFFFFFL;
      int type = head[4] & 0xFF;
      if (plausible(len, type)) {
        byte[] rest = readN((int) len + RecordingFormat.RECORD_CRC_BYTES);
        resyncWork += RecordingFormat.RECORD_HEAD_BYTES + rest.length;
        if (rest.length == len + RecordingFormat.RECORD_CRC_BYTES) {
          crc.reset();
          crc.update(head);
          crc.update(rest, 0, (int) len);
          if ((int) crc.getValue() == le(rest).getInt((int) len)) {
            long skipped = at - skippedFrom;
            lostBytes += skipped;
            damagedRecords++;
            offset = at + RecordingFormat.RECORD_HEAD_BYTES + rest.length;
            warnings.add(name + ": offset " + start + ": " + reason + "; skipped " + skipped
                + " damaged bytes, intact records again from offset " + at);
            return new Raw(type, Arrays.copyOf(rest, (int) len));
          }
        }
      }
      wpos = wmark + 1; // give back all but the first byte
      offset = at + 1;
    }
  }

  private Raw nothingMore(long start, long skippedFrom, String reason, boolean zeros, boolean tornIfNothing) {
    if (tornIfNothing) return torn(start, reason);
    if (zeros) return torn(start, "zero-filled tail (power cut)");
    long skipped = offset - skippedFrom;
    lostBytes += skipped;
    damagedRecords++;
    warnings.add(name + ": offset " + start + ": " + reason + "; the " + skipped
        + " bytes from there to the end hold no intact record and were dropped");
    return null;
  }

  /** Could a record start with this length and type? Known types only, with their least payload. */
  private static boolean plausible(long len, int type) {
    if (len > RecordingFormat.MAX_PAYLOAD_BYTES) return false;
    return switch (type) {
      case RecordingFormat.TYPE_BYTES, RecordingFormat.TYPE_DEVICE, RecordingFormat.TYPE_END -> len >= 8;
      case RecordingFormat.TYPE_LINK -> len >= 9;
      case RecordingFormat.TYPE_SAMPLES -> len >= 12 && (len - 12) % RecordingFormat.SAMPLE_BYTES == 0;
      default -> false;
    };
  }

  /** Up to {@code n} bytes (fewer only at the end of the stream). */
  private byte[] readN(int n) throws IOException {
    fill(n);
    int k = Math.min(n, wlim - wpos);
    byte[] out = Arrays.copyOfRange(win, wpos, wpos + k);
    wpos += k;
    return out;
  }

  /** Makes {@code n} bytes available from {@code wpos} unless the stream ends first. */
  private void fill(int n) throws IOException {
    if (wlim - wpos >= n) return;
    int keep = Math.min(wmark, wpos);
    if (keep > 0) {
      System.arraycopy(win, keep, win, 0, wlim - keep);
      wlim -= keep;
      wpos -= keep;
      wmark -= keep;
    }
    int need = wpos + n;
    if (need > win.length) win = Arrays.copyOf(win, Math.max(need, win.length * 2));
    while (wlim - wpos < n) {
      int r = in.read(win, wlim, win.length - wlim);
      if (r < 0) return;
      wlim += r;
    }
  }

  /** Reads and counts everything left. */
  private long drain() throws IOException {
    long n = wlim - wpos;
    wpos = wlim;
    wmark = wpos;
    byte[] buf = new byte[8192];
    for (int r; (r = in.read(buf)) > 0; ) n += r;
    return n;
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
          return dropped(start, "a second header record");
        default:
          return null; // a record type from a later version: skipped
      }
    } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
      return dropped(start, "record of type " + r.type + " is too short (" + r.payload.length + " bytes)");
    } catch (RecordingJson.BadJson e) {
      return dropped(start, "record of type " + r.type + ": " + e.getMessage());
    } catch (RecordingFormatException e) {
      return dropped(start, e.getMessage());
    }
  }

  /** A record with a good CRC but contents this version cannot use: dropped, counted, warned. */
  private RecordingEntry dropped(long start, String why) {
    damagedRecords++;
    warnings.add(name + ": offset " + start + ": " + why + "; record dropped");
    return null;
  }

  private RecordingEntry.Samples samples(ByteBuffer p, long start) throws RecordingFormatException {
    double t = hostTime(p);
    int count = p.getInt();
    if (count < 0 || (long) count * RecordingFormat.SAMPLE_BYTES != p.remaining()) {
      throw new RecordingFormatException("samples record says " + count + " samples but holds " + p.remaining() + " bytes");
    }
    List<ImuSample> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(new ImuSample(p.getDouble(), p.getFloat(), p.getFloat(), p.getFloat(), p.getFloat(), p.getFloat(), p.getFloat()));
    }
    return new RecordingEntry.Samples(t, list);
  }

  private Raw torn(long start, String why) {
    warnings.add(name + ": offset " + start + ": " + why + "; recording read up to there");
    return null;
  }

  private boolean atEof() throws IOException {
    fill(1);
    return wpos >= wlim;
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
