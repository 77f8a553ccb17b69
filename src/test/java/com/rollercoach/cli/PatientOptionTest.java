package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `replay --patient NAME` follows that patient's prescription, whatever the case typed. */
class PatientOptionTest {
  @TempDir Path data;

  private static final String SAMPLE = "samples/typical-session.csv";

  @Test
  void theNameIsMatchedWhateverTheCaseAndAnUnknownOneIsSaid() {
    CliRun p = CliRun.of("patients", "prescribe", "Dan", "--rolls", "12-16", "--data-dir", data.toString());
    assertEquals(0, p.code(), p.err());
    CliRun dan = CliRun.of("replay", SAMPLE, "--speed", "max", "--patient", "dan", "--data-dir", data.toString());
    assertEquals(0, dan.code(), dan.err());
    assertTrue(dan.out().contains("of 12-16"), "Dan's rolls, not the protocol's 10-20: " + dan.out());
    assertFalse(dan.err().contains("no prescription"), dan.err());
    CliRun typo = CliRun.of("replay", SAMPLE, "--speed", "max", "--patient", "Dna", "--data-dir", data.toString());
    assertEquals(0, typo.code(), typo.err());
    assertTrue(typo.err().contains("no prescription recorded for Dna"), typo.err());
    assertTrue(typo.out().contains("of 10-20"), typo.out());
  }
}
