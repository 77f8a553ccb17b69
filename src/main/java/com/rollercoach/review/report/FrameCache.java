package com.rollercoach.review.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a progress page needs to put a session's positions on the back without replaying it every time:
 * the roll axis its pipeline measured about and its landmark, in {@code DATA/frames/<id>.json}. The
 * direction is not cached: it comes from the device's calibration each time, so a gesture recorded
 * later applies to older sessions too. A missing or unreadable cache entry is rebuilt by a replay.
 */
public final class FrameCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final ReviewSessions reviews;

  public FrameCache(Path dataDir, ReviewSessions reviews) {
    this.dir = dataDir.resolve("frames");
    this.reviews = reviews;
  }

  /** The session in its review context, from the cache when possible (the trace is then empty). */
  public BackFrame frameOf(SessionLibrary lib, SessionEntry e) throws IOException {
    Path f = dir.resolve(e.id() + ".json");
    if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).compareTo(Files.getLastModifiedTime(e.recording())) >= 0) {
      try {
        JsonNode o = JSON.readTree(f.toFile());
        double[] axis = o.path("axis").isArray() ? new double[] {o.path("axis").get(0).asDouble(),
            o.path("axis").get(1).asDouble(), o.path("axis").get(2).asDouble()} : null;
        BackFrame.Landmark landmark = BackFrame.Landmark.valueOf(o.path("landmark").asText());
        return reviews.frame(e, axis, landmark, o.path("zero_cm").asDouble());
      } catch (IOException | RuntimeException ex) {
        // rebuilt below
      }
    }
    var replay = lib.replay(e);
    BackFrame frame = reviews.of(e, replay).frame();
    ObjectNode o = JSON.createObjectNode();
    if (replay.rollAxis() != null) {
      ArrayNode a = o.putArray("axis");
      for (double x : replay.rollAxis()) a.add(x);
    } else {
      o.putNull("axis");
    }
    o.put("landmark", frame.landmark().name());
    o.put("zero_cm", frame.zeroCm());
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".frame", ".tmp");
    JSON.writeValue(tmp.toFile(), o);
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return frame;
  }
}
