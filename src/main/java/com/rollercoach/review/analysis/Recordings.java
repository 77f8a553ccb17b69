package com.rollercoach.review.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Opens a stored session by its file type: CSV ({@code io.csv}) or a raw live recording ({@code io.recording}). */
public final class Recordings {
  /** File extensions the library recognises as sessions. */
  public static final Set<String> EXTENSIONS = Set.of("csv", "rcrec");

  private Recordings() {}

  public static boolean isRecording(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  public static RecordingSource open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new RecordingFormatException(file + ": no such file");
    String ext = extension(file);
    if (ext.equals("csv")) return new CsvRecording(file);
    if (ext.equals("rcrec")) return new RawRecording(file);
    throw new RecordingFormatException(
        file + ": unknown session format ." + ext + " (expected one of " + EXTENSIONS + ")");
  }

  public static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
