package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.io.TestHome;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.emulator.SimulatedInput;
import com.rollercoach.io.recording.RecordingEntry;
import com.rollercoach.io.recording.RecordingReader;
import com.rollercoach.io.serial.SocatPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 7 end to end: {@code record} from the emulator over a socat cable onto a 64 kB tmpfs
 * that fills within the first seconds. The command must end normally (exit 0) with its summary, say
 * the recording stopped early, and leave a recording whose prefix replays. Needs root to mount the
 * tmpfs (CI runs as root); skipped with a message otherwise.
 */
class RecordDiskFullTest {
  @TempDir Path home;
  private Path mounted;

  @BeforeAll
  static void socat() {
    SocatPair.requireSocat();
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
  }

  private Path tinyDisk() throws Exception {
    Path dir = Files.createDirectories(home.resolve("full"));
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.toString())
        .redirectErrorStream(true).start();
    boolean done = p.waitFor(10, TimeUnit.SECONDS);
    String why = new String(p.getInputStream().readAllBytes());
    Assumptions.assumeTrue(done && p.exitValue() == 0,
        "skipped: cannot mount a 64 kB tmpfs here (needs root): " + why.strip());
    mounted = dir;
    return dir;
  }

  @Test
  @Timeout(60)
  void recordOnAFullDiskEndsWithItsSummaryAndAReplayablePrefix() throws Exception {
    Path disk = tinyDisk();
    Path out = disk.resolve("session.rcrec");
    String oldHome = TestHome.current();
    CliRun r;
    try (SocatPair cable = new SocatPair(home).start()) {
      TestHome.set(home.toString());
      SerialDeviceLink link = SerialDeviceLink.open(cable.a().toString(), 115200);
      Emulator emulator = new Emulator(SimulatedInput.of(7), link, Emulator.Options.defaults().withSpeed(20));
      AtomicReference<Exception> failed = new AtomicReference<>();
      emulator.start(failed::set);
      r = CliRun.of("record", "--port", cable.b().toString(), "--duration", "6", "--out", out.toString());
      emulator.stop();
      link.close();
      assertNull(failed.get());
    } finally {
      TestHome.restore(oldHome);
    }
    assertEquals(0, r.code(), r.err() + r.out());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertTrue(r.out().contains("Summary: "), r.out());
    assertTrue(r.out().contains("recording stopped early"), r.out() + r.err());
    long bytes = 0;
    try (RecordingReader reader = RecordingReader.open(out)) {
      for (RecordingEntry e; (e = reader.next()) != null; ) {
        if (e instanceof RecordingEntry.Bytes b) bytes += b.data().length;
      }
    }
    assertTrue(bytes > 10_000, "the device's bytes before the disk filled are saved: " + bytes);
    long[] samples = {0};
    com.rollercoach.io.SessionFiles.open(out).play(s -> samples[0]++);
    assertTrue(samples[0] > 100, "the saved prefix replays: " + samples[0] + " samples");
    CliRun replay = CliRun.of("analyze", out.toString());
    assertEquals(0, replay.code(), replay.err());
  }
}
