package com.rollercoach.io;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.Closeable;
import java.util.List;

/** A recorded session on disk, read by streaming its samples to a sink. */
public interface SampleFile extends Closeable {
  /** Facts from the file's header (roller diameter, device, sample rate…). */
  SessionMetadata metadata();

  /**
   * Streams every sample to the sink, in time order, and returns how many. Does not call {@link
   * SampleSink#end()}.
   *
   * @throws InputFileException on bad content; samples before it have been delivered
   */
  long readTo(SampleSink sink);

  /** Problems that did not stop reading (a truncated last line, repeated timestamps). */
  List<String> warnings();
}
