package com.rollercoach.io.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameDecoder;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's bytes, decoded by the real host decoder, give back the input session. */
class EmulatorTest {
  /** 200 Hz for 3 s with samples 1.0 s .. 1.5 s missing (a Bluetooth gap). */
  static List<ImuSample> sessionWithGap() {
    List<ImuSample> out = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      double t = 100 + i * 0.005;
      if (i > 200 && i < 300) continue;
      out.add(new ImuSample(t, 0.1 * Math.sin(t), -0.2, 0.97, 40 * Math.sin(2 * t), -3.5, 0.25 * i % 7));
    }
    return out;
  }

  static EmulatorInput input(List<ImuSample> samples, SessionMetadata meta) {
    return new EmulatorInput() {
      @Override
      public String description() {
        return "test session";
      }

      @Override
      public SessionMetadata metadata() {
        return meta;
      }

      @Override
      public void play(SampleSink sink) {
        samples.forEach(sink::accept);
      }
    };
  }

  /** Decodes bytes the way a live session does, collecting samples, gaps and device info. */
  static final class Decoded implements SampleSink, LiveObserver {
    final List<ImuSample> samples = new ArrayList<>();
    final List<double[]> gaps = new ArrayList<>();
    final List<DeviceInfo> devices = new ArrayList<>();
    long lostFrames;

    @Override
    public void accept(ImuSample s) {
      samples.add(s);
    }

    @Override
    public void gap(double fromS, double toS, String reason) {
      gaps.add(new double[] {fromS, toS});
    }

    @Override
    public void deviceInfo(DeviceInfo info) {
      devices.add(info);
    }
  }

  static Decoded decode(byte[] wire) {
    Decoded d = new Decoded();
    LivePath path = new LivePath(Decoders.standard(), "auto", d, d);
    for (int off = 0; off < wire.length; off += 97) { // odd chunks, like serial reads
      path.bytes(wire, off, Math.min(97, wire.length - off), off / 1e5);
    }
    path.finish();
    d.lostFrames = path.decoderStats().lostFrames();
    return d;
  }

  @Test
  void whatItSendsDecodesToTheInputWithinOneCount() throws IOException {
    List<ImuSample> in = sessionWithGap();
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    Emulator e = new Emulator(input(in, SessionMetadata.empty()), DeviceLink.streams(null, wire),
        Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY));
    e.run();

    Decoded d = decode(wire.toByteArray());
    assertEquals(in.size(), d.samples.size());
    double accelStep = 4.0 / 32768;
    double gyroStep = 500.0 / 32768;
    double offset = d.samples.get(0).tS() - in.get(0).tS();
    for (int i = 0; i < in.size(); i++) {
      ImuSample a = in.get(i);
      ImuSample b = d.samples.get(i);
      assertEquals(a.tS() + offset, b.tS(), 1e-6, "device time keeps the input's spacing, to the µs");
      assertEquals(a.axG(), b.axG(), accelStep);
      assertEquals(a.azG(), b.azG(), accelStep);
      assertEquals(a.gxDps(), b.gxDps(), gyroStep);
      assertEquals(a.gzDps(), b.gzDps(), gyroStep);
    }
    assertEquals(99, d.lostFrames, "the input's 99 missing samples count as lost frames, as on a lossy link");
    assertEquals(0.5, d.samples.get(201).tS() - d.samples.get(200).tS(), 1e-6, "and leave a 0.5 s jump");
    assertTrue(d.gaps.isEmpty(), "lost frames are not reported as link gaps");
    assertEquals(200.0, d.devices.get(0).sampleRateHz(), 1e-3, "rate estimated from the input");
  }

  @Test
  void answersSetRateAndRequestHelloLikeFirmware() throws IOException {
    FrameEncoder host = new FrameEncoder();
    ByteArrayOutputStream commands = new ByteArrayOutputStream();
    commands.writeBytes(host.encode(Frame.Command.setRate(100)));
    commands.writeBytes(host.encode(Frame.Command.requestHello()));
    commands.writeBytes(host.encode(new Frame.Command(0x7E, 0)));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    List<ImuSample> in = sessionWithGap();
    Emulator e = new Emulator(input(in, SessionMetadata.empty().with(SessionMetadata.SAMPLE_RATE_HZ, "200")),
        DeviceLink.streams(new ByteArrayInputStream(commands.toByteArray()), wire),
        Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY));
    e.run();

    List<Frame> frames = new ArrayList<>();
    FrameDecoder fd = new FrameDecoder((seq, f) -> frames.add(f));
    byte[] b = wire.toByteArray();
    fd.feed(b, 0, b.length);
    List<Frame.Ack> acks = frames.stream().filter(f -> f instanceof Frame.Ack).map(f -> (Frame.Ack) f).toList();
    assertEquals(3, acks.size());
    assertEquals(new Frame.Ack(Frame.Command.SET_RATE, 0, Frame.Ack.OK, 100), acks.get(0));
    assertEquals(Frame.Ack.OK, acks.get(1).result());
    assertEquals(Frame.Ack.UNSUPPORTED, acks.get(2).result());
    long imu = frames.stream().filter(f -> f instanceof Frame.Imu).count();
    assertEquals((in.size() + 1) / 2, imu, "every second sample at 100 Hz");
    assertTrue(frames.stream().anyMatch(f -> f instanceof Frame.Hello h && h.sampleRateHz() == 100f));
    assertEquals(3, e.commandsAnswered());
  }
  /**
   * A file stamped on arrival over Bluetooth LE: a 0.2 s stall whose 20 samples then arrive in a
   * burst 1 ms apart lost nothing, and a 0.15 s gap no burst makes up lost its 15 samples. Only
   * those 15 go out as missing sequence numbers (the host said 33 lost: the stall counted too).
   */
  @Test
  void aStallFollowedByItsBurstIsNotLoss() throws IOException {
    List<ImuSample> in = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      double t = 50 + i * 0.01;
      if (i >= 300 && i < 320) t = 50 + 320 * 0.01 + (i - 320) * 0.001; // late, in a burst before 320
      if (i >= 600 && i < 615) continue; // really lost
      in.add(new ImuSample(t, 0.1, -0.2, 0.97, 40 * Math.sin(0.02 * i), -3.5, 0.5));
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    Emulator e = new Emulator(input(in, SessionMetadata.empty().with(SessionMetadata.SAMPLE_RATE_HZ, "100")),
        DeviceLink.streams(null, wire), Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY));
    e.run();

    Decoded d = decode(wire.toByteArray());
    assertEquals(in.size(), d.samples.size(), "every sample is sent");
    assertEquals(15, d.lostFrames, "the host counts the 15 the input lost, not the stall's 20");
    assertEquals(15, e.lostInInput());
    for (int i = 0; i < in.size(); i++) {
      assertEquals(in.get(i).tS() - in.get(0).tS(), d.samples.get(i).tS() - d.samples.get(0).tS(), 1e-6,
          "device times are still the input's own");
    }
  }

  /** A device clock 0.5 % slow against the rate the file states loses nothing over 5 minutes. */
  @Test
  void aClockOffItsNominalRateLosesNothing() throws IOException {
    List<ImuSample> in = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      in.add(new ImuSample(i / 99.5, 0.1, -0.2, 0.97, 1, -3.5, 0.5));
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    Emulator e = new Emulator(input(in, SessionMetadata.empty().with(SessionMetadata.SAMPLE_RATE_HZ, "100")),
        DeviceLink.streams(null, wire), Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY));
    e.run();
    assertEquals(0, e.lostInInput());
    assertEquals(0, decode(wire.toByteArray()).lostFrames);
  }
}
