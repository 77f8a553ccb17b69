package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, defects 2, 3 and 10 end to end: a few bad lines in a real-looking session (the bundled
 * typical session) neither hang nor change what {@code analyze} finds; each command that reads a
 * recorded diameter applies the same bound.
 */
class EdgeValidationCliTest {
  private static final Path TYPICAL = Path.of("samples/typical-session.csv");
  @TempDir Path dir;

  /** The bundled session with {@code bad} data lines inserted after data line {@code at}. */
  private Path withLines(int at, String... bad) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(TYPICAL));
    int header = 0;
    while (!lines.get(header).startsWith("t_s")) header++;
    String before = lines.get(header + at);
    double t = Double.parseDouble(before.substring(0, before.indexOf(',')));
    for (int i = bad.length - 1; i >= 0; i--) lines.add(header + at + 1, bad[i].replace("T", Double.toString(t + 0.001)));
    Path f = dir.resolve("bad.csv");
    Files.write(f, lines);
    return f;
  }

  private static JsonNode json(CliRun r) throws IOException {
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(r.out());
  }

  /** Defect 2: a 1e300 timestamp hung analyze in RollSignal's grid; now it is one note. */
  @Test
  @Timeout(60)
  void aHugeTimestampEndsWithAOneLineNote() throws IOException {
    JsonNode clean = json(CliRun.of("analyze", TYPICAL.toString(), "--json"));
    List<String> lines = new ArrayList<>(Files.readAllLines(TYPICAL));
    lines.add("1e300,0,0,1,0,0,0"); // the CSV reader refuses time going backwards, so it comes last
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines);
    CliRun text = CliRun.of("analyze", bad.toString());
    assertEquals(0, text.code(), text.err());
    List<String> notes = text.err().lines().filter(l -> l.contains("bad sample")).toList();
    assertEquals(1, notes.size(), text.err());
    assertTrue(notes.get(0).contains("1 bad sample dropped (1 time beyond ±1e9 s)"), notes.get(0));
    JsonNode j = json(CliRun.of("analyze", bad.toString(), "--json"));
    assertEquals(clean.get("passes").size(), j.get("passes").size());
    assertEquals(clean.get("duration_s").asDouble(), j.get("duration_s").asDouble(), 1e-9);
  }

  /**
   * Gap 1 of the follow-up: one NaN row and one backwards row in a CSV cost those two rows, counted
   * in one warning line, not the whole file.
   */
  @Test
  @Timeout(60)
  void aCsvWithANanRowAndABackwardsRowAnalysesLikeTheCleanFile() throws IOException {
    JsonNode clean = json(CliRun.of("analyze", TYPICAL.toString(), "--json"));
    Path bad = withLines(500, "T,0,0,1,nan,0,0", "0.5,0,0,1,0,0,0");
    CliRun text = CliRun.of("analyze", bad.toString());
    assertEquals(0, text.code(), text.err());
    List<String> notes = text.err().lines().filter(l -> l.contains("bad sample")).toList();
    assertEquals(1, notes.size(), text.err());
    assertTrue(notes.get(0).contains("2 bad samples dropped (1 non-finite value, 1 time going backwards)"),
        notes.get(0));
    JsonNode j = json(CliRun.of("analyze", bad.toString(), "--json"));
    assertEquals(clean.get("passes").size(), j.get("passes").size());
    assertEquals(clean.get("passes").toString(), j.get("passes").toString());
  }

  /**
   * Defects 3 and 10: in a recording (SAMPLES records, as a phone's session is stored), a NaN gyro
   * value (it deadlocked analyze), a year-long clock jump and 3e38 values (19 passes instead of 7)
   * are counted and change nothing.
   */
  @Test
  @Timeout(60)
  void nanJumpsAndHugeValuesInARecordingAreCountedAndChangeNothing() throws Exception {
    JsonNode clean = json(CliRun.of("analyze", TYPICAL.toString(), "--json"));
    List<ImuSample> samples = new ArrayList<>();
    try (SessionFile f = SessionFiles.open(TYPICAL)) {
      f.play(samples::add);
    }
    List<ImuSample> damaged = new ArrayList<>(samples);
    double t = samples.get(3000).tS();
    damaged.add(3001, new ImuSample(t + 0.001, 0, 0, 1, Double.NaN, 0, 0));
    damaged.add(3002, new ImuSample(t + 3.2e7, 0, 0, 1, 0, 0, 0));
    damaged.add(3003, new ImuSample(t + 0.002, 3e38, 3e38, 3e38, 3e38, 3e38, 3e38));
    Path rec = dir.resolve("phone.rcrec");
    SessionMetadata meta = SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM, "15");
    try (RecordingWriter w = RecordingWriter.create(rec,
        new RecordingHeader(Instant.parse("2026-12-01T10:00:00Z"), "test", "auto", Optional.empty(), meta))) {
      for (int i = 0; i < damaged.size(); i += 50) w.samples(i * 0.02, damaged.subList(i, Math.min(damaged.size(), i + 50)));
    }
    JsonNode j = json(CliRun.of("analyze", rec.toString(), "--json"));
    JsonNode reference = json(CliRun.of("analyze", recordingOf(samples, meta).toString(), "--json"));
    assertEquals(reference.get("passes").size(), j.get("passes").size());
    assertEquals(clean.get("passes").size(), j.get("passes").size());
    assertEquals(reference.get("rolls").asInt(), j.get("rolls").asInt());
    assertEquals(reference.get("range_cm").asDouble(), j.get("range_cm").asDouble(), 1e-9);
    String warnings = j.get("warnings").toString();
    assertTrue(warnings.contains("3 bad samples dropped"), warnings);
  }

  private Path recordingOf(List<ImuSample> samples, SessionMetadata meta) throws IOException {
    Path rec = dir.resolve("clean.rcrec");
    try (RecordingWriter w = RecordingWriter.create(rec,
        new RecordingHeader(Instant.parse("2026-12-01T10:00:00Z"), "test", "auto", Optional.empty(), meta))) {
      for (int i = 0; i < samples.size(); i += 50) w.samples(i * 0.02, samples.subList(i, Math.min(samples.size(), i + 50)));
    }
    return rec;
  }

  /** Defect 10: a recorded diameter of 1e308 cm was refused by analyze but taken by replay and import. */
  @Test
  @Timeout(60)
  void everyCommandRefusesAnImpossibleRecordedDiameter() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(TYPICAL));
    lines.replaceAll(l -> l.startsWith("# roller_diameter_cm=") ? "# roller_diameter_cm=1e308" : l);
    Path f = dir.resolve("huge-roller.csv");
    Files.write(f, lines.subList(0, 600));
    for (String[] args : new String[][] {
        {"analyze", f.toString()},
        {"replay", f.toString(), "--speed", "max"},
        {"sessions", "import", "--data-dir", dir.resolve("data").toString(), f.toString()}}) {
      CliRun r = CliRun.of(args);
      assertFalse(r.code() == 0, args[0] + " accepted it: " + r.out());
      assertTrue(r.err().contains("roller diameter 1.0E308 cm is not plausible"), args[0] + ": " + r.err());
      assertFalse(r.err().contains("\tat "), args[0] + " printed a stack trace: " + r.err());
    }
  }
}
