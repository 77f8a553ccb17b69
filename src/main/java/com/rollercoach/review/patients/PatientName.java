package com.rollercoach.review.patients;

import java.util.regex.Pattern;

/**
 * What a patient may be called. Names come from a keyboard in the window or the terminal and end up in
 * file names, HTML and terminal output, so they are kept to letters (any script), digits, spaces and
 * {@code . - _ '}, starting with a letter or digit, at most 64 characters.
 */
public final class PatientName {
  public static final int MAX_LENGTH = 64;
  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} ._'-]*");

  private PatientName() {}

  /** The name trimmed, or an {@link IllegalArgumentException} saying in one line what is wrong. */
  public static String validate(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a patient needs a name");
    String n = name.strip().replaceAll(" {2,}", " ");
    if (n.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("patient name too long (" + n.length() + " characters, at most "
          + MAX_LENGTH + ")");
    }
    if (!ALLOWED.matcher(n).matches()) {
      throw new IllegalArgumentException("patient name \"" + n.replaceAll("\\p{Cntrl}", "?")
          + "\": use letters, digits, spaces and . - _ ' (starting with a letter or digit)");
    }
    return n;
  }
}
