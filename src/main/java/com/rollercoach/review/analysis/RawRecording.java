package com.rollercoach.review.analysis;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.live.Pacer;
import com.rollercoach.io.live.RecordingReplay;
import com.rollercoach.io.recording.RecordingReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A live session recorded raw ({@code .rcrec}): replayed through the same {@link LivePath} and
 * {@link Decoders#standard() decoders} (gap logic included) as it ran live, as fast as possible. The decoder's loss counters become the report's
 * "frames lost" and "checksum failures".
 */
final class RawRecording implements RecordingSource {
  private final SessionFiles.Recording recording;
  private final Path file;
  private final SessionMetadata metadata;
  private long framesLost = -1;
  private long crcFailures = -1;
  private String note = "";

  RawRecording(SessionFiles.Recording recording) {
    this.recording = recording;
    this.file = recording.path();
    // the opener already merged the header's device, or the first DEVICE record / HELLO, into it
    SessionMetadata m = recording.metadata();
    String started = m.get("recorded_at");
    this.metadata = m.get(SessionMetadata.START_TIME) == null && started != null ? m.with(SessionMetadata.START_TIME, started) : m;
  }

  SessionFiles.Recording file() {
    return recording;
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public void replay(SampleSink sink) throws IOException {
    try (RecordingReader reader = RecordingReader.open(file)) {
      LivePath path = RecordingReplay.play(reader, Decoders.standard(), sink,
          Pacer.asFastAsPossible(), LiveObserver.NONE);
      framesLost = path.decoderStats().lostFrames();
      crcFailures = path.decoderStats().crcFailures();
      note = noteOf(reader);
    }
    sink.end();
  }

  @Override
  public SessionMetadata linkStats() {
    if (framesLost < 0) return SessionMetadata.empty();
    SessionMetadata m = SessionMetadata.empty()
        .with("lost_frames", Long.toString(framesLost))
        .with("crc_failures", Long.toString(crcFailures));
    return note.isEmpty() ? m : m.with(QualityMeter.RECORDING_NOTE, note);
  }

  /**
   * How the recording ended, for the library and the report (issue 13): a recording cut by kill -9
   * or a power cut has no END record, a damaged one had bytes skipped.
   */
  static String noteOf(RecordingReader reader) {
    StringBuilder sb = new StringBuilder();
    if (!reader.endedCleanly()) {
      sb.append("interrupted: the recorder did not close it (crash, kill or power cut); data up to its last save (≤ 0.5 s before) is here");
    }
    if (reader.lostBytes() > 0) {
      if (sb.length() > 0) sb.append("; ");
      sb.append("damaged: ").append(reader.lostBytes()).append(" bytes skipped, intact records before and after kept");
    }
    return sb.toString();
  }
}
