package com.rollercoach.io.recording;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small valid recordings for tests. */
final class RecordingSamples {
  private RecordingSamples() {}

  static byte[] small() {
    try {
      Path dir = Files.createTempDirectory("rcrec");
      Path f = dir.resolve("seed.rcrec");
      RecordingHeader h = new RecordingHeader(Instant.parse("2026-01-01T00:00:00Z"), "test", "auto",
          Optional.of(new DeviceInfo(1, "D1", "f", "s", 4, 500, 200)), SessionMetadata.empty().with("k", "v"));
      try (RecordingWriter w = RecordingWriter.create(f, h)) {
        w.link(0, true, "up");
        w.bytes(0.01, new byte[] {(byte) 0xA5, 0x5A, 3, 2, 1}, 0, 5);
        w.samples(0.02, List.of(new ImuSample(1, 0, 0, 1, 0, 0, 0), new ImuSample(1.005, 0, 0, 1, 0, 0, 1)));
        w.device(0.03, new DeviceInfo(1, "D1", "f", "s", 4, 500, Double.NaN));
        w.link(0.04, false, "down");
        w.close(0.05, Map.of("frames", "1"));
      }
      byte[] b = Files.readAllBytes(f);
      Files.delete(f);
      Files.delete(dir);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
