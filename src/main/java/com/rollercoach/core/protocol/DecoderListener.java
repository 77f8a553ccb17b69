package com.rollercoach.core.protocol;

import com.rollercoach.core.sample.ImuSample;

/** What a {@link StreamDecoder} found in the byte stream. */
public interface DecoderListener {
  void sample(ImuSample sample);

  /** The device introduced itself (HELLO, or a header line of a text format). */
  default void deviceInfo(DeviceInfo info) {}

  default void status(DeviceStatus status) {}

  /** Frames are known to be missing (a sequence gap) between two device times. */
  default void framesLost(long count, double fromS, double toS) {}
}
