package com.rollercoach.io.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks a recording as being written: {@code NAME.writing} beside it, holding the writer's process
 * id, from {@link RecordingWriter#create} until the writer closes. The library does not adopt a
 * recording whose marker names a live process (its row would be stale and its analysis cut short).
 * After {@code kill -9} or a power cut the marker stays, but its process is gone, so the recording
 * is adopted as interrupted. An OS file lock would do the same for other processes, but on Linux
 * closing any channel to the file in the writing JVM (the app's own reindex) releases it.
 */
public final class RecordingLock {
  static final String SUFFIX = ".writing";

  private RecordingLock() {}

  static Path markerOf(Path recording) {
    return recording.resolveSibling(recording.getFileName() + SUFFIX);
  }

  static void mark(Path recording) throws IOException {
    Files.writeString(markerOf(recording), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
  }

  static void clear(Path recording) {
    try {
      Files.deleteIfExists(markerOf(recording));
    } catch (IOException e) {
      // a stale marker names a dead process once this one ends: harmless
    }
  }

  /** True while a live process is writing {@code recording}. */
  public static boolean isBeingWritten(Path recording) {
    Path marker = markerOf(recording);
    if (!Files.isRegularFile(marker)) return false;
    try {
      String text = Files.readString(marker, StandardCharsets.US_ASCII).strip();
      if (text.length() > 20) return false;
      long pid = Long.parseLong(text);
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false; // unreadable marker: treat the recording as finished (adopting beats hiding it)
    }
  }
}
