package com.rollercoach.cli;

/**
 * A problem with what the user gave us (a file, a port, an option), reported as one line without a
 * stack trace. The message must already say where (file and line, port path) and why.
 */
public class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
