package com.rollercoach.io.live;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.DeviceStatus;
import java.io.IOException;

/**
 * Side information of a live session for displays (the terminal, the GUI's connection banner): who is
 * connected, link state, device health. Called on the reading thread; keep it quick.
 */
public interface LiveObserver {
  LiveObserver NONE = new LiveObserver() {};

  default void deviceInfo(DeviceInfo info) {}

  default void status(DeviceStatus status) {}

  default void linkUp(double hostTimeS, String detail) {}

  default void linkDown(double hostTimeS, String reason) {}

  /**
   * Writing the recording failed (disk full, folder removed). Recording stops; what was flushed stays
   * valid, and the session goes on without it.
   */
  default void recordingFailed(IOException e) {}

  /**
   * Decoding or the pipeline threw (a bug). Reported once; the raw bytes are still recorded, so the
   * session can be replayed once it is fixed.
   */
  default void processingFailed(RuntimeException e) {}

  /** Something about the source the user should know that is not a link change (one line). */
  default void warning(String text) {}

  /**
   * Samples refused at the edge (NaN from a phone, a clock that jumped): {@code count} so far for
   * this reason. Called for the 1st, 10th, 100th, … so a display can say so without flooding.
   */
  default void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {}
}
