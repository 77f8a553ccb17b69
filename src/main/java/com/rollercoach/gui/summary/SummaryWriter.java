package com.rollercoach.gui.summary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.io.AnalysisJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Saves a session summary as JSON: beside the session's recording ({@code NAME.summary.json}) when it
 * has one in a writable folder, else in the data folder. It is {@code analyze --json}'s object (the
 * same writer), so the same readers work on both.
 */
public final class SummaryWriter {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

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
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "summary", ".tmp");
    try {
      Files.writeString(tmp, AnalysisJson.write(toJson(s)));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return file;
  }

  /** {@code analyze --json}'s object for the session, plus where it came from and the link quality. */
  static ObjectNode toJson(SessionSummary s) {
    ObjectNode root = AnalysisJson.toJson(s.analysis(), s.verdicts());
    root.put("source", s.source());
    root.put("samples", s.samples());
    root.put("frames_lost", s.framesLost());
    return root;
  }
}
