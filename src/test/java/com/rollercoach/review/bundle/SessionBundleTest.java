package com.rollercoach.review.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.TestSessions;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.patients.Patients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBundleTest {
  @TempDir Path tmp;

  private static final Prescription RX = new Prescription(8, 16, 3, 5, 60, 90, 45, 4);

  /** The patient's machine: three sessions of Ann (two with notes), one of Bo, Ann's prescription. */
  private Path patientMachine() throws IOException {
    Path home = tmp.resolve("home");
    try (SessionLibrary lib = SessionLibrary.open(home)) {
      String[] days = {"2026-11-02T08:00:00Z", "2026-11-04T08:00:00Z", "2026-11-09T08:00:00Z"};
      for (int i = 0; i < days.length; i++) {
        Path csv = TestSessions.writeCsv(tmp.resolve("in/ann" + i + ".csv"), Map.of(), 60 + 10 * i, 20);
        SessionNotes notes = i == 0 ? new SessionNotes(OptionalInt.of(6), OptionalInt.of(3), "stiff <b>T6</b>")
            : i == 2 ? new SessionNotes(OptionalInt.empty(), OptionalInt.of(2), "") : SessionNotes.none();
        lib.importSession(csv, new SessionLibrary.ImportOptions(Optional.of("Ann"),
            Optional.of(Instant.parse(days[i])), Optional.empty(), Optional.empty(), notes));
      }
      Path bo = TestSessions.writeCsv(tmp.resolve("in/bo.csv"), Map.of(), 50, 20);
      lib.importSession(bo, SessionLibrary.ImportOptions.defaults().withPatient("Bo"));
    }
    Patients.open(home).prescribe("Ann", RX, LocalDate.of(2026, 10, 30));
    return home;
  }

  @Test
  void exportThenImportOnAnEmptyLibraryGivesIdenticalSessionsAndNotesAndASecondImportAddsNothing() throws Exception {
    Path home = patientMachine();
    Path zip = tmp.resolve("to-physio.bundle"); // any name: recognised by its manifest
    List<SessionEntry> sent;
    try (SessionLibrary lib = SessionLibrary.open(home)) {
      var r = SessionBundle.export(lib, Patients.open(home), "Ann", null, zip);
      assertEquals(3, r.sessions());
      sent = lib.list(SessionFilter.all().withPatient("Ann"));
    }
    assertTrue(SessionBundle.isBundle(zip));
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        String text = new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains(tmp.toString()), e.getName() + " carries a path of the patient's machine");
      }
    }
    assertFalse(SessionBundle.isBundle(TestSessions.writeCsv(tmp.resolve("plain.csv"), Map.of(), 10, 20)));

    Path clinic = tmp.resolve("clinic");
    try (SessionLibrary lib = SessionLibrary.open(clinic)) {
      var first = SessionBundle.importBundle(zip, lib, Patients.open(clinic));
      assertEquals(3, first.added().size());
      assertEquals(0, first.skipped().size());
      assertEquals(1, first.prescriptionsAdded());
      List<SessionEntry> got = lib.list(SessionFilter.all());
      assertEquals(3, got.size());
      for (SessionEntry s : sent) {
        SessionEntry g = lib.get(s.id());
        assertEquals(s.patient(), g.patient());
        assertEquals(s.startedAt(), g.startedAt());
        assertEquals(s.notes(), g.notes(), "notes of " + s.id());
        assertEquals(s.summary(), g.summary(), "same analysis of " + s.id());
        assertEquals(-1, Files.mismatch(s.recording(), g.recording()), "recording bytes");
      }
      assertEquals(RX, Patients.open(clinic).prescriptionOn("Ann", LocalDate.of(2026, 11, 5)));

      var second = SessionBundle.importBundle(zip, lib, Patients.open(clinic));
      assertEquals(0, second.added().size());
      assertEquals(3, second.skipped().size());
      assertEquals(0, second.prescriptionsAdded());
      assertEquals(3, lib.list(SessionFilter.all()).size());
      assertEquals(1, Patients.open(clinic).history("Ann").size());
    }
  }

  @Test
  void sinceLimitsTheExport() throws Exception {
    Path home = patientMachine();
    try (SessionLibrary lib = SessionLibrary.open(home)) {
      var r = SessionBundle.export(lib, Patients.open(home), "Ann", LocalDate.of(2026, 11, 4), tmp.resolve("b.zip"));
      assertEquals(2, r.sessions());
    }
  }

  @Test
  void aDamagedOrHostileBundleIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path home = patientMachine();
    Path zip = tmp.resolve("b.zip");
    try (SessionLibrary lib = SessionLibrary.open(home)) {
      SessionBundle.export(lib, Patients.open(home), "Ann", null, zip);
    }
    // Same manifest, one recording changed by a byte.
    Path damaged = rewrite(zip, tmp.resolve("damaged.zip"), (name, bytes) -> {
      if (name.endsWith(".csv")) bytes[bytes.length - 2] ^= 1;
      return bytes;
    });
    Path clinic = tmp.resolve("clinic");
    try (SessionLibrary lib = SessionLibrary.open(clinic)) {
      IOException e = assertThrows(IOException.class, () -> SessionBundle.importBundle(damaged, lib, Patients.open(clinic)));
      assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
      assertEquals(0, lib.list(SessionFilter.all()).size(), "nothing imported");
      // A manifest naming a file outside sessions/ (zip slip).
      Path slip = rewrite(zip, tmp.resolve("slip.zip"), (name, bytes) -> name.equals(SessionBundle.MANIFEST)
          ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\"prescription.json\"", "\"../../etc/x\"")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8) : bytes);
      IOException s = assertThrows(IOException.class, () -> SessionBundle.importBundle(slip, lib, Patients.open(clinic)));
      assertTrue(s.getMessage().contains("not a name a bundle may contain"), s.getMessage());
      assertEquals(0, lib.list(SessionFilter.all()).size());
    }
  }

  private interface Edit {
    byte[] apply(String name, byte[] bytes);
  }

  private static Path rewrite(Path in, Path out, Edit edit) throws IOException {
    try (ZipFile z = new ZipFile(in.toFile()); OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zo = new ZipOutputStream(os)) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        byte[] b = z.getInputStream(e).readAllBytes();
        zo.putNextEntry(new ZipEntry(e.getName()));
        zo.write(edit.apply(e.getName(), b));
        zo.closeEntry();
      }
    }
    return out;
  }
}
