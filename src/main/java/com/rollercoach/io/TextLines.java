package com.rollercoach.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a text file read with two limits a session file must respect: a line may not be longer
 * than {@link #MAX_LINE} characters (a 2 GB file with no line end must not fill the memory), and the
 * bytes must be UTF-8 (a binary file or another encoding stops with a one-line {@link
 * InputFileException}, never an {@code UncheckedIOException} with a stack trace). Line ends may be
 * {@code \n}, {@code \r\n} or {@code \r}.
 */
public final class TextLines implements Closeable {
  /** Longer than any header a sensor tool writes (x-IMU3's widest is under 1 KB). */
  public static final int MAX_LINE = 1 << 16;

  private final Reader in;
  private final String name;
  private final char[] buf = new char[1 << 14];
  private int pos;
  private int len;
  private long lineNumber;
  private boolean skipLf;

  /**
   * @param name how messages name the input (file, or zip!entry)
   */
  public TextLines(InputStream in, String name) {
    // REPLACE, then refuse the line holding U+FFFD: REPORT would fail a whole read-ahead chunk,
    // naming the wrong line
    this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    this.name = name;
  }

  /** The number of the line {@link #next()} returned last (1-based). */
  public long lineNumber() {
    return lineNumber;
  }

  /**
   * The next line without its line end, a leading byte-order mark removed; null at the end.
   *
   * @throws InputFileException for a line over {@link #MAX_LINE} characters or bytes that are not UTF-8
   */
  public String next() {
    StringBuilder line = null;
    try {
      while (true) {
        if (pos >= len) {
          len = in.read(buf, 0, buf.length);
          pos = 0;
          if (len <= 0) {
            len = 0;
            if (line == null) return null;
            return finish(line);
          }
        }
        if (skipLf) {
          skipLf = false;
          if (buf[pos] == '\n') {
            pos++;
            continue;
          }
        }
        int start = pos;
        while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') pos++;
        if (line == null) line = new StringBuilder(Math.min(256, pos - start + 16));
        if (line.length() + pos - start > MAX_LINE) {
          throw new InputFileException(String.format(
              "%s line %d: longer than %d characters — not a text session file (or a file with no line ends)",
              name, lineNumber + 1, MAX_LINE));
        }
        line.append(buf, start, pos - start);
        if (pos < len) {
          if (buf[pos] == '\r') skipLf = true;
          pos++;
          return finish(line);
        }
      }
    } catch (IOException e) {
      throw new InputFileException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private String finish(StringBuilder line) {
    lineNumber++;
    if (line.indexOf("\uFFFD") >= 0) {
      throw new InputFileException(String.format(
          "%s line %d: not UTF-8 text (a binary file, or text saved in another encoding)", name, lineNumber));
    }
    if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') line.deleteCharAt(0);
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
