package com.rollercoach.io;

import com.rollercoach.io.csv.CsvSampleReader;
import com.rollercoach.io.recording.RecordingFormat;
import com.rollercoach.io.recording.RecordingFormatException;
import com.rollercoach.io.sensors.SensorSessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that decides how to read a session file: a Roller Coach recording (by its magic
 * bytes, see {@code docs/recording-format.md}) or CSV. Every command that takes a session file
 * (analyze, replay, report, sessions import) gets every format at once.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /**
   * Opens a session file for reading.
   *
   * @throws InputFileException when the file is missing, unreadable or of an unknown kind
   */
  public static SampleFile open(Path path) {
    if (!Files.exists(path)) throw new InputFileException(path + ": no such file");
    if (Files.isDirectory(path)) throw new InputFileException(path + ": is a directory, not a session file");
    try {
      if (RecordingFormat.isRecording(path)) return SessionFiles.open(path);
      Optional<SampleFile> sensor = SensorSessionFiles.sampleFile(path);
      if (sensor.isPresent()) return sensor.get();
      return CsvSampleReader.open(path);
    } catch (NoSuchFileException e) {
      throw new InputFileException(path + ": no such file", e);
    } catch (RecordingFormatException e) {
      throw new InputFileException(e.getMessage(), e); // already "FILE: offset N: reason"
    } catch (IOException e) {
      throw new InputFileException(path + ": cannot read (" + e.getMessage() + ")", e);
    }
  }
}
