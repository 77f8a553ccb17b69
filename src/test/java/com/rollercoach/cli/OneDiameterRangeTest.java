package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.SampleValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One roller-diameter range for every command (and the window's settings and wizard): {@link
 * SampleValidator#plausibleDiameterCm}. simulate used to take 0–40 cm and calibrate any positive
 * number while analyze, record and replay took 2–100 cm.
 */
class OneDiameterRangeTest {
  @TempDir Path dir;

  @Test
  void simulateAndCalibrateRefuseWhatAnalyzeRefusesAndTakeWhatItTakes() throws Exception {
    Path csv = dir.resolve("s.csv");
    // beyond 40 (simulate's old limit) but a roller analyze accepts
    CliRun big = CliRun.of("simulate", "--seed", "3", "--out", csv.toString(), "--roller-diameter-cm", "60");
    assertEquals(0, big.code(), big.err());
    assertEquals(0, CliRun.of("analyze", csv.toString(), "--roller-diameter-cm", "60").code());

    for (String bad : new String[] {"1", "101"}) {
      CliRun sim = CliRun.of("simulate", "--seed", "3", "--out", dir.resolve("t" + bad + ".csv").toString(),
          "--roller-diameter-cm", bad);
      CliRun ana = CliRun.of("analyze", csv.toString(), "--roller-diameter-cm", bad);
      CliRun cal = CliRun.of("calibrate", "--input", csv.toString(), "--diameter-cm", bad,
          "--out", dir.resolve("c.json").toString());
      for (CliRun r : new CliRun[] {sim, ana, cal}) {
        assertEquals(2, r.code(), bad + ": " + r.err());
        assertTrue(r.err().contains("expected 2–100 cm"), bad + ": " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
      }
    }
    CliRun circ = CliRun.of("calibrate", "--input", csv.toString(), "--circumference-cm", "400",
        "--out", dir.resolve("c.json").toString());
    assertEquals(2, circ.code());
    assertTrue(circ.err().contains("--circumference-cm 400 (diameter 127.3 cm)"), circ.err());
  }

  @Test
  void theRuleIsTheValidators() {
    assertTrue(SampleValidator.plausibleDiameterCm(SampleValidator.MIN_DIAMETER_CM));
    assertFalse(SampleValidator.plausibleDiameterCm(SampleValidator.MAX_DIAMETER_CM + 0.1));
  }
}
