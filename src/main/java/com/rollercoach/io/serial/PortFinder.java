package com.rollercoach.io.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.io.live.DecoderFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --port auto}: finds the roller among the listed ports. A port whose USB description names a
 * roller is taken as it is; otherwise each likely port (known board vendors, Bluetooth) is opened and
 * asked for HELLO, and the first that answers, or that streams samples a decoder understands (a
 * hobby board printing CSV lines), wins. Ports that do not look like a board are not written to: a
 * stray request could upset a modem or another instrument.
 */
public final class PortFinder {
  private final DecoderFactory decoders;
  private final byte[] helloRequest;
  private final int baud;
  private final Duration answerWithin;

  /**
   * @param helloRequest the encoded request-HELLO command
   * @param answerWithin how long a probed port has to answer (a Bluetooth link may take a second)
   */
  public PortFinder(DecoderFactory decoders, byte[] helloRequest, int baud, Duration answerWithin) {
    this.decoders = decoders;
    this.helloRequest = helloRequest.clone();
    this.baud = baud;
    this.answerWithin = answerWithin;
  }

  /** The roller's path, or empty; {@code tried} collects what was probed (for the error message). */
  public Optional<String> find(List<PortInfo> ports, List<String> tried) {
    for (PortInfo p : ports) {
      if (p.description().toLowerCase(Locale.ROOT).contains("roller")) return Optional.of(p.path());
    }
    for (PortInfo p : ports) {
      if (!p.likelyRoller()) continue;
      tried.add(p.path());
      if (probe(p.path())) return Optional.of(p.path());
    }
    return Optional.empty();
  }

  /** Whether a roller (or a board streaming IMU lines) answers on {@code path}. */
  public boolean probe(String path) {
    SerialPort port;
    try {
      port = SerialPorts.open(path, baud, 50);
    } catch (PortOpenException e) {
      return false;
    }
    try {
      Answer answer = new Answer();
      StreamDecoder decoder = decoders.create("auto", answer);
      port.writeBytes(helloRequest, helloRequest.length);
      byte[] buf = new byte[1024];
      long deadline = System.nanoTime() + answerWithin.toNanos();
      while (System.nanoTime() < deadline && !answer.convincing()) {
        int n = port.readBytes(buf, buf.length);
        if (n < 0) return false;
        if (n > 0) decoder.feed(buf, 0, n, System.nanoTime() / 1e9);
      }
      return answer.convincing();
    } finally {
      port.closePort();
    }
  }

  /** Listens for signs of a roller. */
  private static final class Answer implements DecoderListener {
    /** A few decoded samples in a row are not a coincidence of line noise. */
    private static final int SAMPLES_NEEDED = 5;

    private final List<DeviceInfo> hellos = new ArrayList<>();
    private int samples;

    @Override
    public void sample(ImuSample sample) {
      samples++;
    }

    @Override
    public void deviceInfo(DeviceInfo info) {
      hellos.add(info);
    }

    boolean convincing() {
      return !hellos.isEmpty() || samples >= SAMPLES_NEEDED;
    }
  }
}
