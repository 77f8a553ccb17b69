package com.rollercoach.review.patients;

/** A patient file that cannot be read; the message is one line naming the file and the reason. */
public final class PatientFileException extends RuntimeException {
  public PatientFileException(String message) {
    super(message);
  }
}
