package com.rollercoach.io.recording;

import java.io.IOException;

/**
 * The file is not a recording, or it is damaged somewhere other than its last record (a torn last
 * record is expected after a crash and only produces a warning). The message names the file, the byte
 * offset and the reason.
 */
public final class RecordingFormatException extends IOException {
  public RecordingFormatException(String message) {
    super(message);
  }
}
