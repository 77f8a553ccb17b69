package com.rollercoach.io.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: the recording's promises under a full disk and under kill -9. */
class RecordingCrashTest {
  @TempDir Path dir;

  private static RecordingHeader header() {
    return new RecordingHeader(Instant.parse("2026-12-01T10:00:00Z"), "test", "auto", Optional.empty(),
        SessionMetadata.empty());
  }

  /**
   * Defect 7: at ENOSPC the warning was clear, but closing threw (a stack trace, exit 1, no
   * summary). A channel that takes {@code capacity} bytes and then fails as a full disk does.
   */
  @Test
  @Timeout(20)
  void aFullDiskEndsTheRecordingCleanlyWithTheSavedPrefix() throws IOException {
    Path f = dir.resolve("full.rcrec");
    FileChannel ch = new FullDiskChannel(FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 20_000);
    RecordingWriter w = RecordingWriter.start(f, ch, header(), Duration.ofHours(1));
    IOException failure = null;
    int written = 0;
    for (int i = 0; i < 2000 && failure == null; i++) {
      try {
        w.samples(i * 0.01, List.of(new ImuSample(i * 0.01, 0, 0, 1, 0, 0, 0)));
        if (i % 50 == 49) w.flush();
        written = i + 1;
      } catch (IOException e) {
        failure = e;
      }
    }
    assertTrue(failure != null && failure.getMessage().contains("No space left"), String.valueOf(failure));
    Optional<IOException> atClose = w.closeKeepingPrefix(20, Map.of("samples", Integer.toString(written)));
    assertTrue(atClose.isPresent(), "the caller learns the recording stopped early");
    assertFalse(RecordingLock.isBeingWritten(f), "the in-progress mark is gone");
    int read = 0;
    try (RecordingReader r = RecordingReader.open(f)) {
      for (RecordingEntry e; (e = r.next()) != null; ) {
        if (e instanceof RecordingEntry.Samples s) read += s.samples().size();
      }
    }
    assertTrue(read > 300 && read <= written, "saved prefix: " + read + " of " + written);
  }

  /** Fails writes beyond {@code capacity} bytes with ENOSPC's message; everything else delegates. */
  static final class FullDiskChannel extends FileChannel {
    private final FileChannel d;
    private final long capacity;

    FullDiskChannel(FileChannel d, long capacity) {
      this.d = d;
      this.capacity = capacity;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      long room = capacity - d.size();
      if (room <= 0) throw new IOException("No space left on device");
      if (src.remaining() > room) {
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + (int) room);
        int n = d.write(part);
        src.position(src.position() + n);
        return n;
      }
      return d.write(src);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return d.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return d.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      long n = 0;
      for (int i = offset; i < offset + length; i++) n += write(srcs[i]);
      return n;
    }

    @Override
    public long position() throws IOException {
      return d.position();
    }

    @Override
    public FileChannel position(long p) throws IOException {
      d.position(p);
      return this;
    }

    @Override
    public long size() throws IOException {
      return d.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      d.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      d.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return d.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return d.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return d.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return d.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      d.close();
    }
  }

  /**
   * The fsync promise under kill -9 at random points: a child JVM records one sample every 10 ms;
   * killed at a random moment, its file must hold every sample handed to the writer more than the
   * 500 ms flush interval (plus 250 ms of scheduling slack on a loaded 2-core machine) before.
   */
  @Test
  @Timeout(120)
  void killMinus9LosesOnlyTheLastFlushInterval() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Random random = new Random(9);
    for (int run = 0; run < 3; run++) {
      Path f = dir.resolve("kill" + run + ".rcrec");
      Path log = dir.resolve("kill" + run + ".log");
      Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), Recorder.class.getName(), f.toString())
          .redirectOutput(log.toFile()).redirectErrorStream(true).start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!(Files.exists(log) && Files.readString(log).startsWith("recording"))) {
        assertTrue(p.isAlive() && System.nanoTime() < deadline, "the child did not start: " + Files.readString(log));
        Thread.sleep(20);
      }
      Thread.sleep(700 + random.nextInt(1500));
      long before = System.nanoTime();
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      // The child printed each sample index after handing it to the writer, with the time.
      long handed = -1;
      long handedSafely = -1; // handed at least 750 ms before the kill
      for (String l : Files.readAllLines(log)) {
        String[] parts = l.split(" ");
        if (parts.length != 2) continue;
        long i = Long.parseLong(parts[0]);
        long at = Long.parseLong(parts[1]);
        handed = i;
        if (before - at > 750_000_000L) handedSafely = i;
      }
      long onDisk = -1;
      try (RecordingReader r = RecordingReader.open(f)) {
        for (RecordingEntry e; (e = r.next()) != null; ) {
          if (e instanceof RecordingEntry.Samples s) onDisk = Math.round(s.samples().get(0).tS() * 100);
        }
        assertFalse(r.endedCleanly(), "no END record after kill -9");
      }
      assertTrue(handedSafely >= 0, "the child ran long enough");
      assertTrue(onDisk >= handedSafely, "run " + run + ": on disk up to " + onDisk + ", handed " + handed
          + ", handed > 750 ms before the kill " + handedSafely);
    }
  }

  /** The child of {@link #killMinus9LosesOnlyTheLastFlushInterval}. */
  public static final class Recorder {
    public static void main(String[] args) throws Exception {
      // System.nanoTime is the same clock in both JVMs on Linux (CLOCK_MONOTONIC).
      RecordingWriter w = RecordingWriter.create(Path.of(args[0]), header());
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
      out.println("recording");
      for (long i = 0; ; i++) {
        w.samples(i * 0.01, List.of(new ImuSample(i * 0.01, 0, 0, 1, 0, 0, 0)));
        out.println(i + " " + System.nanoTime());
        Thread.sleep(10);
      }
    }
  }
}
