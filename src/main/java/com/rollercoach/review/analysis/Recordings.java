package com.rollercoach.review.analysis;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.InputFileException;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Stored sessions for the review side (library, reports): opened by {@link SessionFiles}, the one
 * opener, so a report or an import accepts whatever {@code analyze} accepts. A raw recording replays
 * through the live path ({@link RawRecording}) to count link losses; every other kind plays its samples.
 */
public final class Recordings {
  /**
   * Extensions of the files the library keeps in its {@code sessions/} folder: its own CSV and
   * recordings (an import of any other format is stored as CSV).
   */
  public static final Set<String> EXTENSIONS = Set.of("csv", "rcrec");

  private Recordings() {}

  /** True for a file the library stores (by extension: the library names its files itself). */
  public static boolean isRecording(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  /**
   * Opens any session file, folder or pair.
   *
   * @throws RecordingFormatException with the opener's one-line refusal
   */
  public static RecordingSource open(Path... files) throws IOException {
    SessionFile f;
    try {
      f = SessionFiles.open(files);
    } catch (InputFileException e) {
      throw new RecordingFormatException(e.getMessage());
    }
    if (f instanceof SessionFiles.Recording r) return new RawRecording(r);
    return new Played(f);
  }

  /** The session file behind a source, for callers that store or convert it (the library's import). */
  public static SessionFile file(RecordingSource source) {
    return source instanceof Played p ? p.file : ((RawRecording) source).file();
  }

  public static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Any session file but a raw recording: its samples, played as fast as they can be read. */
  private record Played(SessionFile file) implements RecordingSource {
    @Override
    public SessionMetadata metadata() {
      return file.metadata();
    }

    @Override
    public void replay(SampleSink sink) throws IOException {
      try {
        file.readTo(new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            sink.accept(s);
          }

          @Override
          public void gap(double fromS, double toS, String reason) {
            sink.gap(fromS, toS, reason);
          }
        });
      } catch (InputFileException e) {
        throw new RecordingFormatException(e.getMessage());
      }
      sink.end();
    }
  }
}
