package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.core.SyntheticSession;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One recording, one story: replay's summary counts what analyze counts. */
class ReplayAgreesWithAnalyzeTest {
  @TempDir Path dir;

  @Test
  void aSessionStoppedOnAStillAfterFewRollsIsAHoldInBoth() throws Exception {
    // 3 rolls (the coach, with rolls still to do, coaches the still as a tender spot), then 30 s
    // still and the recording stops: no pass followed, so by the definitions it is the hold
    Path file = dir.resolve("short.csv");
    SyntheticSession s = new SyntheticSession().radius(7.5).idle(10).getOn().strokes(6, 15, 3.0).rest(30);
    try (CsvSampleWriter w = CsvSampleWriter.create(file, new SessionMetadata(Map.of("roller_diameter_cm", "15")))) {
      s.play(w::accept);
    }
    JsonNode a = new ObjectMapper().readTree(CliRun.of("analyze", file.toString(), "--json").out());
    CliRun r = CliRun.of("replay", file.toString(), "--speed", "max");
    assertEquals(0, r.code(), r.err());
    Matcher m = Pattern.compile("Summary: (\\d+) passes, \\d+ rolls .*?, (\\d+) tender spot\\(s\\), (\\d+) extension hold\\(s\\)")
        .matcher(r.out());
    assertTrue(m.find(), r.out());
    assertEquals(a.get("passes").asInt(), Integer.parseInt(m.group(1)), r.out());
    assertEquals(a.get("dwells").size(), Integer.parseInt(m.group(2)), r.out());
    assertEquals(a.get("extension_holds").size(), Integer.parseInt(m.group(3)), r.out());
    assertEquals(1, a.get("extension_holds").size(), "the still is the hold");
  }
}
