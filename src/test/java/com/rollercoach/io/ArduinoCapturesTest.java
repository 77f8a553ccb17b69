package com.rollercoach.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serial captures of unchanged Arduino sketches, as the Arduino IDE's Serial Monitor copies them
 * (with "Show timestamp": {@code 14:02:03.123 -> }) or as {@code cat /dev/ttyACM0} saves them.
 */
class ArduinoCapturesTest {
  @TempDir Path dir;

  private static String stamp(double s) {
    int ms = (int) Math.round(s * 1000) % (86400 * 1000);
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d -> ", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  }

  private static List<ImuSample> play(SessionFile f) throws IOException {
    List<ImuSample> out = new ArrayList<>();
    f.play(new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        out.add(s);
      }
    });
    return out;
  }

  @Test
  void serialMonitorTimestampsAreTheArrivalTimesAcrossMidnight() throws IOException {
    StringBuilder s = new StringBuilder();
    double t0 = 86400 - 2.0; // two seconds before midnight
    for (int i = 0; i < 500; i++) {
      // the IDE stamps lines per USB packet: four lines share a stamp, 40 ms apart → 100 Hz
      s.append(stamp(t0 + (i / 4) * 0.04)).append("AccelX:0.10,AccelY:0.20,AccelZ:9.79, GyroX:0.01,GyroY:0.00,GyroZ:-0.02\n");
    }
    SessionFile f = SessionFiles.open(Files.writeString(dir.resolve("monitor.txt"), s));
    assertInstanceOf(SerialCapture.class, f);
    assertTrue(f.description().contains("Serial Monitor time stamps"), f.description());
    List<ImuSample> out = play(f);
    assertEquals(500, out.size());
    double span = out.get(499).tS() - out.get(0).tS();
    assertEquals(4.96, span, 0.2, "five seconds of samples, midnight bridged");
  }

  @Test
  void noiseFromThePortOpeningIsSkippedNotTakenForABinaryFile() throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.write("LSM6DS3 started\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.write(new byte[] {(byte) 0xf8, (byte) 0x80, 0x00, (byte) 0xfe, '\n'}); // a burst at the wrong baud rate
    for (int i = 0; i < 300; i++) {
      b.write(String.format(Locale.ROOT, "%d,0.01,0.02,0.99,1.50,-0.50,0.25%n", 900 + i * 10)
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    SessionFile f = SessionFiles.open(Files.write(dir.resolve("capture.txt"), b.toByteArray()));
    assertEquals(300, play(f).size());
    assertTrue(f.warnings().toString().contains("malformed"), f.warnings().toString());
  }

  @Test
  void theSketchBannerRateIsUsed() throws IOException {
    StringBuilder s = new StringBuilder("Started\nAccelerometer sample rate = 104.00 Hz\n\nAcceleration in g's\nX\tY\tZ\n");
    for (int i = 0; i < 208; i++) s.append("0.01\t0.02\t0.99\t1.50\t-0.50\t0.25\n");
    SessionFile f = SessionFiles.open(Files.writeString(dir.resolve("lsm6ds3.txt"), s));
    assertTrue(f.description().contains("104.0 Hz from the sketch's banner"), f.description());
    List<ImuSample> out = play(f);
    assertEquals(208, out.size());
    assertEquals(207 / 104.0, out.get(207).tS() - out.get(0).tS(), 1e-6);
  }

  @Test
  void adafruitBasicReadingsBlocksAreReadAndTheirTwoHertzRefused() throws IOException {
    String banner = "Adafruit MPU6050 test!\nMPU6050 Found!\nAccelerometer range set to: +-8G\n"
        + "Gyro range set to: +- 500 deg/s\nFilter bandwidth set to: 21 Hz\n\n";
    StringBuilder stamped = new StringBuilder();
    for (String l : banner.split("\n", -1)) stamped.append(stamp(50_000)).append(l).append('\n');
    StringBuilder plain = new StringBuilder(banner);
    for (int i = 0; i < 30; i++) {
      String block = "Acceleration X: -0.38, Y: 0.21, Z: 9.62 m/s^2\nRotation X: -0.05, Y: -0.01, Z: -0.01 rad/s\n"
          + "Temperature: 26.32 degC\n\n";
      plain.append(block);
      for (String l : block.split("\n")) stamped.append(stamp(50_000.2 + i * 0.5)).append(l).append('\n');
    }
    InputFileException e = assertThrows(InputFileException.class,
        () -> SessionFiles.open(Files.writeString(dir.resolve("basic.txt"), stamped)));
    assertTrue(e.getMessage().contains("2.00 samples per second is too slow for rolling"), e.getMessage());
    e = assertThrows(InputFileException.class, () -> SessionFiles.open(Files.writeString(dir.resolve("plain.txt"), plain)));
    assertTrue(e.getMessage().contains("basic_readings) carry no time") && e.getMessage().contains("'plotter' example"), e.getMessage());
    // the same blocks at a usable rate (a modified delay) are read: one sample per block
    StringBuilder fast = new StringBuilder("# rate_hz=50\n");
    for (int i = 0; i < 100; i++) fast.append("Acceleration X: -0.38, Y: 0.21, Z: 9.62 m/s^2\nRotation X: -0.05, Y: -0.01, Z: 1.0 rad/s\n");
    List<ImuSample> out = play(SessionFiles.open(Files.writeString(dir.resolve("fast.txt"), fast)));
    assertEquals(100, out.size());
    assertEquals(Math.toDegrees(1.0), out.get(5).gzDps(), 1e-9);
  }

  @Test
  void anAccelerometerOnlySketchIsToldWhatIsMissingNotAnOptionAnalyzeLacks() throws IOException {
    StringBuilder s = new StringBuilder("# rate_hz=100\n");
    for (int i = 0; i < 100; i++) s.append("0.01 0.02 0.99\n");
    InputFileException e = assertThrows(InputFileException.class,
        () -> SessionFiles.open(Files.writeString(dir.resolve("accel.txt"), s)));
    assertTrue(e.getMessage().contains("accelerometer-only sketch? Roller Coach needs the gyroscope too"), e.getMessage());
    StringBuilder nine = new StringBuilder("# rate_hz=100\n");
    for (int i = 0; i < 100; i++) nine.append("0.01 0.02 0.99 1 2 3 30 40 50\n");
    e = assertThrows(InputFileException.class, () -> SessionFiles.open(Files.writeString(dir.resolve("nine.txt"), nine)));
    assertTrue(e.getMessage().contains("'# columns=t_ms,ax,ay,az,gx,gy,gz,skip'") && !e.getMessage().contains("--columns"), e.getMessage());
  }
}
