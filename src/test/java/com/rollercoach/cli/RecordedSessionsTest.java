package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.DeviceLink;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.SimulatedInput;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code record} does with a finished recording: into the library when saved in one. */
class RecordedSessionsTest {
  static byte[] wire;

  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** The bytes a roller sends for simulated session 7, as {@code record} would save them. */
  @BeforeAll
  static void emulate() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Emulator(SimulatedInput.of(7), DeviceLink.streams(null, bytes),
        Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY)).run();
    wire = bytes.toByteArray();
  }

  static Path record(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    try (RecordingWriter w = RecordingWriter.create(file, new RecordingHeader(Instant.now(), "test",
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), SessionMetadata.empty()))) {
      for (int off = 0, i = 0; off < wire.length; off += 240, i++) {
        w.bytes(i * 0.01, wire, off, Math.min(240, wire.length - off));
      }
    }
    return file;
  }

  Optional<SessionEntry> index(Path file) {
    return RecordedSessions.index(file, 600, com.rollercoach.io.DataFolder.resolve(dir.resolve("not-this-home")), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** A short try-out is kept, not listed, and the line says why and how to list it anyway. */
  @Test
  void aShortRecordingSaysTheMinuteItNeedsAndHowToImportIt() throws Exception {
    SessionLibrary.open(dir).close();
    Path file = record(dir.resolve("sessions").resolve("session-20261125-101500.rcrec"));
    Optional<SessionEntry> e = RecordedSessions.index(file, 56, com.rollercoach.io.DataFolder.resolve(dir),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertTrue(e.isEmpty());
    assertEquals("Not added to the library: 56 s of data, under the 60 s a session lasts at least (the file is kept;"
        + " `roller-coach sessions import " + file + "` lists it anyway)", out.toString(StandardCharsets.UTF_8).strip());
    assertTrue(Files.exists(file));
  }

  @Test
  void aRecordingInTheLibrarysSessionsFolderIsListedAtOnce() throws Exception {
    SessionLibrary.open(dir).close();
    Path file = record(dir.resolve("sessions").resolve("session-20261125-101500.rcrec"));
    byte[] before = Files.readAllBytes(file);

    SessionEntry e = index(file).orElseThrow(() -> new AssertionError(err.toString(StandardCharsets.UTF_8)));

    assertTrue(out.toString(StandardCharsets.UTF_8).contains("session " + e.id()));
    try (SessionLibrary lib = SessionLibrary.open(dir)) {
      List<SessionEntry> listed = lib.list(SessionFilter.all());
      assertEquals(1, listed.size());
      assertEquals(e.id(), listed.get(0).id());
      assertTrue(listed.get(0).summary().rolls() >= 10, listed.get(0).summary().toString());
      // A reindex finds the same one session, not a copy.
      assertEquals(1, lib.reindex(false, (i, n, id) -> {}).indexed());
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aRecordingThatCannotBeIndexedIsKeptWithOneWarning() throws Exception {
    SessionLibrary.open(dir).close();
    Path file = dir.resolve("sessions").resolve("torn.rcrec");
    Files.write(file, "not a recording at all".getBytes(StandardCharsets.US_ASCII));

    assertTrue(index(file).isEmpty());

    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("roller-coach: warning: " + file), lines.get(0));
    assertEquals("not a recording at all", Files.readString(file));
  }

  @Test
  void aRecordingSavedElsewhereMakesNoLibrary() throws Exception {
    Path file = record(dir.resolve("sessions").resolve("mine.rcrec")); // no library.db beside sessions/

    assertTrue(index(file).isEmpty());

    assertFalse(Files.exists(dir.resolve("library.db")));
    assertEquals("", err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
  }
}
