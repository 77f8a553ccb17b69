package com.rollercoach.calibration;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Whatever a calibration file holds (a hand edit gone wrong, a truncated write, garbage), reading it
 * either succeeds or throws the documented {@link CalibrationFileException}: never another exception,
 * never a half-read calibration. {@code JAZZER_FUZZ=1 mvn test -Dtest=CalibrationFileFuzzTest} fuzzes
 * for real.
 */
@Tag("fuzz")
class CalibrationFileFuzzTest {
  private static final byte[] SEED =
      CalibrationFile.toJson(CalibrationFileTest.sample()).getBytes(StandardCharsets.UTF_8);
  private static final Path NAME = Path.of("calibration/fuzz.json");

  @FuzzTest(maxDuration = "30s")
  void arbitraryBytes(byte[] data) {
    read(data);
  }

  @FuzzTest(maxDuration = "30s")
  void damagedValidFile(byte[] damage) {
    byte[] file = SEED.clone();
    // Each 3 bytes: a position and a replacement byte; a trailing odd byte cuts the file short.
    for (int i = 0; i + 2 < damage.length; i += 3) {
      int pos = ((damage[i] & 0xFF) << 8 | (damage[i + 1] & 0xFF)) % file.length;
      file[pos] = damage[i + 2];
    }
    if (damage.length % 3 != 0) {
      file = java.util.Arrays.copyOf(file, (damage[damage.length - 1] & 0xFF) * 4 % file.length);
    }
    read(file);
  }

  private static void read(byte[] content) {
    try {
      CalibrationFile.parse(content, NAME);
    } catch (CalibrationFileException expected) {
      if (!expected.getMessage().startsWith(NAME + ": ")) {
        throw new AssertionError("message must name the file: " + expected.getMessage());
      }
    }
  }
}
