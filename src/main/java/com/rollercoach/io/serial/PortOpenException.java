package com.rollercoach.io.serial;

import java.io.IOException;

/** A serial port could not be opened; the message is one line naming the port, the cause and a fix. */
public final class PortOpenException extends IOException {
  /** Why, so callers can decide whether retrying can help (an unplugged port comes back; EACCES won't). */
  public enum Reason {
    NO_SUCH_PORT,
    PERMISSION_DENIED,
    BUSY,
    OTHER
  }

  private final Reason reason;

  public PortOpenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
