package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress page's charts drew today's prescription across every week: a patient prescribed a
 * 60 s hold and 10–20 rolls until 8 Nov, then a 120 s hold and 15–25 rolls, had her first weeks
 * drawn against 120 s and 15–25, the targets she was never given then. Each week is drawn against
 * the prescription in force then, and the chart says so.
 */
class ProgressPrescriptionHistoryTest {
  @TempDir Path dir;

  private String run(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code(), r.err());
    return r.out();
  }

  @Test
  void eachWeekIsDrawnAgainstThePrescriptionInForceThen() throws Exception {
    String data = dir.resolve("data").toString();
    run("patients", "prescribe", "Ann", "--from", "2026-10-26", "--hold", "60", "--rolls", "10-20",
        "--per-week", "3", "--data-dir", data);
    run("patients", "prescribe", "Ann", "--from", "2026-11-09", "--hold", "120", "--rolls", "15-25",
        "--per-week", "5", "--data-dir", data);
    run("sessions", "import", "samples/typical-session.csv", "--patient", "Ann", "--date", "2026-11-04T09:00",
        "--data-dir", data);
    run("sessions", "import", "samples/two-sets.csv", "--patient", "Ann", "--date", "2026-11-11T09:00",
        "--data-dir", data);
    Path html = dir.resolve("p.html");
    run("progress", "--patient", "Ann", "--until", "2026-11-15", "--weeks", "3", "--data-dir", data,
        "--out", html.toString());
    String page = Files.readString(html);
    // the targets as prescribed, week by week, named on the charts
    assertTrue(page.contains("target as prescribed: 60 s, from 9 Nov 120 s"), "hold chart");
    assertTrue(page.contains("target as prescribed: 10–20, from 9 Nov 15–25"), "rolls chart");
    assertTrue(page.contains("prescribed: 3 a week, from 9 Nov 5"), "sessions per week chart");
    assertFalse(page.contains(">target 15–25<"), "no single band of today's rolls");
  }

  @Test
  void anUnchangedPrescriptionKeepsItsOneLine() throws Exception {
    String data = dir.resolve("data").toString();
    run("patients", "prescribe", "Ann", "--from", "2026-10-26", "--hold", "90", "--rolls", "12-18",
        "--data-dir", data);
    run("sessions", "import", "samples/typical-session.csv", "--patient", "Ann", "--date", "2026-11-04T09:00",
        "--data-dir", data);
    Path html = dir.resolve("p.html");
    run("progress", "--patient", "Ann", "--until", "2026-11-15", "--weeks", "3", "--data-dir", data,
        "--out", html.toString());
    String page = Files.readString(html);
    assertTrue(page.contains(">target 12–18<"), "rolls band");
    assertFalse(page.contains("as prescribed:"));
  }
}
