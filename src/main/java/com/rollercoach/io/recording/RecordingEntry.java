package com.rollercoach.io.recording;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import java.util.List;
import java.util.Map;

/**
 * One record of a recording after the header, in file order. Every entry carries its host time: seconds
 * since the recording started, on the host's monotonic clock ({@link System#nanoTime()}), so replay can
 * reproduce the arrival timing of a live session and wall-clock changes cannot reorder anything.
 */
public sealed interface RecordingEntry {
  double hostTimeS();

  /**
   * Bytes exactly as they arrived from the link, in one read. Replay feeds them to a decoder for the
   * header's wire format, which is how a recording replays through exactly the live path.
   */
  record Bytes(double hostTimeS, byte[] data) implements RecordingEntry {}

  /** Already decoded samples, for sources that have no byte stream of their own (a phone, a file). */
  record Samples(double hostTimeS, List<ImuSample> samples) implements RecordingEntry {
    public Samples {
      samples = List.copyOf(samples);
    }
  }

  /** The device introduced itself (after the header was written: a HELLO arrives after connecting). */
  record Device(double hostTimeS, DeviceInfo info) implements RecordingEntry {}

  /**
   * The link went down or came back. A {@code down} followed by an {@code up} is a gap in the data; a
   * {@code down} with nothing after it is how a session ends when the device disappears for good.
   *
   * @param detail why it went down, or what was reopened ("reopened /dev/pts/4")
   */
  record Link(double hostTimeS, boolean up, String detail) implements RecordingEntry {}

  /**
   * The recording was closed cleanly. Its absence means the process died; everything before it is
   * still valid.
   *
   * @param summary counters of the session (bytes, frames, decoder statistics), as text
   */
  record End(double hostTimeS, Map<String, String> summary) implements RecordingEntry {
    public End {
      summary = Map.copyOf(summary);
    }
  }
}
