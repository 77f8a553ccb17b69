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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 defect 6 end to end: a damaged recording still analyses, and export is all or nothing. */
class RecoveryCliTest {
  private static final Path TYPICAL = Path.of("samples/typical-session.csv");
  @TempDir Path dir;

  /** The bundled typical session as a recording of SAMPLES records (as a phone session is stored). */
  private Path recording() throws IOException {
    List<ImuSample> samples = new ArrayList<>();
    try (SessionFile f = SessionFiles.open(TYPICAL)) {
      f.play(samples::add);
    }
    Path rec = dir.resolve("typical.rcrec");
    SessionMetadata meta = SessionMetadata.empty().with(SessionMetadata.ROLLER_DIAMETER_CM, "15");
    try (RecordingWriter w = RecordingWriter.create(rec,
        new RecordingHeader(Instant.parse("2026-12-01T10:00:00Z"), "test", "auto", Optional.empty(), meta))) {
      for (int i = 0; i < samples.size(); i += 50) w.samples(i * 0.02, samples.subList(i, Math.min(samples.size(), i + 50)));
    }
    return rec;
  }

  /** Defect 6: 100 random bytes in the middle made analyze refuse the whole recording. */
  @Test
  @Timeout(60)
  void aRecordingWithDamageInTheMiddleStillAnalyses() throws IOException {
    Path rec = recording();
    JsonNode clean = new ObjectMapper().readTree(CliRun.of("analyze", rec.toString(), "--json").out());
    byte[] b = Files.readAllBytes(rec);
    byte[] noise = new byte[100];
    new Random(13).nextBytes(noise);
    System.arraycopy(noise, 0, b, b.length / 2, noise.length);
    Files.write(rec, b);
    CliRun r = CliRun.of("analyze", rec.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    String warnings = j.get("warnings").toString();
    assertTrue(warnings.contains("damaged bytes, intact records again from offset"), warnings);
    // a few seconds lost in the middle of a 5-minute session: the same passes, nearly the same time
    assertEquals(clean.get("passes").size(), j.get("passes").size(), 1.0);
    assertEquals(clean.get("duration_s").asDouble(), j.get("duration_s").asDouble(), 1e-6);
  }

  /** Defect 6: an export that failed half-way left a partial CSV behind. */
  @Test
  @Timeout(60)
  void aFailedExportLeavesNothingBehindAndKeepsTheOldFile() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(TYPICAL));
    lines.set(5000, "this is not a sample");
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, lines);
    Path out = dir.resolve("out.csv");
    CliRun r = CliRun.of("export", bad.toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.out());
    assertFalse(Files.exists(out), "no partial CSV");
    Files.writeString(out, "the old export\n");
    CliRun forced = CliRun.of("export", bad.toString(), "--out", out.toString(), "--force");
    assertEquals(2, forced.code());
    assertEquals("the old export\n", Files.readString(out));
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temp file left");
    }
    CliRun good = CliRun.of("export", TYPICAL.toString(), "--out", out.toString(), "--force");
    assertEquals(0, good.code(), good.err());
    assertTrue(Files.readString(out).contains("t_s,ax_g"));
  }

  /** Issue 13: a batch goes on past a bad file ("import of many" stopped at the first). */
  @Test
  @Timeout(60)
  void importOfManyReportsABadFileAndGoesOn() throws IOException {
    List<String> lines = Files.readAllLines(TYPICAL);
    Path a = Files.write(dir.resolve("a.csv"), lines.subList(0, 800));
    Path bad = Files.writeString(dir.resolve("bad.csv"), "not,a,session\n\u0001\u0002\n");
    Path c = Files.write(dir.resolve("c.csv"), lines.subList(0, 1200));
    Path data = dir.resolve("data");
    CliRun r = CliRun.of("sessions", "import", "--data-dir", data.toString(), a.toString(), bad.toString(), c.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(2, r.out().lines().filter(l -> l.startsWith("imported ")).count(), r.out());
    assertEquals(1, r.err().lines().filter(l -> l.contains("bad.csv")).count(), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }
}
