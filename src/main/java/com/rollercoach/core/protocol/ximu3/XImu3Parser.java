package com.rollercoach.core.protocol.ximu3;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Parses one x-IMU3 data message (without its {@code \n} terminator) in either encoding. Layouts
 * from x-IMU3-API/Rust/src/data_messages/inertial_message.rs, temperature_message.rs,
 * battery_message.rs, notification_message.rs, error_message.rs ({@code #[repr(C, packed)]}
 * structs, little-endian as the User Manual states) and byte stuffing from
 * x-IMU3-API/Rust/src/decoder.rs {@code undo_byte_stuffing} (SLIP with END = 0x0A).
 */
final class XImu3Parser {
  static final byte END = 0x0A;
  static final byte ESC = (byte) 0xDB;
  static final byte ESC_END = (byte) 0xDC;
  static final byte ESC_ESC = (byte) 0xDD;

  /** Ids of every data message in the x-IMU3 protocol (generate_data_messages.json + 'U'). */
  static final String KNOWN_IDS = "IMQRAULEHTBWSNF";

  /** Why a message could not be parsed. */
  static final class BadMessage extends Exception {
    BadMessage(String reason) {
      super(reason, null, false, false);
    }
  }

  private XImu3Parser() {}

  static boolean isBinaryId(int b) {
    return b >= 0x80 && KNOWN_IDS.indexOf((char) (b - 0x80)) >= 0;
  }

  static boolean isAsciiId(int b) {
    return KNOWN_IDS.indexOf((char) b) >= 0;
  }

  static XImu3Message parse(byte[] msg, int len) throws BadMessage {
    if (len == 0) throw new BadMessage("empty message");
    int first = msg[0] & 0xFF;
    if (first >= 0x80) return parseBinary(msg, unstuff(msg, len));
    return parseAscii(new String(msg, 0, len, StandardCharsets.US_ASCII));
  }

  /** Undoes byte stuffing in place; returns the new length. */
  static int unstuff(byte[] msg, int len) throws BadMessage {
    int out = 0;
    for (int i = 0; i < len; i++) {
      byte b = msg[i];
      if (b == ESC) {
        if (++i >= len) throw new BadMessage("escape byte at the end");
        if (msg[i] == ESC_END) b = END;
        else if (msg[i] == ESC_ESC) b = ESC;
        else throw new BadMessage(String.format("invalid escape sequence DB %02X", msg[i]));
      }
      msg[out++] = b;
    }
    return out;
  }

  private static XImu3Message parseBinary(byte[] msg, int len) throws BadMessage {
    char id = (char) ((msg[0] & 0xFF) - 0x80);
    ByteBuffer b = ByteBuffer.wrap(msg, 0, len).order(ByteOrder.LITTLE_ENDIAN);
    b.position(1);
    switch (id) {
      case 'I':
        requireLength(id, len, 1 + 8 + 6 * 4);
        return new XImu3Message.Inertial(
            b.getLong(), b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat(),
            b.getFloat());
      case 'T':
        requireLength(id, len, 1 + 8 + 4);
        return new XImu3Message.Temperature(b.getLong(), b.getFloat());
      case 'B':
        requireLength(id, len, 1 + 8 + 3 * 4);
        return new XImu3Message.Battery(b.getLong(), b.getFloat(), b.getFloat(), b.getFloat());
      case 'N':
      case 'F':
        if (len < 9) throw new BadMessage("binary '" + id + "' shorter than its timestamp");
        long ts = b.getLong();
        return new XImu3Message.Text(ts, id == 'F', printable(msg, 9, len));
      default:
        if (KNOWN_IDS.indexOf(id) < 0) {
          throw new BadMessage(String.format("unknown binary message id 0x%02X", msg[0] & 0xFF));
        }
        if (len < 9) throw new BadMessage("binary '" + id + "' shorter than its timestamp");
        return new XImu3Message.Other(b.getLong(), id);
    }
  }

  private static void requireLength(char id, int len, int expected) throws BadMessage {
    if (len != expected) {
      throw new BadMessage(
          "binary '" + id + "' message is " + len + " bytes, expected " + expected);
    }
  }

  private static XImu3Message parseAscii(String line) throws BadMessage {
    if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
    if (line.length() < 3 || line.charAt(1) != ',') throw new BadMessage("not an x-IMU3 message");
    char id = line.charAt(0);
    if (KNOWN_IDS.indexOf(id) < 0) throw new BadMessage("unknown message id '" + id + "'");
    int comma = line.indexOf(',', 2);
    String tsText = comma < 0 ? line.substring(2) : line.substring(2, comma);
    long ts = parseTimestamp(tsText);
    String rest = comma < 0 ? "" : line.substring(comma + 1);
    switch (id) {
      case 'I': {
        float[] v = floats(id, rest, 6);
        return new XImu3Message.Inertial(ts, v[0], v[1], v[2], v[3], v[4], v[5]);
      }
      case 'T':
        return new XImu3Message.Temperature(ts, floats(id, rest, 1)[0]);
      case 'B': {
        float[] v = floats(id, rest, 3);
        return new XImu3Message.Battery(ts, v[0], v[1], v[2]);
      }
      case 'N':
      case 'F':
        return new XImu3Message.Text(ts, id == 'F', rest);
      default:
        return new XImu3Message.Other(ts, id);
    }
  }

  private static long parseTimestamp(String text) throws BadMessage {
    try {
      long ts = Long.parseUnsignedLong(text);
      if (ts < 0) throw new BadMessage("timestamp beyond 2^63 µs");
      return ts;
    } catch (NumberFormatException e) {
      throw new BadMessage("timestamp '" + text + "' is not a whole number of µs");
    }
  }

  private static float[] floats(char id, String text, int n) throws BadMessage {
    String[] parts = text.split(",", -1);
    if (parts.length != n) {
      throw new BadMessage("'" + id + "' has " + parts.length + " values, expected " + n);
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      try {
        v[i] = Float.parseFloat(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new BadMessage("'" + id + "' value " + (i + 1) + " '" + parts[i] + "' is not a number");
      }
      if (!Float.isFinite(v[i])) throw new BadMessage("'" + id + "' value " + (i + 1) + " not finite");
    }
    return v;
  }

  /** Notification text, with non-printable bytes shown as spaces as the x-IMU3 API does. */
  private static String printable(byte[] msg, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      int c = msg[i] & 0xFF;
      sb.append(c < 0x20 || c > 0x7E ? ' ' : (char) c);
    }
    return sb.toString();
  }
}
