package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.patients.Patients;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientsCommandTest {
  @TempDir Path data;

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    return CliRun.of(all);
  }

  @Test
  void helpWorksForEverySubcommand() {
    for (String sub : new String[] {"list", "add", "show", "prescribe"}) {
      CliRun r = CliRun.of("patients", sub, "--help");
      assertEquals(0, r.code(), sub + ": " + r.err());
      assertTrue(r.out().contains("--data-dir"), r.out());
    }
    assertEquals(0, CliRun.of("patients", "--help").code());
  }

  @Test
  void addPrescribeShowList() {
    assertEquals(0, run("patients", "add", "Anna").code());
    CliRun p = run("patients", "prescribe", "Anna", "--rolls", "8-15", "--seconds-per-pass", "3-5",
        "--tender-spot", "30-90", "--hold", "45", "--per-week", "4", "--from", "2026-03-01");
    assertEquals(0, p.code(), p.err());
    assertEquals(new Prescription(8, 15, 3, 5, 30, 90, 45, 4),
        Patients.open(data).prescriptionOn("Anna", LocalDate.of(2026, 3, 2)));
    // Only --hold changes later; the rest is carried over from the one in force.
    assertEquals(0, run("patients", "prescribe", "Anna", "--hold", "60", "--from", "2026-04-01").code());
    assertEquals(new Prescription(8, 15, 3, 5, 30, 90, 60, 4),
        Patients.open(data).prescriptionOn("Anna", LocalDate.of(2026, 4, 2)));
    CliRun show = run("patients", "show", "Anna");
    assertEquals(0, show.code());
    assertTrue(show.out().contains("from 2026-03-01: rolls 8–15 · 3–5 s/pass · tender spots 30–90 s · hold 45 s · 4×/week"),
        show.out());
    assertTrue(show.out().contains("from 2026-04-01:"), show.out());
    CliRun list = run("patients", "list");
    assertTrue(list.out().contains("Anna") && list.out().contains("1 patient(s)"), list.out());
  }

  /** Prescribing for a name nobody has yet adds the patient, and says so: a misspelt name shows. */
  @Test
  void prescribingForANewNameSaysThePatientWasAdded() {
    assertEquals(0, run("patients", "add", "Ann").code());
    CliRun known = run("patients", "prescribe", "Ann", "--hold", "45", "--from", "2026-03-01");
    assertEquals(0, known.code(), known.err());
    assertTrue(known.out().startsWith("Prescribed for Ann from 2026-03-01"), known.out());
    CliRun typo = run("patients", "prescribe", "Anne", "--hold", "45", "--from", "2026-03-01");
    assertEquals(0, typo.code(), typo.err());
    assertEquals("Added Anne (a new patient)", typo.out().lines().findFirst().orElseThrow());
    assertTrue(typo.out().lines().skip(1).findFirst().orElseThrow().startsWith("Prescribed for Anne"), typo.out());
  }

  @Test
  void listShowsThePatientsTheLibraryHasSessionsOfToo() {
    // imported for Ann, never prescribed: `progress` knew her, `patients list` said 0 patients
    assertEquals(0, run("sessions", "import", "samples/two-sets.csv", "--patient", "Ann").code());
    assertEquals(0, run("patients", "add", "Bob").code());
    CliRun list = run("patients", "list");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("2 patient(s)"), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("Ann ") && l.contains("no prescription")), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("Bob ") && l.contains("rolls 10–20")), list.out());
    // and `patients show` shows the Ann just listed, with the protocol's defaults (it said "no patient named Ann")
    CliRun show = run("patients", "show", "Ann");
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().startsWith("Ann\n  in force today: rolls 10–20"), show.out());
    assertTrue(show.out().contains("history: none (the protocol's defaults)"), show.out());
    assertEquals(2, run("patients", "show", "Annie").code());
  }

  /**
   * A name is one patient whatever its case, for the patients commands too: with sessions imported for
   * "Dan" (never prescribed), `patients show dan` said "no patient named dan", and `patients prescribe
   * dan` said "Added dan (a new patient)" and left two patients in `patients list`, "Dan" on the
   * protocol's defaults beside "dan" with the prescription his sessions were judged by.
   */
  @Test
  void aPatientTheLibraryKnowsIsTheSameWhateverTheCaseTyped() {
    assertEquals(0, run("sessions", "import", "samples/two-sets.csv", "--patient", "Dan").code());
    CliRun show = run("patients", "show", "dan");
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().startsWith("Dan\n"), show.out());
    CliRun p = run("patients", "prescribe", "dan", "--hold", "45", "--from", "2026-03-01");
    assertEquals(0, p.code(), p.err());
    assertTrue(p.out().startsWith("Prescribed for Dan from 2026-03-01"), p.out());
    CliRun list = run("patients", "list");
    assertTrue(list.out().contains("1 patient(s)"), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("Dan ") && l.contains("hold 45 s")), list.out());
    CliRun add = run("patients", "add", "DAN");
    assertEquals("Already a patient: Dan", add.out().strip());
  }

  /** A data folder split before (patient file "dan", sessions of "Dan") lists one patient, prescribed. */
  @Test
  void aPatientFileAndLibrarySessionsSpelledDifferentlyAreOnePatientInTheList() {
    assertEquals(0, run("sessions", "import", "samples/two-sets.csv", "--patient", "Dan").code());
    Patients.open(data).prescribe("dan", new Prescription(10, 20, 2, 4, 60, 120, 45, 3), LocalDate.of(2026, 3, 1));
    CliRun list = run("patients", "list");
    assertTrue(list.out().contains("1 patient(s)"), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("dan ") && l.contains("hold 45 s")), list.out());
  }

  @Test
  void badInputIsOneLineWithExitCode2() {
    for (String[] args : new String[][] {
        {"patients", "add", "../x"},
        {"patients", "show", "Nobody"},
        {"patients", "prescribe", "Anna", "--rolls", "twenty"},
        {"patients", "prescribe", "Anna", "--rolls", "20-10"},
        {"patients", "prescribe", "Anna", "--from", "yesterday"}}) {
      CliRun r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + " → " + r.out() + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("roller-coach: "), r.err());
    }
  }

  /** A refused value is echoed as it was typed: "--hold -5", not "-5.0". */
  @Test
  void aRefusedPrescriptionEchoesTheValueAsTyped() {
    CliRun neg = run("patients", "prescribe", "Ann", "--hold", "-5");
    assertEquals(2, neg.code(), neg.out());
    assertEquals("roller-coach: --hold -5: must be more than 0 and at most 600 s", neg.err().strip());
    CliRun big = run("patients", "prescribe", "Ann", "--hold", "900");
    assertEquals("roller-coach: --hold 900: must be more than 0 and at most 600 s", big.err().strip());
    CliRun week = run("patients", "prescribe", "Ann", "--per-week", "40");
    assertEquals("roller-coach: --per-week 40: must be 1–35", week.err().strip());
  }
}
