package com.rollercoach.review.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.review.TestSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelReindexTest {
  @TempDir Path tmp;

  @Test
  void resultsComeBackInInputOrderWhateverOrderTasksFinish() {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 12; i++) files.add(Path.of("f" + i + ".csv"));
    List<Integer> steps = new ArrayList<>();
    List<String> got =
        ParallelReindex.map(
            files,
            3,
            f -> {
              int i = Integer.parseInt(f.toString().replaceAll("\\D", ""));
              try {
                Thread.sleep(12 - i); // the first submitted finish last
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "done " + f;
            },
            (done, total, current) -> steps.add(done));
    for (int i = 0; i < 12; i++) assertEquals("done f" + i + ".csv", got.get(i));
    assertEquals(12, steps.get(steps.size() - 1));
    assertEquals(13, steps.size(), "one step per file and the final one");
  }

  @Test
  void oneAndTwoThreadsIndexTheSameLibraryAndReportWhatChanged() throws IOException {
    Path data = tmp.resolve("data");
    for (int i = 0; i < 6; i++) {
      TestSessions.writeCsv(
          data.resolve("sessions/s" + i + ".csv"),
          Map.of("patient", "P" + i, "start_time", "2026-11-0" + (i + 1) + "T07:00:00Z"),
          61 + i, // over a minute: recordings shorter are not listed (isListable)
          6 + i);
    }
    List<SessionEntry> serial;
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      var r = lib.reindex(true, 1, (d, t, c) -> {});
      assertEquals(6, r.indexed());
      assertEquals(6, r.changes().size());
      assertTrue(r.changes().stream().allMatch(c -> c.endsWith(": new")), r.changes().toString());
      serial = lib.list(SessionFilter.all());
    }
    Files.delete(data.resolve("library.db"));
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      lib.reindex(true, 2, (d, t, c) -> {});
      assertEquals(serial, lib.list(SessionFilter.all()));
      var again = lib.reindex(true, 2, (d, t, c) -> {});
      assertEquals(6, again.analysed());
      assertEquals(List.of(), again.changes(), "the same detector finds the same");
    }
  }

  @Test
  void changesNameTheMetricsThatMovedAndSessionsThatWentAway() {
    SessionSummary was = summary(20, 10, 2, 30);
    SessionSummary now = summary(22, 11, 2, 30);
    SessionEntry a = entry("a", was);
    SessionEntry gone = entry("gone", was);
    List<String> lines =
        ParallelReindex.changes(
            List.of(a, gone),
            List.of(new SessionIndex.Indexed(entry("a", now), List.of()),
                new SessionIndex.Indexed(entry("same", was), List.of())));
    assertEquals(List.of("a: passes 20 -> 22, rolls 10 -> 11", "same: new", "gone: no longer in sessions/"), lines);
  }

  private static SessionSummary summary(int passes, int rolls, int dwells, double holdS) {
    return new SessionSummary(300, 280, passes, rolls, 3, 12, dwells, holdS, 5, 6, 0, 0);
  }

  private static SessionEntry entry(String id, SessionSummary s) {
    return new SessionEntry(id, "p", java.time.Instant.EPOCH, "", "", 15, Path.of(id + ".csv"), s,
        SessionNotes.none());
  }

  /**
   * The sub-minute rule (SessionLibrary.isListable): a 30 s recording the recorder left in sessions/
   * (a wrong port, a false start) stays a file and is not listed; a two-minute one is adopted and
   * listed. Same at one and two threads, and again on a second reindex.
   */
  @Test
  void reindexKeepsSubMinuteRecordingsAsFilesWithoutListingThem() throws IOException {
    Path data = tmp.resolve("short");
    Path shortRec = TestSessions.writeCsv(data.resolve("sessions/false-start.csv"),
        Map.of("patient", "Ann", "start_time", "2026-11-01T07:00:00Z"), 30, 10);
    TestSessions.writeCsv(data.resolve("sessions/real.csv"),
        Map.of("patient", "Ann", "start_time", "2026-11-02T07:00:00Z"), 120, 10);
    for (int threads : new int[] {1, 2}) {
      try (SessionLibrary lib = SessionLibrary.open(data)) {
        var r = lib.reindex(true, threads, (d, t, c) -> {});
        assertEquals(1, r.indexed());
        assertEquals(List.of("false-start.csv"), r.notListed());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        List<SessionEntry> listed = lib.list(SessionFilter.all());
        assertEquals(List.of("real"), listed.stream().map(SessionEntry::id).toList());
        assertTrue(listed.get(0).summary().durationS() >= SessionLibrary.MIN_SESSION_S);
      }
      assertTrue(Files.exists(shortRec), "the short recording is kept");
      assertTrue(Files.notExists(data.resolve("sessions/false-start.session.json")), "and not adopted");
      assertTrue(Files.notExists(data.resolve("sessions/false-start.analysis.json")));
    }
    // adopt, what the end of a live session calls, applies the same rule
    try (SessionLibrary lib = SessionLibrary.open(data)) {
      IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> lib.adopt(shortRec));
      assertTrue(e.getMessage().contains("30 s of data is no session"), e.getMessage());
      assertEquals(1, lib.list(SessionFilter.all()).size());
    }
    assertTrue(SessionLibrary.isListable(60) && !SessionLibrary.isListable(59.9));
  }
}
