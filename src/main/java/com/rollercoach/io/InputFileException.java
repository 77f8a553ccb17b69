package com.rollercoach.io;

/**
 * A session file that cannot be read: the message is one line naming the file (and line or offset)
 * and the reason, ready to show a person. Format readers throw subclasses; commands turn it into
 * their one-line error.
 */
public class InputFileException extends RuntimeException {
  public InputFileException(String message) {
    super(message);
  }

  public InputFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
