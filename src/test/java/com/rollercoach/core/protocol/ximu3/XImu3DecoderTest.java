package com.rollercoach.core.protocol.ximu3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.RecordingListener;
import com.rollercoach.core.sample.ImuSample;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Vectors are the worked examples of the x-IMU3 User Manual, "Communication protocol" section
 * (xioTechnologies/x-IMU3-User-Manual, Sections/communicationProtocol.tex): every data message
 * example there is "for a timestamp of 1 second (1,000,000 microseconds)", i.e. the timestamp
 * bytes 40 42 0F 00 00 00 00 00. Message layouts are cross-checked against the API's packed structs
 * (xioTechnologies/x-IMU3-Software, x-IMU3-API/Rust/src/data_messages/*.rs).
 */
class XImu3DecoderTest {
  private static final String TS_1S = "40 42 0F 00 00 00 00 00 ";

  static byte[] hex(String s) {
    String[] parts = s.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) out[i] = (byte) Integer.parseInt(parts[i], 16);
    return out;
  }

  private static RecordingListener decode(XImu3Decoder[] out, byte[]... chunks) {
    RecordingListener l = new RecordingListener();
    XImu3Decoder d = new XImu3Decoder(l);
    for (byte[] c : chunks) d.feed(c, 0, c.length, 0.0);
    out[0] = d;
    return l;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void manualInertialAsciiExample() {
    // Manual: "ASCII example: I,1000000,0.0000,0.0000,0.0000,0.0000,0.0000,1.0000\n"
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l = decode(d, ascii("I,1000000,0.0000,0.0000,0.0000,0.0000,0.0000,1.0000\n"));
    assertEquals(1, l.samples.size());
    assertEquals(new ImuSample(1.0, 0, 0, 1, 0, 0, 0), l.samples.get(0));
  }

  @Test
  void manualInertialBinaryExample() {
    // Manual: "Binary example: C9 40 42 0F 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    //  00 00 00 00 00 00 00 00 00 00 80 3F 0A" (0xC9 = 0x80 + 'I'; six little-endian floats)
    byte[] msg =
        hex("C9 " + TS_1S + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 80 3F 0A");
    assertEquals(34, msg.length, "size_of packed BinaryMessage in inertial_message.rs");
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l = decode(d, msg);
    assertEquals(new ImuSample(1.0, 0, 0, 1, 0, 0, 0), l.samples.get(0));
    assertEquals(1, d[0].stats().goodFrames());
  }

  @Test
  void inertialArgumentOrderIsGyroThenAccel() {
    // inertial_message.rs: gyroscope_x, _y, _z, accelerometer_x, _y, _z
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l =
        decode(d, ascii("I,2500000,10.5000,-20.2500,30.0000,0.1000,-0.2000,0.9750\r\n"));
    ImuSample s = l.samples.get(0);
    assertEquals(2.5, s.tS(), 1e-12);
    assertEquals(10.5, s.gxDps(), 1e-6);
    assertEquals(-20.25, s.gyDps(), 1e-6);
    assertEquals(30.0, s.gzDps(), 1e-6);
    assertEquals(0.1, s.axG(), 1e-6);
    assertEquals(-0.2, s.ayG(), 1e-6);
    assertEquals(0.975, s.azG(), 1e-6);
  }

  @Test
  void manualBatteryExamplesBothEncodings() {
    // Manual: "B,1000000,100.0000,4.2000,2.0000" and "C2 40 42 0F … 00 00 C8 42 66 66 86 40 00 00 00 40 0A"
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l =
        decode(
            d,
            ascii("B,1000000,100.0000,4.2000,2.0000\n"),
            hex("C2 " + TS_1S + "00 00 C8 42 66 66 86 40 00 00 00 40 0A"));
    assertEquals(2, l.statuses.size());
    for (var s : l.statuses) assertEquals(100.0, s.batteryPercent(), 1e-6);
    assertEquals(2, d[0].stats().goodFrames());
  }

  @Test
  void temperatureBothEncodings() {
    // Manual ASCII example "T,1000000,25.0000". Its binary example prints the float as
    // "00 00 41 C8", the bytes of 25.0f in big-endian pair order; the manual states little-endian
    // and temperature_message.rs reads a packed little-endian f32, so 25.0 is 00 00 C8 41.
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l =
        decode(d, ascii("T,1000000,25.0000\n"), hex("D4 " + TS_1S + "00 00 C8 41 0A"));
    assertEquals(25.0, l.statuses.get(0).temperatureC(), 1e-6);
    assertEquals(25.0, l.statuses.get(1).temperatureC(), 1e-6);
  }

  @Test
  void manualNotificationAndErrorExamples() {
    // Manual: "CE 40 42 0F 00 00 00 00 00 42 75 74 74 6F 6E 20 70 72 65 73 73 65 64 2E 0A" and
    // "C6 … 42 61 74 74 65 72 79 20 65 6D 70 74 79 2E 0A"
    XImu3Decoder[] d = new XImu3Decoder[1];
    decode(d, hex("CE " + TS_1S + "42 75 74 74 6F 6E 20 70 72 65 73 73 65 64 2E 0A"));
    assertEquals("Button pressed.", d[0].lastNotification().orElseThrow());
    decode(d, hex("C6 " + TS_1S + "42 61 74 74 65 72 79 20 65 6D 70 74 79 2E 0A"));
    assertEquals("error: Battery empty.", d[0].lastNotification().orElseThrow());
    decode(d, ascii("N,1000000,Button pressed.\n"));
    assertEquals("Button pressed.", d[0].lastNotification().orElseThrow());
  }

  @Test
  void otherManualExamplesAreRecognisedAndIgnored() {
    // Manual magnetometer "CD … 00 00 80 3F 00 00 00 00 00 00 00 00 0A", quaternion "Q,1000000,1.0000,…"
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l =
        decode(
            d,
            hex("CD " + TS_1S + "00 00 80 3F 00 00 00 00 00 00 00 00 0A"),
            ascii("Q,1000000,1.0000,0.0000,0.0000,0.0000\n"),
            ascii("A,1000000,0.0000,0.0000,0.0000\n"));
    assertTrue(l.samples.isEmpty());
    assertEquals(3, d[0].ignoredMessages());
    assertEquals(0, d[0].stats().resyncs());
  }

  @Test
  void manualByteStuffingExamples() throws Exception {
    // Manual table "Byte stuffing examples": after-stuffing bytes (without the final 0A) undo to
    // the before-stuffing bytes.
    String[][] table = {
      {"45 58 41 4D 50 4C 45", "45 58 41 4D 50 4C 45"},
      {"45 DB DC 41 4D 50 4C 45", "45 0A 41 4D 50 4C 45"},
      {"45 58 DB DD 4D 50 4C 45", "45 58 DB 4D 50 4C 45"},
      {"45 58 41 4D 50 DB DD DB DC", "45 58 41 4D 50 DB 0A"},
    };
    for (String[] row : table) {
      byte[] stuffed = hex(row[0]);
      int n = XImu3Parser.unstuff(stuffed, stuffed.length);
      assertArrayEquals(hex(row[1]), java.util.Arrays.copyOf(stuffed, n), row[0]);
    }
    byte[] badEscape = hex("45 DB 41");
    assertThrows(XImu3Parser.BadMessage.class, () -> XImu3Parser.unstuff(badEscape, 3));
  }

  @Test
  void stuffedInertialMessageWithNewlineAndEscapeBytesInside() {
    // A timestamp of 0x0A µs and an accelerometer z whose float bytes contain 0xDB and 0x0A: the
    // rules of the manual's "Byte stuffing" section applied to the inertial layout.
    float az = Float.intBitsToFloat(0x3F0ADB00);
    ByteBuffer raw = ByteBuffer.allocate(33).order(ByteOrder.LITTLE_ENDIAN);
    raw.put((byte) 0xC9).putLong(10L);
    raw.putFloat(0).putFloat(0).putFloat(0).putFloat(0).putFloat(0).putFloat(az);
    byte[] stuffed = stuff(raw.array());
    assertTrue(stuffed.length > 34, "escapes were needed");
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l = decode(d, ascii("I,0,0,0,0,0,0,1\n"), stuffed);
    assertEquals(2, l.samples.size());
    assertEquals(10e-6, l.last().tS(), 1e-12);
    assertEquals(az, (float) l.last().azG());
  }

  @Test
  void pingResponseIntroducesTheDevice() {
    // Manual "Ping response" example; "The actual JSON will not include any whitespace."
    XImu3Decoder[] d = new XImu3Decoder[1];
    RecordingListener l =
        decode(d, ascii("{\"ping\":{\"interface\":\"USB\",\"name\":\"x-IMU3\",\"sn\":\"01234567\"}}\n"));
    assertEquals("01234567", l.infos.get(0).deviceId());
    assertEquals("x-IMU3 via USB", l.infos.get(0).sensorModel());
  }

  @Test
  void garbageWrongLengthsAndDeviceResetAreSurvived() {
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    s.writeBytes(hex("00 FF 13 37 0A")); // noise up to a newline
    for (int i = 0; i < 10; i++) s.writeBytes(ascii("I," + (5_000_000 + i * 10_000) + ",0,0,0,0,0,1\n"));
    s.writeBytes(hex("C9 " + TS_1S + "00 00 80 3F 0A")); // truncated binary inertial
    s.writeBytes(ascii("I,5100000,0,0,zero,0,0,1\n")); // corrupted digits
    // device reset: timestamps restart near zero
    for (int i = 0; i < 10; i++) s.writeBytes(ascii("I," + (20_000 + i * 10_000) + ",0,0,0,0,0,1\n"));
    byte[] b = s.toByteArray();
    RecordingListener l = new RecordingListener();
    XImu3Decoder d = new XImu3Decoder(l);
    for (int i = 0; i < b.length; i += 7) d.feed(b, i, Math.min(7, b.length - i), 0.0);
    assertEquals(20, l.samples.size());
    assertEquals(3, d.stats().resyncs(), "noise, truncated binary, corrupted ASCII");
    assertEquals(1, d.clockResets());
    for (int i = 1; i < l.samples.size(); i++) {
      assertTrue(l.samples.get(i).tS() > l.samples.get(i - 1).tS());
    }
  }

  @Test
  void sniffsXImu3ButNotArduinoText() {
    byte[] ximu =
        ascii("0000,0.0000,1.0000\nI,1000000,0,0,0,0,0,1\nI,1010000,0,0,0,0,0,1\nT,1000000,25.0\n");
    assertTrue(XImu3Decoder.looksLike(ximu, 0, ximu.length));
    byte[] bin =
        hex("C9 " + TS_1S + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 80 3F 0A "
            + "C9 " + TS_1S + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 80 3F 0A");
    assertTrue(XImu3Decoder.looksLike(bin, 0, bin.length));
    byte[] arduino = ascii("1200,0.01,0.02,0.99,1.5,-0.5,0.2\n1210,0.01,0.02,0.99,1.5,-0.5,0.2\n");
    assertFalse(XImu3Decoder.looksLike(arduino, 0, arduino.length));
    byte[] plotter = ascii("AccelX:0.1,AccelY:0.2\nAccelX:0.1,AccelY:0.2\nAccelX:0.1,AccelY:0.2\n");
    assertFalse(XImu3Decoder.looksLike(plotter, 0, plotter.length));
  }

  /** SLIP-style stuffing with END = 0x0A, as the manual describes, plus the terminator. */
  static byte[] stuff(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : raw) {
      if (b == 0x0A) {
        out.write(0xDB);
        out.write(0xDC);
      } else if (b == (byte) 0xDB) {
        out.write(0xDB);
        out.write(0xDD);
      } else {
        out.write(b);
      }
    }
    out.write(0x0A);
    return out.toByteArray();
  }
}
