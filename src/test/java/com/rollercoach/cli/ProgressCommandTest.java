package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code progress} as a physio runs it on a small library. */
class ProgressCommandTest {
  @TempDir Path dir;

  /** "5/7" in sessions list's CHECKS column is "5/7" on the progress page too (it said "5 / 7"). */
  @Test
  void aSessionsChecksReadTheSameInSessionsListAndOnTheProgressPage() throws Exception {
    String data = dir.resolve("data").toString();
    CliRun imported = CliRun.of("sessions", "import", "samples/typical-session.csv", "--patient", "Ann",
        "--date", "2026-11-04T09:00", "--data-dir", data);
    assertEquals(0, imported.code(), imported.err());
    String row = CliRun.of("sessions", "list", "--data-dir", data).out().lines().skip(1).findFirst().orElseThrow();
    String[] cols = row.trim().split("\\s+");
    String checks = cols[cols.length - 1];
    assertTrue(checks.matches("\\d+/\\d+"), row);

    Path html = dir.resolve("progress.html");
    CliRun progress = CliRun.of("progress", "--patient", "Ann", "--until", "2026-11-08", "--weeks", "2",
        "--data-dir", data, "--out", html.toString());
    assertEquals(0, progress.code(), progress.err());
    String page = Files.readString(html);
    assertTrue(page.contains(">" + checks + "<"), "no " + checks + " on the progress page");
  }
}
