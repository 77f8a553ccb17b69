package com.rollercoach.review.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.review.TestSessions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An id prefix that matches more sessions than the message lists says there are more: "2026" on a
 * library of 15 listed ten ids as if they were all.
 */
class AmbiguousIdTest {
  @TempDir Path dir;

  @Test
  void anAmbiguousPrefixSaysWhenThereAreMoreThanItLists() throws IOException {
    try (SessionLibrary lib = SessionLibrary.open(dir.resolve("data"))) {
      for (int i = 0; i < 12; i++) {
        Path csv = TestSessions.writeCsv(dir.resolve(i + ".csv"), Map.of("device", "rc-" + i), 4, 10);
        lib.importSession(csv, SessionLibrary.ImportOptions.defaults().withPatient("Ann")
            .withStartedAt(Instant.parse("2026-11-02T08:00:00Z").plusSeconds(86_400L * i)));
      }
      String many = assertThrows(IOException.class, () -> lib.get("2026")).getMessage();
      assertTrue(many.startsWith("session id 2026 is ambiguous (12 sessions): "), many);
      assertTrue(many.endsWith(", …"), many);
      assertEquals(10, many.chars().filter(c -> c == ',').count(), many);
      String two = assertThrows(IOException.class, () -> lib.get("2026110")).getMessage();
      assertTrue(two.matches("session id 2026110 is ambiguous \\(\\d sessions\\): \\S+(, \\S+)*"), two);
    }
  }
}
