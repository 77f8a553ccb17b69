package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV whose time column is stamped to 0.1 s (five 50 Hz rows share each time) was refused as "10.0
 * samples per second is too slow for rolling": the rows are fast enough, their times are too coarse.
 * It is still refused (each sample's time is unknown), with what is really wrong; a file whose rows
 * are themselves too slow is still "too slow".
 */
class CoarseTimeColumnTest {
  @TempDir Path dir;

  /** samples/typical-session.csv (50 Hz) with its times rounded to {@code step} s, every {@code keep}th row. */
  private Path coarse(double step, int keep) throws Exception {
    List<String> lines = Files.readAllLines(Path.of("samples/typical-session.csv"));
    StringBuilder b = new StringBuilder();
    int row = 0;
    for (String l : lines) {
      if (l.startsWith("#") || l.startsWith("t_s")) {
        b.append(l).append('\n');
        continue;
      }
      if (row++ % keep != 0) continue;
      int comma = l.indexOf(',');
      double t = Math.floor(Double.parseDouble(l.substring(0, comma)) / step) * step;
      b.append(String.format(Locale.ROOT, "%.3f", t)).append(l.substring(comma)).append('\n');
    }
    return Files.writeString(dir.resolve("coarse-" + step + "-" + keep + ".csv"), b.toString());
  }

  @Test
  void aCoarseTimeColumnIsNamedAsSuch() throws Exception {
    Path f = coarse(0.1, 1);
    CliRun r = CliRun.of("analyze", f.toString());
    assertEquals(2, r.code());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertEquals("roller-coach: " + f + ": the time column is too coarse: it steps by 0.1 s and about 5 rows"
        + " share each time (50 rows a second), so each sample's own time is unknown; export the time to the"
        + " millisecond or finer (Roller Coach needs every sample's time, at 25 Hz or more)", err);
  }

  @Test
  void rowsThatAreTooSlowAreStillTooSlow() throws Exception {
    Path f = coarse(1.0, 5); // 10 rows a second, stamped to the second
    CliRun r = CliRun.of("analyze", f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().matches("(?s).*: (9.9\\d|10.0) samples per second is too slow for rolling.*"), r.err());
  }
}
