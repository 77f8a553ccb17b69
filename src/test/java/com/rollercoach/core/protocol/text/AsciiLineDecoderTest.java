package com.rollercoach.core.protocol.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.RecordingListener;
import com.rollercoach.core.sample.ImuSample;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AsciiLineDecoderTest {
  private static final double G = ImuSample.STANDARD_GRAVITY;

  /** A roller turning at 30 °/s about x: gravity turns in the y–z plane. */
  private static double[] truth(int i, double rateHz) {
    double t = i / rateHz;
    double angle = Math.toRadians(30 * t);
    return new double[] {0.0, Math.sin(angle), Math.cos(angle), 30.0, 0.5, -0.25};
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  private static RecordingListener decode(AsciiLineDecoder[] out, LineLayout layout, String text) {
    RecordingListener l = new RecordingListener();
    AsciiLineDecoder d = new AsciiLineDecoder(layout, l);
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    d.feed(b, 0, b.length, 0.0);
    out[0] = d;
    return l;
  }

  @Test
  void arduinoLsm6ds3StyleTabSeparatedWithMillisIsDetected() {
    // SimpleAccelerometer's banner (arduino-libraries/Arduino_LSM6DS3 examples), extended with the
    // gyro and a millis() column the way people combine the two examples.
    StringBuilder s = new StringBuilder();
    s.append("Accelerometer sample rate = 104.00 Hz\r\n\r\nAcceleration in G's\r\nX\tY\tZ\r\n");
    for (int i = 0; i < 200; i++) {
      double[] v = truth(i, 104);
      s.append(fmt("%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\r\n", 1200 + Math.round(i * 1000 / 104.0),
          v[0], v[1], v[2], v[3], v[4], v[5]));
    }
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    RecordingListener l = decode(d, LineLayout.auto(), s.toString());
    assertEquals(200, l.samples.size());
    ResolvedLayout layout = d[0].layout().orElseThrow();
    assertEquals(Column.T_MS, layout.time());
    assertEquals(AccelUnit.G, layout.accelUnit());
    assertEquals(GyroUnit.DEG_PER_S, layout.gyroUnit());
    ImuSample s100 = l.samples.get(100);
    assertEquals((1200 + Math.round(100 * 1000 / 104.0)) / 1000.0, s100.tS(), 1e-9);
    assertEquals(truth(100, 104)[2], s100.azG(), 0.006);
    assertEquals(30.0, s100.gxDps(), 1e-9);
    assertEquals(4, d[0].ignoredLines(), "banner, blank line, heading, X Y Z row");
    assertEquals(0, d[0].malformedLines());
    assertEquals(1, l.infos.size());
  }

  @Test
  void adafruitPlotterLabelsAreSiUnits() {
    // The exact print sequence of adafruit/Adafruit_MPU6050 examples/plotter/plotter.ino:
    // "AccelX:" v "," "AccelY:" v "," "AccelZ:" v ", " "GyroX:" v "," "GyroY:" v "," "GyroZ:" v
    StringBuilder s = new StringBuilder("\r\n");
    for (int i = 0; i < 60; i++) {
      double[] v = truth(i, 100);
      s.append(fmt("AccelX:%.2f,AccelY:%.2f,AccelZ:%.2f, GyroX:%.2f,GyroY:%.2f,GyroZ:%.2f\r\n",
          v[0] * G, v[1] * G, v[2] * G, Math.toRadians(v[3]), Math.toRadians(v[4]),
          Math.toRadians(v[5])));
    }
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    RecordingListener l = decode(d, LineLayout.auto(), s.toString());
    assertEquals(60, l.samples.size());
    assertEquals(AccelUnit.METRES_PER_S2, d[0].layout().orElseThrow().accelUnit());
    assertEquals(GyroUnit.RAD_PER_S, d[0].layout().orElseThrow().gyroUnit());
    ImuSample s30 = l.samples.get(30);
    assertEquals(truth(30, 100)[2], s30.azG(), 0.001);
    assertEquals(30.0, s30.gxDps(), 0.3, "0.52 rad/s printed with 2 decimals");
  }

  @Test
  void adafruitBasicReadingsMultiLineRecords() {
    // adafruit/Adafruit_MPU6050 examples/basic_readings/basic_readings.ino prints each reading as
    // three lines and a blank one.
    String text =
        "Adafruit MPU6050 test!\r\nMPU6050 Found!\r\nAccelerometer range set to: +-8G\r\n"
            + "Gyro range set to: +- 500 deg/s\r\nFilter bandwidth set to: 21 Hz\r\n\r\n"
            + "Acceleration X: -0.14, Y: 0.21, Z: 9.78 m/s^2\r\n"
            + "Rotation X: -0.07, Y: 0.01, Z: 0.52 rad/s\r\n"
            + "Temperature: 24.53 degC\r\n\r\n"
            + "Acceleration X: -0.15, Y: 0.20, Z: 9.79 m/s^2\r\n"
            + "Rotation X: -0.06, Y: 0.01, Z: 0.53 rad/s\r\n"
            + "Temperature: 24.54 degC\r\n\r\n";
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    RecordingListener l = decode(d, LineLayout.auto(), text);
    assertEquals(2, l.samples.size());
    assertEquals(9.78 / G, l.samples.get(0).azG(), 1e-9);
    assertEquals(Math.toDegrees(0.52), l.samples.get(0).gzDps(), 1e-9);
    assertEquals(0, d[0].malformedLines());
  }

  @Test
  void millisResetAfterRebootContinuesTimeAndReportsTheGap() {
    RecordingListener l = new RecordingListener();
    AsciiLineDecoder d = new AsciiLineDecoder(LineLayout.auto(), l);
    double host = 100.0;
    for (int i = 0; i < 100; i++) {
      feedLine(d, fmt("%d,0.01,0.02,0.99,1.5,-0.5,0.2", 5000 + i * 10), host + i * 0.01);
    }
    // board reboots: 1.8 s of silence, then millis() restarts at 12 ms
    for (int i = 0; i < 50; i++) {
      feedLine(d, fmt("%d,0.01,0.02,0.99,1.5,-0.5,0.2", 12 + i * 10), host + 0.99 + 1.8 + i * 0.01);
    }
    assertEquals(150, l.samples.size());
    assertEquals(1, d.clockResets());
    for (int i = 1; i < l.samples.size(); i++) {
      assertTrue(l.samples.get(i).tS() > l.samples.get(i - 1).tS(), "strictly increasing at " + i);
    }
    ImuSample before = l.samples.get(99);
    ImuSample after = l.samples.get(100);
    assertEquals(1.8, after.tS() - before.tS(), 0.02, "the host time that passed bridges the reboot");
    assertEquals(1, l.losses.size());
    assertEquals(179, l.losses.get(0)[0], 2, "about 1.8 s at 100 Hz is missing");
    assertEquals(after.tS() + 0.01, l.samples.get(101).tS(), 1e-9, "then the device clock again");
  }

  @Test
  void microsWrapIsUnwrappedNotTakenAsReset() {
    RecordingListener l = new RecordingListener();
    AsciiLineDecoder d =
        new AsciiLineDecoder(
            LineLayout.auto().withColumns(LineLayout.parseColumns("t_us,ax,ay,az,gx,gy,gz")), l);
    long start = 4294967296L - 200_000; // 0.2 s before micros() wraps
    for (int i = 0; i < 100; i++) {
      long us = (start + i * 5000L) % 4294967296L;
      feedLine(d, fmt("%d 0.0 0.0 1.0 0.0 0.0 0.0", us), 0.0);
    }
    assertEquals(100, l.samples.size());
    assertEquals(0, d.clockResets());
    assertEquals(0.005 * 99, l.last().tS() - l.samples.get(0).tS(), 1e-9);
  }

  @Test
  void malformedLinesAreSkippedWithTheirPosition() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 40; i++) s.append(fmt("%d,0.00,0.00,1.00,0.00,0.00,0.00\n", i * 10));
    s.append("400,0.00,0.00\n"); // line 41: cut short when the port reopened
    s.append("410,nan,0.00,1.00,0.00,0.00,0.00\n"); // line 42: Arduino printFloat of a failed read
    s.append("42\u00ff\u00fe,0.00\n"); // line 43: noise at a wrong baud rate
    s.append("430,0.00,0.00,1.00,0.00,0.00,0.00\n");
    RecordingListener l = new RecordingListener();
    AsciiLineDecoder d = new AsciiLineDecoder(LineLayout.auto(), l);
    byte[] b = s.toString().getBytes(StandardCharsets.ISO_8859_1);
    d.feed(b, 0, b.length, 0);
    assertEquals(41, l.samples.size());
    assertEquals(3, d.malformedLines());
    assertEquals(3, d.stats().resyncs());
    assertTrue(d.lastMalformed().orElseThrow().startsWith("line 43 (byte "), d.lastMalformed().get());
  }

  @Test
  void byteAtATimeDecodesTheSameAsOneBlock() {
    StringBuilder s = new StringBuilder("# units=g,dps\n");
    for (int i = 0; i < 80; i++) {
      double[] v = truth(i, 50);
      s.append(fmt("ax:%.3f ay:%.3f az:%.3f gx:%.2f gy:%.2f gz:%.2f ms:%d\n",
          v[0], v[1], v[2], v[3], v[4], v[5], i * 20));
    }
    byte[] b = s.toString().getBytes(StandardCharsets.US_ASCII);
    RecordingListener whole = new RecordingListener();
    new AsciiLineDecoder(LineLayout.auto(), whole).feed(b, 0, b.length, 0);
    RecordingListener bytes = new RecordingListener();
    AsciiLineDecoder d = new AsciiLineDecoder(LineLayout.auto(), bytes);
    for (int i = 0; i < b.length; i++) d.feed(b, i, 1, 0);
    assertEquals(80, whole.samples.size());
    assertEquals(whole.samples, bytes.samples);
    assertEquals(0.02 * 79, whole.last().tS(), 1e-9);
  }

  @Test
  void refusesToGuessNineColumns() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 40; i++) s.append("0.0,0.0,1.0,0.1,0.2,0.3,25.1,-30.2,12.0\n");
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    RecordingListener l = decode(d, LineLayout.auto(), s.toString());
    assertTrue(l.samples.isEmpty());
    assertTrue(d[0].problem().orElseThrow().contains("9 fields"), d[0].problem().get());
    assertEquals(40, d[0].undecodedLines());
  }

  @Test
  void refusesRawCountsButAcceptsThemWithStatedColumnsSkipped() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 40; i++) s.append("120 -340 16384 12 -7 3\n");
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    decode(d, LineLayout.auto(), s.toString());
    assertTrue(d[0].problem().orElseThrow().contains("raw counts"), d[0].problem().get());
  }

  @Test
  void refusesAmbiguousTimeSteps() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 40; i++) s.append(fmt("%d,0,0,1,0,0,0\n", i * 100));
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    decode(d, LineLayout.auto(), s.toString());
    assertTrue(d[0].problem().orElseThrow().contains("millis from micros"), d[0].problem().get());
  }

  @Test
  void statedUnitsContradictedByTheDataAreRefused() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 40; i++) s.append("0.1,0.2,9.79,0.01,0.02,0.03\n");
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    RecordingListener l = decode(d, LineLayout.auto().withUnitsText("g,dps"), s.toString());
    assertTrue(l.samples.isEmpty());
    assertTrue(d[0].problem().orElseThrow().contains("looks like m/s^2"), d[0].problem().get());
  }

  @Test
  void statedColumnsWithSkipAndHostTimingAtNominalRate() {
    LineLayout layout =
        LineLayout.auto()
            .withColumns(LineLayout.parseColumns("skip,gx,gy,gz,ax,ay,az"))
            .withUnitsText("dps,g")
            .withSampleRate(200);
    RecordingListener l = new RecordingListener();
    AsciiLineDecoder d = new AsciiLineDecoder(layout, l);
    for (int i = 0; i < 10; i++) feedLine(d, "7 1.5 2.5 3.5 0.0 0.0 1.0", 50.0);
    assertEquals(10, l.samples.size(), "fully stated: no detection window");
    assertEquals(50.0 + 9 * 0.005, l.last().tS(), 1e-9);
    assertEquals(2.5, l.last().gyDps());
    assertEquals(1.0, l.last().azG());
  }

  @Test
  void headerLineInTheStreamStatesColumns() {
    StringBuilder s = new StringBuilder("# device=nano33-roller\n# columns=t_ms,gx,gy,gz,ax,ay,az\n");
    for (int i = 0; i < 40; i++) s.append(fmt("%d,10,0,0,0,0,9.81\n", i * 5));
    AsciiLineDecoder[] d = new AsciiLineDecoder[1];
    RecordingListener l = decode(d, LineLayout.auto(), s.toString());
    assertEquals(40, l.samples.size());
    assertEquals(1.0, l.last().azG(), 1e-3, "m/s^2 guessed from |a|");
    assertEquals(GyroUnit.RAD_PER_S, d[0].layout().orElseThrow().gyroUnit());
    assertEquals("nano33-roller", l.infos.get(0).deviceId());
    assertFalse(d[0].layout().get().notes().isEmpty(), "guesses are reported");
  }

  @Test
  void aSlowerSketchWithNoStatedRateIsSpacedByItsArrivalsWithoutAFalseGap() {
    // 50 Hz lines, no rate stated, arriving on the host clock (a Serial Monitor copy or a live port):
    // spaced at a guessed 100 Hz for the first second, they fell half a second behind the host and
    // that half second was reported as lost samples
    RecordingListener l = new RecordingListener();
    AsciiLineDecoder d = new AsciiLineDecoder(LineLayout.auto().withUnitsText("g,dps"), l);
    for (int i = 0; i < 500; i++) feedLine(d, "0.0\t0.0\t1.0\t0.5\t-0.5\t0.1", 100.0 + i * 0.02);
    d.finish();
    assertTrue(l.losses.isEmpty(), "no samples were lost");
    assertEquals(500, l.samples.size());
    double first = l.samples.get(0).tS();
    assertEquals(9.98, l.last().tS() - first, 0.1, "499 periods of 20 ms");
  }

  private static void feedLine(AsciiLineDecoder d, String line, double host) {
    byte[] b = (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
    d.feed(b, 0, b.length, host);
  }
}
