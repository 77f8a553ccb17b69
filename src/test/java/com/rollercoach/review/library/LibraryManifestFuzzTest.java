package com.rollercoach.review.library;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.rollercoach.review.TestSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;

/**
 * Issue 13: the library over arbitrary manifests. A data folder holding one good session whose
 * {@code .session.json} is replaced by fuzzer bytes: reindex, list and delete report problems as
 * IOExceptions, and nothing outside the data folder is ever created or deleted. {@code JAZZER_FUZZ=1
 * mvn test -Dtest=LibraryManifestFuzzTest -DexcludedTestGroups=none}.
 */
@Tag("fuzz")
class LibraryManifestFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyManifestStaysInsideTheDataFolder(byte[] manifest) throws IOException {
    Path outer = Files.createTempDirectory("rc-lib-fuzz");
    try {
      Path data = outer.resolve("data");
      Path sessions = data.resolve("sessions");
      Files.createDirectories(sessions);
      TestSessions.writeCsv(sessions.resolve("s1.csv"), Map.of("roller_diameter_cm", "15"), 3, 10);
      Files.write(sessions.resolve("s1.session.json"), manifest);
      Path sentinel = Files.writeString(outer.resolve("victim.txt"), "keep");
      try (SessionLibrary lib = SessionLibrary.open(data)) {
        lib.reindex(true, (d, t, c) -> {});
        for (SessionEntry e : lib.list(SessionFilter.all())) {
          try {
            lib.note(e.id(), 1, 2, "x");
            lib.delete(e.id());
          } catch (IOException refused) {
            // a manifest the library cannot trust is refused, not followed
          }
        }
      } catch (IOException refused) {
        // reported as one line by the commands
      }
      if (!Files.readString(sentinel).equals("keep")) throw new AssertionError("a file outside was changed");
      try (Stream<Path> all = Files.walk(outer)) {
        List<Path> strays = all.filter(p -> !p.startsWith(data) && !p.equals(outer) && !p.equals(sentinel)).toList();
        if (!strays.isEmpty()) throw new AssertionError("written outside the data folder: " + strays);
      }
    } finally {
      try (Stream<Path> all = Files.walk(outer)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
