package com.rollercoach.review.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingLock;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.review.TestSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 defects 5, 9 and 14: whatever the library's own files say, it stays in its folder. */
class LibrarySafetyTest {
  @TempDir Path tmp;

  private Path csv(String name) throws IOException {
    return TestSessions.writeCsv(tmp.resolve("in").resolve(name),
        Map.of("device", "roller-42", "roller_diameter_cm", "14"), 20, 20);
  }

  private static SessionLibrary.ImportOptions at(Instant t) {
    return SessionLibrary.ImportOptions.defaults().withStartedAt(t);
  }

  /** Defect 5: a manifest id of ../../victim/pwn made reindex write an analysis outside the folder. */
  @Test
  void aManifestIdLeadingOutsideIsRefused() throws IOException {
    Path data = tmp.resolve("a/b/data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionEntry e = lib.importSession(csv("s.csv"), at(Instant.parse("2026-11-02T08:00:00Z")));
      Path mf = lib.manifestFile(e.id());
      Files.writeString(mf, Files.readString(mf).replace("\"" + e.id() + "\"", "\"../../victim/pwn\""));
      SessionLibrary.ReindexResult r = lib.reindex(true, (d, t, c) -> {});
      assertEquals(0, r.indexed());
      assertTrue(r.problems().get(0).contains("does not match"), r.problems().toString());
    }
    try (var files = Files.walk(tmp)) {
      assertFalse(files.anyMatch(p -> p.toString().contains("victim")), "nothing written outside");
    }
    for (String bad : List.of("../x", "..", "a/b", "/etc/passwd", "", ".hidden", "a\\b", "x\u0000y")) {
      assertThrows(IOException.class, () -> SessionLibrary.checkedId(bad), bad);
    }
    assertEquals("20261102-080000-1a2b3c4d", SessionLibrary.checkedId("20261102-080000-1a2b3c4d"));
    assertEquals("séance (1)", SessionLibrary.checkedId("séance (1)")); // a recording's own name
  }

  /** Defect 5: a library.db row holding any path was deleted by `sessions delete`. */
  @Test
  void anIndexRowPointingOutsideIsNeitherDeletedNorRead() throws Exception {
    Path data = tmp.resolve("data");
    Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious");
    String id;
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      id = lib.importSession(csv("s.csv"), at(Instant.parse("2026-11-02T08:00:00Z"))).id();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("library.db"));
        PreparedStatement st = c.prepareStatement("UPDATE sessions SET recording = ? WHERE id = ?")) {
      st.setString(1, "../victim.txt");
      st.setString(2, id);
      assertEquals(1, st.executeUpdate());
    }
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionEntry e = lib.get(id);
      IOException refused = assertThrows(IOException.class, () -> lib.delete(id));
      assertTrue(refused.getMessage().contains("outside the library's sessions folder"), refused.getMessage());
      assertThrows(IOException.class, () -> lib.replay(e));
    }
    assertEquals("precious", Files.readString(victim));
  }

  /** Defect 9: reindex adopted a recording still being written (and left a stale row for good). */
  @Test
  void aRecordingInProgressIsNotAdoptedUntilItEnds() throws IOException {
    Path data = tmp.resolve("data");
    Path rec = data.resolve("sessions").resolve("session-20261102-080000.rcrec");
    Files.createDirectories(rec.getParent());
    RecordingWriter w = RecordingWriter.create(rec, new RecordingHeader(Instant.parse("2026-11-02T08:00:00Z"),
        "test", "auto", Optional.empty(), SessionMetadata.empty()));
    List<ImuSample> samples = new ArrayList<>();
    for (int i = 0; i < 3500; i++) samples.add(new ImuSample(i * 0.02, 0, 1, 0, 0, 0, 1)); // 70 s: over a minute
    w.samples(0, samples);
    w.flush();
    assertTrue(RecordingLock.isBeingWritten(rec));
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionLibrary.ReindexResult r = lib.reindex(false, (d, t, c) -> {});
      assertEquals(0, r.indexed());
      assertTrue(r.problems().get(0).contains("still being recorded"), r.problems().toString());
      assertThrows(IOException.class, () -> lib.adopt(rec));
      w.close();
      assertFalse(RecordingLock.isBeingWritten(rec));
      assertEquals(70.0, lib.adopt(rec).summary().durationS(), 0.05);
      assertEquals(1, lib.reindex(false, (d, t, c) -> {}).indexed());
    }
  }

  /** A marker left by kill -9 names a dead process: the recording is adopted. */
  @Test
  void aMarkerOfADeadProcessDoesNotHideTheRecording() throws Exception {
    Path rec = tmp.resolve("r.rcrec");
    Files.writeString(rec, "x");
    Process p = new ProcessBuilder("true").start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    Files.writeString(tmp.resolve("r.rcrec.writing"), Long.toString(p.pid()), StandardCharsets.US_ASCII);
    assertFalse(RecordingLock.isBeingWritten(rec));
    Files.writeString(tmp.resolve("r.rcrec.writing"), Long.toString(ProcessHandle.current().pid()));
    assertTrue(RecordingLock.isBeingWritten(rec));
  }

  /** Defect 14: a corrupt library.db was not rebuilt by reindex, though documented as a cache. */
  @Test
  void reindexRebuildsACorruptIndexAndKeepsTheDamagedOne() throws IOException {
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      lib.importSession(csv("s.csv"), at(Instant.parse("2026-11-02T08:00:00Z")));
    }
    byte[] garbage = new byte[8192];
    new java.util.Random(13).nextBytes(garbage);
    Files.write(data.resolve("library.db"), garbage);
    Files.deleteIfExists(data.resolve("library.db-wal"));
    Files.deleteIfExists(data.resolve("library.db-shm"));
    assertThrows(IOException.class, () -> SessionLibrary.open(data).close());
    try (SessionLibrary lib = SessionLibrary.openForReindex(data)) {
      assertTrue(lib.damagedIndexMovedTo().isPresent());
      assertEquals(1, lib.reindex(false, (d, t, c) -> {}).indexed());
      assertArrayEquals(garbage, Files.readAllBytes(lib.damagedIndexMovedTo().get()));
    }
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      assertEquals(1, lib.list(SessionFilter.all()).size());
    }
  }

  /**
   * Every command but reindex opens the library as it is: a damaged index said only "[SQLITE_NOTADB]
   * File opened that is not a database file", and nothing about the command that rebuilds it.
   */
  @Test
  void aDamagedIndexSaysWhichCommandRebuildsIt() throws IOException {
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      lib.importSession(csv("s.csv"), at(Instant.parse("2026-11-02T08:00:00Z")));
    }
    Files.writeString(data.resolve("library.db"), "not a database, ".repeat(64));
    Files.deleteIfExists(data.resolve("library.db-wal"));
    Files.deleteIfExists(data.resolve("library.db-shm"));
    IOException e = assertThrows(IOException.class, () -> SessionLibrary.open(data).close());
    assertTrue(e.getMessage().startsWith(data.resolve("library.db") + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("sessions reindex"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  private static void assertArrayEquals(byte[] a, byte[] b) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
  }

  /**
   * Defect 9: two processes opening a new library raced on the schema ("table sessions already
   * exists") and one session was not imported. Two JVMs, each importing its own file at once.
   */
  @Test
  @Timeout(120)
  void twoProcessesOpeningANewLibraryBothImport() throws Exception {
    Path data = tmp.resolve("data");
    Path a = csv("a.csv");
    Path b = TestSessions.writeCsv(tmp.resolve("in").resolve("b.csv"), Map.of("device", "other"), 25, 20);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<Process> ps = new ArrayList<>();
    for (Path f : List.of(a, b)) {
      ps.add(new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", cp,
          ImportOne.class.getName(), data.toString(), f.toString())
          .redirectErrorStream(true).start());
    }
    for (Process p : ps) {
      assertTrue(p.waitFor(100, TimeUnit.SECONDS), "process hung");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
    }
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      assertEquals(2, lib.list(SessionFilter.all()).size());
      assertEquals(SessionIndex.SCHEMA_VERSION, lib.index().schemaVersion());
    }
  }

  /** Defect 12: a recording cut by kill -9 got no note in the library or the report. */
  @Test
  void anInterruptedRecordingCarriesANoteInTheLibraryAndTheReport() throws IOException {
    Path data = tmp.resolve("data");
    Path rec = data.resolve("sessions").resolve("session-20261102-080000.rcrec");
    Files.createDirectories(rec.getParent());
    RecordingWriter w = RecordingWriter.create(rec, new RecordingHeader(Instant.parse("2026-11-02T08:00:00Z"),
        "test", "auto", Optional.empty(), SessionMetadata.empty()));
    List<ImuSample> samples = new ArrayList<>();
    for (int i = 0; i < 3500; i++) samples.add(new ImuSample(i * 0.02, 0, 1, 0, 0, 0, 1)); // 70 s: over a minute
    w.samples(0, samples);
    w.flush();
    // as after kill -9: no END record, and the marker names a process that is gone
    Files.delete(rec.resolveSibling(rec.getFileName() + ".writing"));
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionEntry e = lib.adopt(rec);
      assertTrue(e.notes().text().startsWith("Recording interrupted"), e.notes().text());
      assertTrue(lib.get(e.id()).notes().text().startsWith("Recording interrupted"), "in the index too");
      String html = new com.rollercoach.review.report.SessionReport(lib.get(e.id()), lib.replay(e),
          com.rollercoach.core.coach.Prescription.protocolDefault()).html();
      assertTrue(html.contains("interrupted: the recorder did not close it"), "in the report");
      // reindexing again does not add the note twice
      lib.reindex(true, (d, t, c) -> {});
      String text = lib.get(e.id()).notes().text();
      assertEquals(text.indexOf("Recording interrupted"), text.lastIndexOf("Recording interrupted"), text);
    }
  }

  /** The path check must accept a library opened by a relative path (as `--data-dir lib` gives). */
  @Test
  void aLibraryOpenedByARelativePathStillDeletesItsOwnSessions() throws IOException {
    Path data = Path.of("target", "relative-library-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionEntry e = lib.importSession(csv("s.csv"), at(Instant.parse("2026-11-02T08:00:00Z")));
      assertTrue(lib.replay(lib.get(e.id())).quality().samples() > 0);
      lib.delete(e.id());
      assertEquals(0, lib.list(SessionFilter.all()).size());
    } finally {
      try (var all = Files.walk(data)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  /** The child process of {@link #twoProcessesOpeningANewLibraryBothImport}. */
  public static final class ImportOne {
    public static void main(String[] args) throws Exception {
      try (SessionLibrary lib = SessionLibrary.open(Path.of(args[0]))) {
        lib.importSession(Path.of(args[1]), SessionLibrary.ImportOptions.defaults());
      }
    }
  }
}
