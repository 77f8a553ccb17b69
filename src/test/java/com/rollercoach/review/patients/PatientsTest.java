package com.rollercoach.review.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Prescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientsTest {
  @TempDir Path data;

  private static final Prescription LIGHT = new Prescription(6, 12, 3, 5, 45, 90, 40, 2);
  private static final Prescription MORE = new Prescription(15, 25, 2, 4, 60, 120, 90, 5);

  @Test
  void addListAndDefaults() {
    Patients p = Patients.open(data);
    assertEquals(List.of(), p.names());
    p.add("  Zoë Müller ");
    p.add("anna");
    p.add("Anna"); // same patient, case-folded: nothing new
    assertEquals(List.of("anna", "Zoë Müller"), p.names());
    assertEquals(Prescription.protocolDefault(), p.prescriptionOn("anna", LocalDate.of(2026, 1, 1)));
    assertEquals(Prescription.protocolDefault(), p.prescriptionOn("never added", LocalDate.of(2026, 1, 1)));
    assertEquals(List.of(), p.history("anna"));
  }

  @Test
  void prescriptionInForceOnTheSessionDateAndHistoryKept() {
    Patients p = Patients.open(data);
    p.prescribe("Bo", LIGHT, LocalDate.of(2026, 3, 1));
    p.prescribe("Bo", MORE, LocalDate.of(2026, 4, 1));
    assertEquals(Prescription.protocolDefault(), p.prescriptionOn("Bo", LocalDate.of(2026, 2, 28)));
    assertEquals(LIGHT, p.prescriptionOn("Bo", LocalDate.of(2026, 3, 1)));
    assertEquals(LIGHT, p.prescriptionOn("Bo", LocalDate.of(2026, 3, 31)));
    assertEquals(MORE, p.prescriptionOn("Bo", LocalDate.of(2026, 4, 1)));
    // A correction on the same day replaces that entry only.
    p.prescribe("Bo", LIGHT, LocalDate.of(2026, 4, 1));
    assertEquals(List.of(new Dated<>(LocalDate.of(2026, 3, 1), LIGHT), new Dated<>(LocalDate.of(2026, 4, 1), LIGHT)),
        p.history("Bo"));
    // Persisted: a fresh instance reads the same.
    assertEquals(p.history("Bo"), Patients.open(data).history("bo"));
    assertEquals(List.of("Bo"), Patients.open(data).names());
  }

  @Test
  void badNamesAreRefusedWithAReason() {
    Patients p = Patients.open(data);
    for (String bad : new String[] {"", "  ", "../etc", "a/b", "<script>", "x\u0007", ".hidden", "a".repeat(65)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.add(bad), bad);
      assertTrue(e.getMessage().startsWith("patient name") || e.getMessage().startsWith("a patient needs"),
          e.getMessage());
    }
    assertTrue(!Files.exists(p.folder()) || p.names().isEmpty());
  }

  @Test
  void aCorruptFileIsOneLineNamingIt() throws Exception {
    Patients p = Patients.open(data);
    p.add("Cy");
    Path f = Files.list(p.folder()).findFirst().orElseThrow();
    Files.writeString(f, "{\"format\":\"roller-coach-patient\",\"schema\":1,\"name\":\"Cy\",\"prescriptions\":"
        + "[{\"from\":\"2026-01-01\",\"rolls_min\":\"ten\"}]}");
    PatientFileException e = assertThrows(PatientFileException.class, () -> p.history("Cy"));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("rolls_min"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
