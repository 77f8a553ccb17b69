package com.rollercoach.io.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The data-row hot loop of CSV reading: finds lines and fields in a byte buffer and parses the needed
 * fields with FastDoubleParser straight from the bytes — no {@code String} per line or field, no
 * allocation per row. An hour at 200 Hz is 720 000 rows: at that count the {@code String}, its {@code
 * byte[]} and the UTF-8 decode per line used to cost more than the numbers themselves.
 *
 * <p>Line terminators are {@code \n}, {@code \r\n} and a lone {@code \r}, like {@link
 * java.io.BufferedReader#readLine}. Line numbers are 1-based. Which fields are needed and what they mean
 * is the caller's business ({@link CsvColumns}); this class only delivers numbers or a one-line {@link
 * CsvFormatException}.
 */
final class ByteRowParser {
  private static final int INITIAL_BUFFER = 1 << 15; // grows for a longer line, up to MAX_LINE
  /** The longest line read, as for every text session file. */
  private static final int MAX_LINE = com.rollercoach.io.TextLines.MAX_LINE;

  private final InputStream in;
  private final String name;
  private byte[] buf = new byte[INITIAL_BUFFER];
  /** Valid bytes are buf[0, limit); the next line starts at pos. */
  private int pos;
  private int limit;
  private boolean eof;
  private boolean bomChecked;
  /** The current line is buf[lineStart, lineEnd), without its terminator. */
  private int lineStart;
  private int lineEnd;
  private long lineNumber;
  /** Where each field of the current row starts; one extra slot marks the end of the last one. */
  private int[] fieldStarts = new int[8];

  ByteRowParser(InputStream in, String name) {
    this.in = in;
    this.name = name;
  }

  /** Reads a character stream as UTF-8 bytes (tests and callers that only have a {@link Reader}). */
  static InputStream utf8(Reader reader) {
    return new Utf8Stream(reader);
  }

  /** 1-based number of the current line; 0 before the first. */
  long lineNumber() {
    return lineNumber;
  }

  /** The next line decoded as UTF-8 (for headers and comments), or null at the end of the input. */
  String nextTextLine() {
    if (!advance()) return null;
    requireUtf8(lineStart, lineEnd);
    return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /**
   * Moves to the next line that holds data, skipping blank lines and lines starting with {@code #};
   * false at the end of the input.
   */
  boolean nextRow() {
    while (advance()) {
      if (lineEnd > lineStart && buf[lineStart] == '#') {
        requireUtf8(lineStart, lineEnd); // comments are rare: checked like the text lines
        continue;
      }
      if (!isBlank(lineStart, lineEnd)) return true;
    }
    return false;
  }

  /** True when nothing follows the current line: it is the last one (perhaps cut off mid-write). */
  boolean currentIsLast() {
    return pos >= limit && !fill();
  }

  /**
   * Parses fields {@code columns[i]} of the current row into {@code out[i]}.
   *
   * @param maxIndex the highest index in {@code columns}: a row with fewer fields is an error
   * @throws CsvFormatException naming the line and the column when a field is missing or is not a
   *     number
   */
  void parseRow(int[] columns, int maxIndex, double[] out) {
    if (fieldStarts.length < maxIndex + 2) fieldStarts = new int[maxIndex + 2];
    int[] starts = fieldStarts;
    byte[] b = buf;
    int end = lineEnd;
    int field = 0;
    int i = lineStart;
    while (true) {
      starts[field++] = i;
      while (i < end && b[i] != ',') i++;
      i++; // past the comma (or one past the end, as if a comma ended the line)
      if (field > maxIndex || i > end) break;
    }
    if (field <= maxIndex) {
      requireUtf8(lineStart, lineEnd);
      throw new CsvFormatException(
          name, lineNumber, "expected at least " + (maxIndex + 1) + " fields, found " + field);
    }
    starts[field] = i;
    for (int k = 0; k < columns.length; k++) {
      int f = columns[k];
      out[k] = number(starts[f], starts[f + 1] - 1, f);
    }
  }

  /** Which {@code out} slot each field fills (−1: not needed), made for {@link #slotColumns}. */
  private int[] slotOfField;
  private int[] slotColumns;
  private boolean slotsUsable;

  /**
   * The usual data row in one pass over the line: a line wholly in the buffer and ended by {@code \n}
   * whose needed fields are numbers: its commas and its end are found in one scan, each needed field
   * parsed as soon as it ends ({@link #parseDouble}, the same function {@link #parseRow} uses).
   * {@link #nextRow} + {@link #parseRow} scan every byte twice before parsing (the line end, then the
   * commas), which was most of the parse thread's time in `analyze` (C1 code, JFR, docs/benchmarks.md
   * round 6). Anything else — a comment, a blank or {@code \r}-ended line, a line not yet buffered, a
   * short row, a field that is not a number — returns false with nothing consumed, and the caller reads
   * that line as before, so every value and every error is the one {@link #parseRow} gives.
   */
  boolean fastRow(int[] columns, int maxIndex, double[] out) {
    if (slotColumns != columns) makeSlots(columns, maxIndex);
    if (!slotsUsable) return false;
    int[] slots = slotOfField;
    byte[] b = buf;
    int lim = limit;
    int i = pos;
    if (i >= lim) return false;
    byte c = b[i];
    if (c == '#' || c == '\n' || c == '\r') return false; // a comment or a blank line
    int field = 0;
    while (true) {
      int from = i;
      while (i < lim && (c = b[i]) != ',' && c != '\n' && c != '\r') i++;
      if (i >= lim) return false;
      int slot = field <= maxIndex ? slots[field] : -1;
      if (slot >= 0) {
        try {
          out[slot] = parseDouble(b, from, i);
        } catch (NumberFormatException e) {
          return false; // not a number: the general path reads it (a logger's "nan") or reports it
        }
      }
      if (c == ',') {
        field++;
        i++;
        continue;
      }
      if (c == '\r' || field < maxIndex) return false; // \r\n, a lone \r, a short row: as before
      lineStart = pos;
      lineEnd = i;
      lineNumber++;
      pos = i + 1;
      return true;
    }
  }

  private void makeSlots(int[] columns, int maxIndex) {
    slotColumns = columns;
    slotOfField = new int[maxIndex + 1];
    java.util.Arrays.fill(slotOfField, -1);
    slotsUsable = true;
    for (int k = 0; k < columns.length; k++) {
      int f = columns[k];
      if (f < 0 || f > maxIndex || slotOfField[f] >= 0) {
        slotsUsable = false; // a field read twice (or out of range): only the general path
        return;
      }
      slotOfField[f] = k;
    }
  }

  private double number(int from, int to, int column) {
    try {
      // NaN and ±Infinity (Java's spelling, or an overflow) are returned as such: the edge rules
      // (SampleValidator) refuse that one row, unlike garbage text, which is a broken file.
      return parseDouble(buf, from, to);
    } catch (NumberFormatException e) {
      // a logger's spelling of a non-finite value, or not a number at all: decided below
    }
    requireUtf8(lineStart, lineEnd); // bytes that are not UTF-8 are a file problem, not a number one
    String field = new String(buf, from, to - from, StandardCharsets.UTF_8).trim();
    // Loggers write non-finite values as "nan", "inf", "-inf" or "null": a number the sensor could not
    // give, left to the edge rules (one bad sample). Rare, so a String here costs nothing.
    switch (field.toLowerCase(Locale.ROOT)) {
      case "nan", "null", "-nan", "+nan":
        return Double.NaN;
      case "inf", "+inf", "infinity", "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (field.length() > 20) field = field.substring(0, 20) + "…";
    throw new CsvFormatException(
        name, lineNumber, "column " + (column + 1) + ": '" + field + "' is not a finite number");
  }

  /** Exact powers of ten up to 10^22, the largest that a double holds exactly. */
  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * Double.parseDouble of b[from, to), bit for bit. A plain decimal as loggers write it ("-0.01234",
   * at most 18 digits, no exponent) whose digits make an integer m ≤ 2^53 with k ≤ 22 digits after the
   * point is m / 10^k: both are exact doubles, so the one division is correctly rounded (Clinger's fast
   * path) — and it is a short loop that C1, the launcher's only compiler, compiles well, unlike the
   * general parser's call chain. Anything else goes to FastDoubleParser (throws on garbage).
   */
  static double parseDouble(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) negative = b[i++] == '-';
    long m = 0;
    int digits = 0;
    int fraction = -1; // digits after the point, -1 before the point
    for (; i < to; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
        if (fraction >= 0) fraction++;
        if (++digits > 18) break;
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        break;
      }
    }
    if (i == to && digits > 0 && m <= (1L << 53) && fraction <= 22) {
      double v = fraction > 0 ? m / POW10[fraction] : (double) m;
      return negative ? -v : v;
    }
    return JavaDoubleParser.parseDouble(b, from, to - from);
  }

  /**
   * Throws the reader's "not UTF-8" error (an {@link UncheckedIOException} around a {@link
   * java.nio.charset.MalformedInputException}, as a decoding reader would) when buf[from, to) is not
   * valid UTF-8. Only lines that are read as text or failed as numbers are checked: a data row whose
   * numbers parse is ASCII where it matters.
   */
  private void requireUtf8(int from, int to) {
    int i = from;
    while (i < to && buf[i] >= 0) i++;
    if (i == to) return; // ASCII: the usual case, no decoder
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, from, to - from));
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UncheckedIOException(name + ":" + lineNumber + ": not UTF-8 text", e);
    }
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(buf[i])) return false;
    }
    return true;
  }

  /** Makes the next line current; false at the end of the input. */
  private boolean advance() {
    int i = pos;
    while (true) {
      byte[] b = buf;
      int lim = limit;
      while (i < lim) {
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          lineStart = pos;
          lineEnd = i;
          lineNumber++;
          if (c == '\r') {
            // \r\n is one terminator; look one byte ahead, refilling if it is not buffered yet
            if (i + 1 >= limit) {
              int before = lineStart;
              fill();
              i -= before - lineStart; // fill() may have moved the buffered bytes to the front
            }
            if (i + 1 < limit && buf[i + 1] == '\n') i++;
          }
          pos = i + 1;
          return true;
        }
        i++;
      }
      int scanned = i - pos;
      if (scanned > MAX_LINE) {
        // a file with no line ends (or a binary one) must not fill the memory looking for one
        throw new UncheckedIOException(name + ": line " + (lineNumber + 1) + ": too long",
            new IOException("line " + (lineNumber + 1) + ": longer than " + MAX_LINE
                + " characters — not a text session file (or a file with no line ends)"));
      }
      if (!fill()) {
        if (pos >= limit) return false;
        lineStart = pos; // a last line without a terminator
        lineEnd = limit;
        pos = limit;
        lineNumber++;
        return true;
      }
      i = pos + scanned;
    }
  }

  /**
   * Reads more input after the unread bytes, moving them (and the current line) to the front first;
   * false when the input has ended and no byte was added.
   */
  private boolean fill() {
    if (eof) return false;
    int keep = Math.min(pos, lineStart); // the current line stays addressable until the next advance
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, limit - keep);
      limit -= keep;
      pos -= keep;
      lineStart -= keep;
      lineEnd -= keep;
    }
    if (limit == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    try {
      int n;
      do {
        n = in.read(buf, limit, buf.length - limit);
      } while (n == 0);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
      if (!bomChecked) skipByteOrderMark();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Steps over a UTF-8 byte-order mark at the very start: Excel's "CSV UTF-8" and some loggers write
   * one, and before the header's first name it made "t_s" unknown (the text-line reader strips it
   * too, {@code TextLines}).
   */
  private void skipByteOrderMark() throws IOException {
    while (limit < 3) {
      int m = in.read(buf, limit, buf.length - limit);
      if (m < 0) {
        eof = true;
        break;
      }
      limit += m;
    }
    bomChecked = true;
    if (limit >= 3 && pos == 0 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
      pos = 3;
    }
  }

  void close() throws IOException {
    in.close();
  }

  /** A {@link Reader} encoded as UTF-8 bytes, streaming. */
  private static final class Utf8Stream extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
    private boolean readerDone;

    Utf8Stream(Reader reader) {
      this.reader = reader;
      chars.flip();
      bytes.flip();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (!bytes.hasRemaining()) {
        if (readerDone && !chars.hasRemaining()) return -1;
        chars.compact();
        int n = readerDone ? -1 : reader.read(chars);
        chars.flip();
        if (n < 0) readerDone = true;
        bytes.clear();
        CoderResult r = encoder.encode(chars, bytes, readerDone);
        if (r.isError()) r.throwException();
        bytes.flip();
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
