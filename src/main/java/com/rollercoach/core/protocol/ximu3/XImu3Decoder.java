package com.rollercoach.core.protocol.ximu3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.DecoderStats;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.DeviceStatus;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.protocol.text.SampleClock;
import com.rollercoach.core.sample.ImuSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes an x-IMU3's byte stream (USB, Bluetooth serial, or a data logger file — the manual says
 * all interfaces carry the same protocol), ASCII and binary messages alike, even mixed. Every
 * message ends at {@code \n}; binary messages are byte-stuffed so {@code \n} appears only there.
 * This mirrors the x-IMU3 API's own decoder (x-IMU3-API/Rust/src/decoder.rs): a 4096-byte
 * message buffer, {@code {…}} lines are command responses (a ping response names the device),
 * {@code ^…} lines are multiplexer messages (ignored here), everything else is a data message.
 *
 * <p>Inertial messages become samples on the device's own clock (µs timestamps → seconds; a
 * device reset, where the timestamp restarts, is bridged as a {@link SampleClock} reset).
 * Temperature and battery messages become {@link DeviceStatus}; notifications and errors are kept
 * for the user ({@link #lastNotification()}); other message types are counted and ignored.
 * In {@link DecoderStats}, messages that fail to decode count as resyncs: the decoder drops them
 * and restarts at the next {@code \n}; x-IMU3 messages have no checksum, so CRC failures stay 0.
 */
public final class XImu3Decoder implements StreamDecoder {
  public static final String FORMAT_NAME = "x-imu3";

  /** The x-IMU3 ping command (User Manual, "Ping command"); the reply names the device. */
  public static final byte[] PING = "{\"ping\":null}\n".getBytes(StandardCharsets.US_ASCII);

  static final int BUFFER_SIZE = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DecoderListener listener;
  private final byte[] buf = new byte[BUFFER_SIZE];
  private int len;
  private final SampleClock clock;

  private long good;
  private long bad;
  private long bytes;
  private long lost;
  private long ignoredMessages;
  private String lastProblem;
  private String lastNotification;
  private double batteryPercent = Double.NaN;
  private double temperatureC = Double.NaN;

  public XImu3Decoder(DecoderListener listener) {
    this.listener = listener;
    this.clock =
        new SampleClock(
            Double.NaN,
            Double.NaN,
            new DecoderListener() {
              @Override
              public void sample(ImuSample sample) {}

              @Override
              public void framesLost(long count, double fromS, double toS) {
                lost += count;
                listener.framesLost(count, fromS, toS);
              }
            });
  }

  @Override
  public void feed(byte[] data, int off, int n, double hostTimeS) {
    bytes += n;
    for (int i = off; i < off + n; i++) {
      byte b = data[i];
      if (b == XImu3Parser.END) {
        message(hostTimeS);
        len = 0;
      } else if (len < BUFFER_SIZE) {
        buf[len++] = b;
      } else {
        problem("message longer than " + BUFFER_SIZE + " bytes");
        len = 0;
      }
    }
  }

  /** End of input: bytes after the last {@code \n} are an incomplete message (a cut-off file). */
  @Override
  public void finish() {
    if (len > 0) {
      problem("incomplete last message (" + len + " bytes without its \\n)");
      len = 0;
    }
  }

  @Override
  public DecoderStats stats() {
    return new DecoderStats(good, 0, bad, lost, bytes);
  }

  @Override
  public String formatName() {
    return FORMAT_NAME;
  }

  /** The last notification or error message text the device sent. */
  public Optional<String> lastNotification() {
    return Optional.ofNullable(lastNotification);
  }

  /** Why the last undecodable message was dropped. */
  public Optional<String> lastProblem() {
    return Optional.ofNullable(lastProblem);
  }

  /** Well-formed messages of types Roller Coach does not use (quaternions, magnetometer…). */
  public long ignoredMessages() {
    return ignoredMessages;
  }

  /** Device resets seen (timestamps restarting). */
  public long clockResets() {
    return clock.resets();
  }

  private void message(double hostTimeS) {
    if (len == 0) return;
    if (buf[0] == '{') {
      command();
      return;
    }
    if (buf[0] == '^') {
      ignoredMessages++;
      return;
    }
    XImu3Message m;
    try {
      m = XImu3Parser.parse(buf, len);
    } catch (XImu3Parser.BadMessage e) {
      problem(e.getMessage());
      return;
    }
    good++;
    if (m instanceof XImu3Message.Inertial in) {
      double t = clock.fromDevice(in.timestampUs() * 1e-6, hostTimeS);
      if (!Double.isNaN(t)) {
        listener.sample(new ImuSample(t, in.ax(), in.ay(), in.az(), in.gx(), in.gy(), in.gz()));
      }
    } else if (m instanceof XImu3Message.Temperature temp) {
      temperatureC = temp.celsius();
      listener.status(new DeviceStatus(batteryPercent, temperatureC, 0));
    } else if (m instanceof XImu3Message.Battery bat) {
      batteryPercent = bat.percent();
      listener.status(new DeviceStatus(batteryPercent, temperatureC, 0));
    } else if (m instanceof XImu3Message.Text text) {
      lastNotification = (text.error() ? "error: " : "") + text.text();
    } else {
      ignoredMessages++;
    }
  }

  /** Command responses; the ping response introduces the device. */
  private void command() {
    JsonNode node;
    try {
      node = JSON.readTree(new String(buf, 0, len, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problem("command response is not JSON");
      return;
    }
    good++;
    JsonNode ping = node.get("ping");
    if (ping != null && ping.isObject()) {
      listener.deviceInfo(
          new DeviceInfo(
              0,
              ping.path("sn").asText(""),
              "",
              ping.path("name").asText("x-IMU3") + " via " + ping.path("interface").asText("?"),
              Double.NaN,
              Double.NaN,
              Double.NaN));
    } else {
      ignoredMessages++;
    }
  }

  private void problem(String why) {
    bad++;
    lastProblem = why;
  }

  /**
   * True when {@code data} looks like an x-IMU3 stream: at least two complete messages with a
   * known x-IMU3 data id (ASCII {@code I,123,…} or binary id ≥ 0x80) and more of those than of
   * anything else. Used to route a serial port to this decoder.
   */
  public static boolean looksLike(byte[] data, int off, int n) {
    int hits = 0;
    int misses = 0;
    int start = off;
    for (int i = off; i < off + n; i++) {
      if (data[i] != XImu3Parser.END) continue;
      if (start != off || i - start > 0) {
        boolean hit = false;
        int first = data[start] & 0xFF;
        if (XImu3Parser.isBinaryId(first)) {
          byte[] copy = java.util.Arrays.copyOfRange(data, start, i);
          try {
            XImu3Parser.parse(copy, copy.length);
            hit = true;
          } catch (XImu3Parser.BadMessage e) {
            hit = false;
          }
        } else if (XImu3Parser.isAsciiId(first) && i - start > 2 && data[start + 1] == ',') {
          hit = Character.isDigit(data[start + 2]);
        }
        if (start == off && !hit) {
          // the first piece may be the tail of a message cut by where the capture began
        } else if (hit) {
          hits++;
        } else {
          misses++;
        }
      }
      start = i + 1;
    }
    return hits >= 2 && hits > misses;
  }
}
