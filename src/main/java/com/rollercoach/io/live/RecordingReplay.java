package com.rollercoach.io.live;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.recording.RecordingEntry;
import com.rollercoach.io.recording.RecordingReader;
import java.io.IOException;

/**
 * Plays a recording back through a {@link LivePath}: the recorded bytes go to the same decoder, gap
 * logic and sink as they did live, at the recorded arrival times (scaled by the {@link Pacer}).
 */
public final class RecordingReplay {
  private RecordingReplay() {}

  /**
   * Feeds every entry of {@code reader} and returns the path, for its counters. Does not call {@link
   * SampleSink#end()}: the caller decides when the session is over.
   */
  public static LivePath play(
      RecordingReader reader, DecoderFactory decoders, SampleSink sink, Pacer pacer, LiveObserver observer)
      throws IOException {
    LivePath path = new LivePath(decoders, reader.header().wireFormat(), sink, observer);
    reader.header().device().ifPresent(path::deviceInfo);
    for (RecordingEntry e; (e = reader.next()) != null; ) {
      pacer.await(e.hostTimeS());
      if (e instanceof RecordingEntry.Bytes b) {
        path.bytes(b.data(), 0, b.data().length, b.hostTimeS());
      } else if (e instanceof RecordingEntry.Samples s) {
        path.samples(s.samples(), s.hostTimeS());
      } else if (e instanceof RecordingEntry.Device d) {
        path.deviceInfo(d.info());
      } else if (e instanceof RecordingEntry.Link l) {
        if (l.up()) path.linkUp(l.hostTimeS(), l.detail());
        else path.linkDown(l.hostTimeS(), l.detail());
      }
    }
    return path;
  }
}
