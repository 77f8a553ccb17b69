package com.rollercoach.io.sensors;

import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.InputFileException;
import com.rollercoach.io.SampleFile;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.Pacer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Plugs {@link SensorFiles} into the project's two file dispatchers: {@code SampleFiles} (analyze,
 * reports, the session library) and {@code SessionFiles} (replay, export, the emulator, the GUI).
 * Text captures take their layout from the file itself ({@code # columns=}, {@code # units=},
 * {@code # rate_hz=} lines) or from detection.
 */
public final class SensorSessionFiles {
  private SensorSessionFiles() {}

  /**
   * For {@code SampleFiles.open}: a reader if {@code path} is a sensor file, else empty.
   *
   * @throws InputFileException when it is one but cannot be read
   */
  public static Optional<SampleFile> sampleFile(Path path) {
    Optional<SensorFiles.SensorFile> f = open(path);
    return f.map(AsSampleFile::new);
  }

  /** For {@code SessionFiles.open}: a session file if {@code path} is a sensor file, else empty. */
  public static Optional<SessionFile> sessionFile(Path path) {
    Optional<SensorFiles.SensorFile> f = open(path);
    return f.map(AsSessionFile::new);
  }

  private static Optional<SensorFiles.SensorFile> open(Path path) {
    try {
      return SensorFiles.open(path, LineLayout.auto());
    } catch (SensorFormatException e) {
      throw new InputFileException(e.getMessage(), e);
    } catch (IOException e) {
      throw new InputFileException(path + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private record AsSampleFile(SensorFiles.SensorFile file) implements SampleFile {
    @Override
    public SessionMetadata metadata() {
      return file.metadata();
    }

    @Override
    public long readTo(SampleSink sink) {
      long[] n = {0};
      try {
        file.play(
            new SampleSink() {
              @Override
              public void accept(ImuSample s) {
                n[0]++;
                sink.accept(s);
              }

              @Override
              public void gap(double fromS, double toS, String reason) {
                sink.gap(fromS, toS, reason);
              }
            });
      } catch (SensorFormatException e) {
        throw new InputFileException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return n[0];
    }

    @Override
    public List<String> warnings() {
      return file.warnings();
    }

    @Override
    public void close() {}
  }

  private record AsSessionFile(SensorFiles.SensorFile file) implements SessionFile {
    @Override
    public Path path() {
      return file.path();
    }

    @Override
    public Kind kind() {
      return Kind.SENSOR;
    }

    @Override
    public String description() {
      return file.description();
    }

    @Override
    public SessionMetadata metadata() {
      return file.metadata();
    }

    @Override
    public void play(SampleSink sink, Pacer pacer, LiveObserver observer) throws IOException {
      try {
        file.play(
            new SampleSink() {
              @Override
              public void accept(ImuSample s) {
                pacer.await(s.tS());
                sink.accept(s);
              }

              @Override
              public void gap(double fromS, double toS, String reason) {
                sink.gap(fromS, toS, reason);
              }
            });
      } catch (SensorFormatException e) {
        throw new InputFileException(e.getMessage(), e);
      }
    }

    @Override
    public List<String> warnings() {
      return file.warnings();
    }
  }
}
