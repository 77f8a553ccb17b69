package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output named through a symbolic link is written where the link points: the rename that makes
 * the write all-or-nothing replaced the link itself with a regular file (and, run as root on a
 * device such as /dev/full, the device node), leaving the file it pointed at unchanged.
 */
class AtomicOutputTest {
  @TempDir Path dir;

  @Test
  void aLinkedOutputIsWrittenWhereTheLinkPointsAndTheLinkStays() throws Exception {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
    AtomicOutput.write(link, true, temp -> Files.writeString(temp, "new"));
    assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
    assertEquals("new", Files.readString(real));
  }

  @Test
  void aPlainOutputIsStillWrittenWhole() throws Exception {
    Path out = dir.resolve("out.csv");
    AtomicOutput.write(out, false, temp -> Files.writeString(temp, "data"));
    assertEquals("data", Files.readString(out));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }
}
