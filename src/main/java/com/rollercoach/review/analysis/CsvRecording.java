package com.rollercoach.review.analysis;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvFormatException;
import com.rollercoach.io.csv.CsvSampleReader;
import java.io.IOException;
import java.nio.file.Path;

/** A session stored in the project's CSV format, read with {@link CsvSampleReader}. */
final class CsvRecording implements RecordingSource {
  private final Path file;
  private final SessionMetadata metadata;

  CsvRecording(Path file) throws IOException {
    this.file = file;
    try (CsvSampleReader reader = CsvSampleReader.open(file)) {
      this.metadata = reader.metadata();
    } catch (CsvFormatException e) {
      throw new RecordingFormatException(e.getMessage());
    }
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void replay(SampleSink sink) throws IOException {
    try (CsvSampleReader reader = CsvSampleReader.open(file)) {
      reader.readTo(sink);
    } catch (CsvFormatException e) {
      throw new RecordingFormatException(e.getMessage());
    }
    sink.end();
  }
}
