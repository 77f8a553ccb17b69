package com.rollercoach.gui.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.SessionAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saves a session summary as JSON: beside the session's recording ({@code NAME.summary.json}) when it
 * has one in a writable folder, else in the data folder. The analysis uses the field names of {@code
 * analyze --json} (passes, rolls, dwells, extension_holds, duration_s, pace_cm_s, range_cm), so the
 * same readers work on both.
 */
public final class SummaryWriter {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Where the summary of a session with this recording goes. */
  public static Path target(Optional<Path> recording, Path dataDir, LocalDateTime now) {
    if (recording.isPresent()) {
      Path rec = recording.get().toAbsolutePath();
      Path dir = rec.getParent();
      if (dir != null && Files.isWritable(dir)) {
        String name = rec.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".summary.json");
      }
    }
    return dataDir.resolve("session-" + STAMP.format(now) + ".summary.json");
  }

  /** Writes atomically; returns the file written. */
  public Path write(SessionSummary s, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "summary", ".tmp");
    try {
      json.writeValue(tmp.toFile(), toJson(s));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  static Map<String, Object> toJson(SessionSummary s) {
    SessionAnalysis a = s.analysis();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", s.source());
    m.put("samples", s.samples());
    m.put("frames_lost", s.framesLost());
    m.put("duration_s", a.durationS());
    m.put("passes", a.passes().size());
    m.put("rolls", a.rolls());
    m.put("pace_cm_s", a.paceCmS());
    m.put("range_cm", a.rangeCm());
    m.put("dwells", a.dwells().stream().map(SummaryWriter::dwell).toList());
    m.put("extension_holds", a.holds().stream().map(SummaryWriter::hold).toList());
    m.put("gaps", a.gaps().stream().map(g -> List.of(g[0], g[1])).toList());
    m.put("targets", s.targets());
    m.put("verdicts", s.verdicts());
    return m;
  }

  private static Map<String, Object> dwell(Dwell d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start_s", d.startS());
    m.put("end_s", d.endS());
    m.put("position_cm", d.positionCm());
    return m;
  }

  private static Map<String, Object> hold(ExtensionHold h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start_s", h.startS());
    m.put("end_s", h.endS());
    m.put("breaths", h.breaths());
    return m;
  }
}
