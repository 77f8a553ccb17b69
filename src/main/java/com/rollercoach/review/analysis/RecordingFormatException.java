package com.rollercoach.review.analysis;

import java.io.IOException;

/** A stored session that cannot be read; the message names the file (and line) and the reason. */
public class RecordingFormatException extends IOException {
  public RecordingFormatException(String message) {
    super(message);
  }
}
