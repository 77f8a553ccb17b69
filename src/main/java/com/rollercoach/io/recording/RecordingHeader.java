package com.rollercoach.io.recording;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.SessionMetadata;
import java.time.Instant;
import java.util.Optional;

/**
 * The first record of every recording.
 *
 * @param startedAt wall-clock time at host time 0 (host times of entries count from here)
 * @param source where the data came from, for people ("serial /dev/rfcomm0 @ 115200", "emulator seed 7")
 * @param wireFormat how to decode {@link RecordingEntry.Bytes} ("roller-binary/1", "ascii-csv", or
 *     "auto" to detect it from the bytes); unused when the recording holds only samples
 * @param device the device, when it was known before recording began
 * @param metadata anything else (roller diameter, patient, notes): the same keys as CSV metadata
 */
public record RecordingHeader(
    Instant startedAt,
    String source,
    String wireFormat,
    Optional<DeviceInfo> device,
    SessionMetadata metadata) {

  /** Wire format name meaning "detect it from the bytes". */
  public static final String WIRE_FORMAT_AUTO = "auto";

  public RecordingHeader withDevice(DeviceInfo info) {
    return new RecordingHeader(startedAt, source, wireFormat, Optional.of(info), metadata);
  }
}
