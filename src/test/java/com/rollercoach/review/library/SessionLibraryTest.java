package com.rollercoach.review.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.review.TestSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionLibraryTest {
  @TempDir Path tmp;

  private static final Instant MON = Instant.parse("2026-11-02T08:00:00Z");
  private static final Instant WED = Instant.parse("2026-11-04T08:00:00Z");
  private static final Instant FRI = Instant.parse("2026-11-06T08:00:00Z");

  private Path csv(String name, double seconds) throws IOException {
    return TestSessions.writeCsv(tmp.resolve("in").resolve(name),
        Map.of("device", "roller-42", "roller_diameter_cm", "14"), seconds, 20);
  }

  private SessionEntry importAs(SessionLibrary lib, Path file, String patient, Instant when)
      throws IOException {
    return lib.importSession(file,
        SessionLibrary.ImportOptions.defaults().withPatient(patient).withStartedAt(when));
  }

  @Test
  void importedSessionRoundTripsThroughTheIndex() throws IOException {
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionEntry e = importAs(lib, csv("a.csv", 30), "Ann", MON);
      lib.note(e.id(), 6, 3, "stiff after desk work");

      SessionEntry back = lib.get(e.id());
      assertEquals("Ann", back.patient());
      assertEquals(MON, back.startedAt());
      assertEquals("roller-42", back.device());
      assertEquals("self-calibrating", back.calibration());
      assertEquals(14.0, back.rollerDiameterCm());
      assertEquals(OptionalInt.of(6), back.notes().painBefore());
      assertEquals(OptionalInt.of(3), back.notes().painAfter());
      assertEquals("stiff after desk work", back.notes().text());
      assertTrue(Files.exists(back.recording()));
      assertTrue(back.recording().startsWith(data.resolve("sessions")));
      assertEquals(e.summary(), back.summary());
      assertEquals(30.0, back.summary().durationS(), 0.05);
    }
  }

  @Test
  void filtersByPatientAndDateRangeNewestFirst() throws IOException {
    try (SessionLibrary lib = SessionLibrary.open(tmp.resolve("data"))) {
      importAs(lib, csv("1.csv", 5), "Ann", MON);
      importAs(lib, csv("2.csv", 6), "Bob", WED);
      importAs(lib, csv("3.csv", 7), "Ann", FRI);

      List<SessionEntry> ann = lib.list(SessionFilter.all().withPatient("Ann"));
      assertEquals(List.of(FRI, MON), ann.stream().map(SessionEntry::startedAt).toList());
      List<SessionEntry> midweek = lib.list(SessionFilter.all().between(WED, FRI));
      assertEquals(List.of("Bob"), midweek.stream().map(SessionEntry::patient).toList());
      assertEquals(1, lib.list(SessionFilter.all().limitedTo(1)).size());
      assertEquals(List.of("Ann", "Bob"), lib.patients());
    }
  }

  @Test
  void reindexRebuildsTheSameIndexFromTheFiles() throws IOException {
    Path data = tmp.resolve("data");
    List<SessionEntry> before;
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      importAs(lib, csv("1.csv", 5), "Ann", MON);
      SessionEntry b = importAs(lib, csv("2.csv", 6), "Bob", WED);
      lib.note(b.id(), 4, null, "sore at T6");
      before = lib.list(SessionFilter.all());
    }
    Files.delete(data.resolve("library.db"));
    Files.deleteIfExists(data.resolve("library.db-wal"));
    Files.deleteIfExists(data.resolve("library.db-shm"));
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      assertEquals(0, lib.list(SessionFilter.all()).size());
      var result = lib.reindex(false, (d, t, c) -> {});
      assertEquals(2, result.indexed());
      assertEquals(0, result.analysed(), "stored analyses are reused");
      assertEquals(before, lib.list(SessionFilter.all()));
      var again = lib.reindex(true, (d, t, c) -> {});
      assertEquals(2, again.analysed());
      assertEquals(before, lib.list(SessionFilter.all()));
    }
  }

  @Test
  void reindexAdoptsARecordingDroppedInWithoutSidecarsAndSkipsBrokenOnes() throws IOException {
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      TestSessions.writeCsv(data.resolve("sessions/live-1.csv"),
          Map.of("patient", "Cy", "start_time", "2026-11-03T07:00:00Z", "device", "dev-9"), 61, 10); // over a minute: listed
      Files.writeString(data.resolve("sessions/broken.csv"), "t_s,nothing\n1,2\n");
      int[] lastStep = {-1, -1};
      var result = lib.reindex(false, (d, t, c) -> {
        lastStep[0] = d;
        lastStep[1] = t;
      });
      assertEquals(1, result.indexed());
      assertEquals(1, result.problems().size());
      assertTrue(result.problems().get(0).contains("broken.csv"), result.problems().toString());
      assertEquals(2, lastStep[0]);
      assertEquals(2, lastStep[1]);
      SessionEntry e = lib.get("live-1");
      assertEquals("Cy", e.patient());
      assertEquals(Instant.parse("2026-11-03T07:00:00Z"), e.startedAt());
      assertEquals("dev-9", e.device());
      assertTrue(Files.exists(data.resolve("sessions/live-1.session.json")));
      assertTrue(Files.exists(data.resolve("sessions/broken.csv")), "never deletes what it cannot read");
    }
  }

  @Test
  void deleteRemovesFilesAndRowAndTheSameFileCannotBeImportedTwice() throws IOException {
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      Path f = csv("1.csv", 5);
      SessionEntry e = importAs(lib, f, "Ann", MON);
      IOException dup = assertThrows(IOException.class, () -> importAs(lib, f, "Ann", MON));
      assertTrue(dup.getMessage().contains("already in the library"), dup.getMessage());
      lib.delete(e.id().substring(0, 12));
      assertFalse(Files.exists(e.recording()));
      try (var files = Files.list(data.resolve("sessions"))) {
        assertEquals(0, files.count());
      }
      assertThrows(IOException.class, () -> lib.get(e.id()));
    }
  }

  /** {@code sessions delete} deletes the entry it has just looked up and checked, not a second lookup's. */
  @Test
  void deletesTheSessionAlreadyLookedUp() throws IOException {
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      SessionEntry kept = importAs(lib, csv("1.csv", 5), "Ann", MON);
      SessionEntry e = importAs(lib, csv("2.csv", 6), "Ann", MON.plusSeconds(3600));
      SessionEntry found = lib.get(e.id());
      lib.delete(found);
      assertFalse(Files.exists(e.recording()));
      assertThrows(IOException.class, () -> lib.get(e.id()));
      assertEquals(List.of(kept.id()), lib.list(SessionFilter.all()).stream().map(SessionEntry::id).toList());
    }
  }

  @Test
  void refusesAnIndexFromANewerSchema() throws Exception {
    Path data = tmp.resolve("data");
    SessionLibrary.open(data).close();
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("library.db"));
        var st = c.createStatement()) {
      assertEquals(SessionIndex.SCHEMA_VERSION,
          st.executeQuery("PRAGMA user_version").getInt(1));
      st.execute("PRAGMA user_version = 99");
    }
    IOException e = assertThrows(IOException.class, () -> SessionLibrary.open(data));
    assertTrue(e.getMessage().contains("reindex"), e.getMessage());
  }

  /** Schema 1 froze protocol-default verdicts in the index; opening it drops them and keeps the rows. */
  @Test
  void anIndexOfSchemaOneLosesItsStoredVerdictsAndKeepsItsSessions() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("library.db"));
        var st = c.createStatement()) {
      for (String sql : SessionIndex.MIGRATIONS[0].split(";")) if (!sql.isBlank()) st.execute(sql);
      st.execute("PRAGMA user_version = 1");
      st.execute("INSERT INTO sessions VALUES ('old-1', 'Ann', 1762070400000, '', 'self-calibrating', 15,"
          + " 'sessions/old-1.csv', 120, 110, 28, 14, 2.5, 10, 0, 0, 0, NULL, 0, 0, 4, 5, 'frozen', 6, 3, 'ok')");
    }
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      assertEquals(SessionIndex.SCHEMA_VERSION, lib.index().schemaVersion());
      SessionEntry e = lib.get("old-1");
      assertEquals(14, e.summary().rolls());
      assertEquals(3, e.notes().painAfter().getAsInt());
      assertEquals("ok", e.notes().text());
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("library.db"));
        var rs = c.createStatement().executeQuery("SELECT name FROM pragma_table_info('sessions')")) {
      List<String> columns = new java.util.ArrayList<>();
      while (rs.next()) columns.add(rs.getString(1));
      assertFalse(columns.stream().anyMatch(n -> n.startsWith("verdict")), columns.toString());
    }
  }

  @Test
  void importsALiveRecordingWithItsHeaderFacts() throws IOException {
    Path rec = tmp.resolve("in/live.rcrec");
    Files.createDirectories(rec.getParent());
    var header = new RecordingHeader(Instant.parse("2026-11-25T12:00:00Z"), "serial /dev/ttyACM0",
        "auto", Optional.of(new DeviceInfo(1, "RC-0042", "1.2.0", "LSM6DSOX", 4, 500, 200)),
        SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM, "14.5"));
    try (RecordingWriter w = RecordingWriter.create(rec, header)) {
      List<ImuSample> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 1000; i++) batch.add(new ImuSample(i * 0.005, 0, 0, 1, 0, 0, 10));
      w.samples(0.1, batch.subList(0, 500));
      w.samples(0.2, batch.subList(500, 1000));
      w.close(6.0, Map.of());
    }
    try (SessionLibrary lib = SessionLibrary.open(tmp.resolve("data"))) {
      SessionEntry e = lib.importSession(rec, SessionLibrary.ImportOptions.defaults());
      assertEquals(Instant.parse("2026-11-25T12:00:00Z"), e.startedAt());
      assertEquals("RC-0042 (LSM6DSOX)", e.device());
      assertEquals(14.5, e.rollerDiameterCm());
      assertEquals(SessionLibrary.UNKNOWN_PATIENT, e.patient());
      assertEquals(4.995, e.summary().durationS(), 1e-9);
      assertTrue(e.recording().toString().endsWith(".rcrec"));
      var replay = lib.replay(e);
      assertEquals(1000, replay.quality().samples());
      assertEquals(200.0, replay.quality().nominalRateHz(), 1e-6);
      assertEquals(OptionalLong.of(0), replay.quality().framesLost());
    }
  }

  @Test
  void aFilesPatientComesFromItsPatientFieldOnlyNotTheSimulatorsProfile() throws IOException {
    Path simulated = TestSessions.writeCsv(tmp.resolve("in").resolve("sim.csv"),
        Map.of("device", "roller-42", "source", "roller-coach simulate", "profile", "stiff"), 30, 20);
    Path named = TestSessions.writeCsv(tmp.resolve("in").resolve("named.csv"),
        Map.of("device", "roller-42", "patient", "Bea", "profile", "stiff"), 31, 20);
    try (SessionLibrary lib = SessionLibrary.open(tmp.resolve("data"))) {
      assertEquals(SessionLibrary.UNKNOWN_PATIENT,
          lib.importSession(simulated, SessionLibrary.ImportOptions.defaults()).patient());
      assertEquals("Bea", lib.importSession(named, SessionLibrary.ImportOptions.defaults()).patient());
    }
    Path again = TestSessions.writeCsv(tmp.resolve("in2").resolve("sim.csv"),
        Map.of("device", "roller-42", "profile", "stiff"), 32, 20);
    try (SessionLibrary lib = SessionLibrary.open(tmp.resolve("data"))) {
      assertEquals("Cy", lib.importSession(again, SessionLibrary.ImportOptions.defaults().withPatient("Cy")).patient());
    }
  }

  @Test
  void theSessionsFolderNamesItsDataFolder() throws IOException {
    Path data = tmp.resolve("data");
    SessionLibrary.open(data).close();
    assertEquals(data, SessionLibrary.rootOf(data.resolve("sessions")));
    assertEquals(data, SessionLibrary.rootOf(data));
  }

  /** A row the reader refuses is reported against the file the physio gave, not the library's copy. */
  @Test
  void aBadRowInAnImportedFileNamesThatFileNotTheLibrarysCopy() throws IOException {
    Path bad = csv("bad.csv", 20);
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(bad));
    lines.add(lines.size() / 2, "garbage,row");
    Files.write(bad, lines);
    Path data = tmp.resolve("data");
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      IOException e = assertThrows(IOException.class,
          () -> lib.importSession(bad, SessionLibrary.ImportOptions.defaults()));
      assertTrue(e.getMessage().startsWith(bad + ":"), e.getMessage());
      assertFalse(e.getMessage().contains(data.resolve("sessions").toString()), e.getMessage());
      assertTrue(lib.list(SessionFilter.all()).isEmpty());
    }
    try (var left = Files.list(data.resolve("sessions"))) {
      assertEquals(List.of(), left.toList(), "nothing left in sessions/");
    }
  }

  @Test
  void painOutsideTheScaleIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new SessionNotes(OptionalInt.of(11), OptionalInt.empty(), ""));
  }
}
