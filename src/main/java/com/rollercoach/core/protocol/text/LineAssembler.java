package com.rollercoach.core.protocol.text;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into text lines at {@code \n} (a preceding {@code \r} is dropped), one byte at
 * a time, remembering where each line started so problems can be reported by line and byte.
 * Lines longer than {@link #MAX_LINE} bytes, or holding bytes no text sketch prints (control bytes,
 * bytes ≥ 0x80: line noise, a wrong baud rate, a binary protocol), are delivered as garbage.
 */
final class LineAssembler {
  /** Longest plausible IMU text line; a label:value line with 7 labelled floats is ~120 bytes. */
  static final int MAX_LINE = 512;

  /** Receives each completed line. */
  interface Sink {
    void line(String text, long lineNumber, long byteOffset, double hostTimeS);

    void garbage(String reason, long lineNumber, long byteOffset, double hostTimeS);
  }

  private final byte[] buf = new byte[MAX_LINE];
  private int len;
  private boolean overlong;
  private boolean binary;
  private long lineNumber = 1;
  private long lineStart;
  private long position;
  private double lastHostTimeS;

  double lastHostTimeS() {
    return lastHostTimeS;
  }

  void feed(byte[] data, int off, int n, double hostTimeS, Sink sink) {
    lastHostTimeS = hostTimeS;
    for (int i = off; i < off + n; i++) {
      byte b = data[i];
      position++;
      if (b == '\n') {
        emit(hostTimeS, sink);
        continue;
      }
      if (len < MAX_LINE) {
        buf[len++] = b;
      } else {
        overlong = true;
      }
      if ((b < 0x20 && b != '\t' && b != '\r') || b < 0) binary = true;
    }
  }

  /** End of input: a last line without its newline still counts. */
  void finish(double hostTimeS, Sink sink) {
    if (len > 0 || overlong) emit(hostTimeS, sink);
  }

  private void emit(double hostTimeS, Sink sink) {
    if (overlong) {
      sink.garbage("line longer than " + MAX_LINE + " bytes", lineNumber, lineStart, hostTimeS);
    } else if (binary) {
      sink.garbage("non-text bytes", lineNumber, lineStart, hostTimeS);
    } else {
      int end = len;
      if (end > 0 && buf[end - 1] == '\r') end--;
      sink.line(new String(buf, 0, end, StandardCharsets.US_ASCII), lineNumber, lineStart, hostTimeS);
    }
    len = 0;
    overlong = false;
    binary = false;
    lineNumber++;
    lineStart = position;
  }
}
