package com.rollercoach.io.recording;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Appends records to a new recording file, crash-safe.
 *
 * <p>Records collect in memory and reach the disk on every {@link #flush()}: a write to the file and
 * an {@code fsync} ({@link FileChannel#force}), so after {@code kill -9} or a power cut everything up
 * to the last flush is on disk. One daemon thread per writer flushes every {@code flushInterval}
 * (default 500 ms, so the "at least once a second" promise holds even with scheduling delays); the
 * record methods are {@code synchronized} and may be called from any one producer thread. If memory
 * holds more than {@value #EAGER_WRITE_BYTES} bytes between flushes they are written early (without
 * fsync) to bound memory at high data rates.
 *
 * <p>Do not interrupt a thread while it calls this writer: an interrupted {@link FileChannel} closes
 * itself. A failed disk write (disk full, removed USB stick) is remembered and thrown from the next call,
 * so the producer learns about it on its own thread.
 */
public final class RecordingWriter implements Closeable {
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(500);
  private static final int EAGER_WRITE_BYTES = 256 * 1024;
  /** BYTES payload = 8 bytes host time + data; split reads larger than a record holds. */
  private static final int MAX_CHUNK = RecordingFormat.MAX_PAYLOAD_BYTES - 8;

  private final Path file;
  private final FileChannel channel;
  private final ScheduledExecutorService flusher;
  private final RecordBuffer pending = new RecordBuffer();
  private long bytesOnDisk;
  private IOException failure;
  private boolean closed;

  private RecordingWriter(Path file, FileChannel channel, Duration flushInterval) {
    this.file = file;
    this.channel = channel;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "recording-flush " + file.getFileName());
              t.setDaemon(true);
              return t;
            });
    long ms = Math.max(1, flushInterval.toMillis());
    flusher.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Creates {@code file} (it must not exist: a recording is never overwritten), writes the preamble
   * and header and syncs them to disk.
   */
  public static RecordingWriter create(Path file, RecordingHeader header) throws IOException {
    return create(file, header, DEFAULT_FLUSH_INTERVAL);
  }

  public static RecordingWriter create(Path file, RecordingHeader header, Duration flushInterval)
      throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return start(file, ch, header, flushInterval);
  }

  /** With the channel given (tests give one that fills up like a full disk). */
  static RecordingWriter start(Path file, FileChannel ch, RecordingHeader header, Duration flushInterval)
      throws IOException {
    try {
      RecordingLock.mark(file);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    RecordingWriter w = new RecordingWriter(file, ch, flushInterval);
    synchronized (w) {
      ByteBuffer pre = ByteBuffer.allocate(RecordingFormat.PREAMBLE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      pre.put(RecordingFormat.MAGIC).putShort((short) RecordingFormat.VERSION).putShort((short) 0);
      w.pending.raw(pre.array());
      w.pending.record(RecordingFormat.TYPE_HEADER, RecordingJson.header(header));
      try {
        w.flush();
      } catch (IOException e) {
        // Not even the header fits (a full disk): no recording, and no marker left behind.
        w.flusher.shutdown();
        w.closed = true;
        RecordingLock.clear(file);
        ch.close();
        throw e;
      }
    }
    return w;
  }

  public Path file() {
    return file;
  }

  /** Bytes received from the link at {@code hostTimeS} (seconds since the recording started). */
  public synchronized void bytes(double hostTimeS, byte[] buf, int off, int len) throws IOException {
    checkUsable();
    for (int done = 0; done < len; done += MAX_CHUNK) {
      int n = Math.min(MAX_CHUNK, len - done);
      ByteBuffer p = payload(8 + n).putLong(micros(hostTimeS)).put(buf, off + done, n);
      pending.record(RecordingFormat.TYPE_BYTES, p.array());
    }
    writeEarlyIfLarge();
  }

  /** Samples that did not come as bytes (decoded by the source itself). */
  public synchronized void samples(double hostTimeS, List<ImuSample> samples) throws IOException {
    checkUsable();
    int perRecord = (RecordingFormat.MAX_PAYLOAD_BYTES - 12) / RecordingFormat.SAMPLE_BYTES;
    for (int from = 0; from < samples.size(); from += perRecord) {
      List<ImuSample> part = samples.subList(from, Math.min(samples.size(), from + perRecord));
      ByteBuffer p = payload(12 + part.size() * RecordingFormat.SAMPLE_BYTES);
      p.putLong(micros(hostTimeS)).putInt(part.size());
      for (ImuSample s : part) {
        p.putDouble(s.tS());
        p.putFloat((float) s.axG()).putFloat((float) s.ayG()).putFloat((float) s.azG());
        p.putFloat((float) s.gxDps()).putFloat((float) s.gyDps()).putFloat((float) s.gzDps());
      }
      pending.record(RecordingFormat.TYPE_SAMPLES, p.array());
    }
    writeEarlyIfLarge();
  }

  public synchronized void device(double hostTimeS, DeviceInfo info) throws IOException {
    checkUsable();
    byte[] json = RecordingJson.deviceBytes(info);
    pending.record(RecordingFormat.TYPE_DEVICE, payload(8 + json.length).putLong(micros(hostTimeS)).put(json).array());
  }

  /** The link went down ({@code up=false}) or was reopened. These records mark gaps in the data. */
  public synchronized void link(double hostTimeS, boolean up, String detail) throws IOException {
    checkUsable();
    byte[] text = detail.getBytes(StandardCharsets.UTF_8);
    int n = Math.min(text.length, 4096);
    ByteBuffer p = payload(9 + n).putLong(micros(hostTimeS)).put((byte) (up ? 1 : 0)).put(text, 0, n);
    pending.record(RecordingFormat.TYPE_LINK, p.array());
  }

  /** Writes what is pending and syncs it to the disk. */
  public synchronized void flush() throws IOException {
    checkUsable();
    try {
      writePending();
      channel.force(false);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** Bytes of the file that have reached the disk (or at least the OS). */
  public synchronized long bytesWritten() {
    return bytesOnDisk;
  }

  /** Ends the recording with an END record carrying {@code summary}, syncs and closes the file. */
  public void close(double hostTimeS, Map<String, String> summary) throws IOException {
    // shutdown(), not shutdownNow(): interrupting a flush would close the FileChannel under it.
    flusher.shutdown();
    synchronized (this) {
      if (closed) return;
      try {
        if (failure == null) {
          byte[] json = RecordingJson.summary(summary);
          pending.record(RecordingFormat.TYPE_END, payload(8 + json.length).putLong(micros(hostTimeS)).put(json).array());
          flush();
        }
      } finally {
        closed = true;
        RecordingLock.clear(file);
        channel.close();
      }
      if (failure != null) throw failure;
    }
  }

  /**
   * Ends the recording like {@link #close(double, Map)}, but a disk that failed during the session
   * (disk full, a removed stick) is returned instead of thrown: what was flushed before it is the
   * saved recording, and the caller still prints its summary and ends normally.
   *
   * @return the failure that stopped recording early, if any
   */
  public java.util.Optional<IOException> closeKeepingPrefix(double hostTimeS, Map<String, String> summary) {
    try {
      close(hostTimeS, summary);
      return java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.of(e);
    }
  }

  /** Closes without a summary (the END record is still written: the recording ended cleanly). */
  @Override
  public void close() throws IOException {
    close(Double.NaN, Map.of());
  }

  private void flushQuietly() {
    synchronized (this) {
      if (closed || failure != null) return;
      try {
        flush();
      } catch (IOException e) {
        // Remembered in `failure`; the producer sees it on its next call.
      }
    }
  }

  private void writeEarlyIfLarge() throws IOException {
    if (pending.size() < EAGER_WRITE_BYTES) return;
    try {
      writePending();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private void writePending() throws IOException {
    ByteBuffer b = pending.drain();
    while (b.hasRemaining()) bytesOnDisk += channel.write(b);
  }

  private void checkUsable() throws IOException {
    if (failure != null) throw failure;
    if (closed) throw new IOException(file + ": recording already closed");
  }

  private static ByteBuffer payload(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Host time in whole microseconds; NaN (unknown) is stored as −1. */
  private static long micros(double hostTimeS) {
    return Double.isFinite(hostTimeS) ? Math.round(hostTimeS * 1e6) : -1;
  }

  /** Framed records waiting for the next flush. */
  private static final class RecordBuffer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final CRC32 crc = new CRC32();
    private final ByteBuffer head = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer tail = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);

    void raw(byte[] bytes) {
      out.writeBytes(bytes);
    }

    void record(int type, byte[] payload) {
      head.clear();
      head.putInt(payload.length).put((byte) type);
      crc.reset();
      crc.update(head.array(), 0, 5);
      crc.update(payload);
      tail.clear();
      tail.putInt((int) crc.getValue());
      out.writeBytes(head.array());
      out.writeBytes(payload);
      out.writeBytes(tail.array());
    }

    int size() {
      return out.size();
    }

    ByteBuffer drain() {
      ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
      out.reset();
      return b;
    }
  }
}
