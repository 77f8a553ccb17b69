package com.rollercoach.io.csv;

import com.rollercoach.io.InputFileException;

/**
 * A CSV file that cannot be read as IMU samples. The message is one line, "FILE:LINE: reason", ready
 * to show a person as it is.
 */
public final class CsvFormatException extends InputFileException {
  private final String file;
  private final long line;
  private final String reason;

  public CsvFormatException(String file, long line, String reason) {
    super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** 1-based line number, 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
