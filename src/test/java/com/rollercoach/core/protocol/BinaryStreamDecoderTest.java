package com.rollercoach.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BinaryStreamDecoderTest {
  private static final Frame.Hello HELLO =
      new Frame.Hello(1, 1, 8f, 1000f, 200f, "RC-TEST", "1.0.0", "MPU-6050");

  /** A device session: HELLO, then IMU frames at 200 Hz with a STATUS every 200 frames. */
  private static List<Frame> session(Random rnd, int imuFrames, long startUs) {
    List<Frame> frames = new ArrayList<>();
    frames.add(HELLO);
    for (int i = 0; i < imuFrames; i++) {
      long t = (startUs + i * 5000L) & 0xFFFF_FFFFL;
      frames.add(
          new Frame.Imu(t, rnd.nextInt(65536) - 32768, rnd.nextInt(65536) - 32768,
              rnd.nextInt(65536) - 32768, rnd.nextInt(65536) - 32768,
              rnd.nextInt(65536) - 32768, rnd.nextInt(65536) - 32768));
      if (i % 200 == 100) frames.add(new Frame.Status(0, 80, 3900, 2500, 0));
    }
    return frames;
  }

  private static ImuSample expected(Frame.Imu f, double tS) {
    double a = 8.0 / 32768, g = 1000.0 / 32768;
    return new ImuSample(tS, f.ax() * a, f.ay() * a, f.az() * a, f.gx() * g, f.gy() * g, f.gz() * g);
  }

  private static RecordingListener decode(byte[] stream, int chunk) {
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    for (int off = 0; off < stream.length; off += chunk) {
      d.feed(stream, off, Math.min(chunk, stream.length - off), 0);
    }
    return l;
  }

  @Test
  void convertsCountsWithHelloRangesAndKeepsDeviceTime() {
    FrameEncoder enc = new FrameEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(enc.encode(HELLO));
    Frame.Imu imu = new Frame.Imu(1_000_000, 4096, -4096, 0, 32767, -32768, 3277);
    out.writeBytes(enc.encode(imu));
    RecordingListener l = decode(out.toByteArray(), 1);
    assertEquals(List.of(HELLO.toDeviceInfo()), l.infos);
    ImuSample s = l.samples.get(0);
    assertEquals(1.0, s.tS(), 1e-12);
    assertEquals(1.0, s.axG(), 1e-12); // 4096 counts of ±8 g
    assertEquals(-1000.0, s.gyDps(), 1e-12);
    assertEquals(100.0, s.gzDps(), 0.01);
  }

  @Test
  void defaultRangesApplyBeforeHello() {
    // The reference LSM6DS3 firmware: 0.122 mg and 17.5 m°/s per count.
    byte[] b = FrameEncoder.encode(0, new Frame.Imu(0, 8197, 0, 0, 5714, 0, 0));
    RecordingListener l = decode(b, b.length);
    assertEquals(1.000034, l.samples.get(0).axG(), 1e-9);
    assertEquals(99.995, l.samples.get(0).gxDps(), 1e-9);
  }

  /**
   * The property the link layer must have: whatever happens to some frames (bit flips, dropped
   * bytes, truncation) and however much garbage arrives between frames, exactly the undamaged frames
   * are delivered, unchanged, and exactly the damaged ones are counted lost.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void corruptionLosesOnlyDamagedFramesAndCountsThemExactly(long seed) {
    Random rnd = new Random(seed);
    List<Frame> frames = session(rnd, 3000, 0xFFFF_0000L); // also crosses the µs wrap
    FrameEncoder enc = new FrameEncoder();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<ImuSample> want = new ArrayList<>();
    int damaged = 0;
    int good = 0;
    int imuIndex = -1;
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      byte[] bytes = enc.encode(f);
      if (f instanceof Frame.Imu) imuIndex++;
      if (rnd.nextDouble() < 0.1) stream.writeBytes(garbage(rnd));
      boolean damage = i > 0 && i < frames.size() - 1 && rnd.nextDouble() < 0.08;
      if (damage) {
        damaged++;
        stream.writeBytes(damage(bytes, rnd));
        continue;
      }
      good++;
      stream.writeBytes(bytes);
      if (f instanceof Frame.Imu imu) {
        want.add(expected(imu, (0xFFFF_0000L + imuIndex * 5000L) * 1e-6));
      }
    }
    byte[] all = stream.toByteArray();
    for (int chunk : new int[] {1, 7, 64, all.length}) {
      RecordingListener l = new RecordingListener();
      BinaryStreamDecoder d = new BinaryStreamDecoder(l);
      for (int off = 0; off < all.length; off += chunk) {
        d.feed(all, off, Math.min(chunk, all.length - off), 0);
      }
      d.finish();
      assertEquals(want.size(), l.samples.size(), "samples, chunk " + chunk);
      for (int k = 0; k < want.size(); k++) {
        ImuSample w = want.get(k), g = l.samples.get(k);
        assertEquals(w.tS(), g.tS(), 1e-9);
        assertEquals(w.axG(), g.axG(), 0);
        assertEquals(w.gzDps(), g.gzDps(), 0);
      }
      DecoderStats st = d.stats();
      assertEquals(good, st.goodFrames(), "good frames, chunk " + chunk);
      assertEquals(damaged, st.lostFrames(), "lost frames, chunk " + chunk);
      assertEquals(damaged, l.lostTotal());
      assertEquals(all.length, st.bytes());
    }
  }

  private static byte[] garbage(Random rnd) {
    byte[] g = new byte[1 + rnd.nextInt(40)];
    rnd.nextBytes(g);
    if (rnd.nextBoolean()) g[rnd.nextInt(g.length)] = (byte) WireFormat.SYNC0; // tempting starts
    if (g.length > 3 && rnd.nextBoolean()) {
      int p = rnd.nextInt(g.length - 1);
      g[p] = (byte) WireFormat.SYNC0;
      g[p + 1] = (byte) WireFormat.SYNC1; // a fake header that swallows the following frames
    }
    return g;
  }

  private static byte[] damage(byte[] frame, Random rnd) {
    switch (rnd.nextInt(3)) {
      case 0: // flip one bit anywhere, sync bytes included
        byte[] flipped = frame.clone();
        flipped[rnd.nextInt(frame.length)] ^= (byte) (1 << rnd.nextInt(8));
        return flipped;
      case 1: // drop one byte
        int drop = rnd.nextInt(frame.length);
        byte[] dropped = new byte[frame.length - 1];
        System.arraycopy(frame, 0, dropped, 0, drop);
        System.arraycopy(frame, drop + 1, dropped, drop, frame.length - drop - 1);
        return dropped;
      default: // truncated: the rest never arrives
        byte[] cut = new byte[1 + rnd.nextInt(frame.length - 1)];
        System.arraycopy(frame, 0, cut, 0, cut.length);
        return cut;
    }
  }

  @Test
  void baudRateNoiseBetweenSessionsIsSkippedAndCountedAsOneResync() {
    // A wrong baud rate or a line glitch shows up as a burst of 0x00/0xFF/random bytes.
    Random rnd = new Random(7);
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    byte[] noise = new byte[500];
    rnd.nextBytes(noise);
    for (int i = 0; i < noise.length; i++) if (noise[i] == (byte) 0xA5) noise[i] = 0;
    FrameEncoder enc = new FrameEncoder();
    s.writeBytes(noise);
    for (int i = 0; i < 10; i++) s.writeBytes(enc.encode(new Frame.Imu(i * 5000L, i, 0, 0, 0, 0, 0)));
    BinaryStreamDecoder d = new BinaryStreamDecoder(new RecordingListener());
    byte[] b = s.toByteArray();
    d.feed(b, 0, b.length, 0);
    assertEquals(10, d.stats().goodFrames());
    assertEquals(1, d.stats().resyncs());
    assertEquals(500, d.framing().skippedBytes());
  }

  @Test
  void unwrapsTheMicrosecondClock() {
    FrameEncoder enc = new FrameEncoder();
    ByteArrayOutputStream s = new ByteArrayOutputStream();
    long start = 0xFFFF_FFFFL - 12_000; // wraps after the third frame
    for (int i = 0; i < 6; i++) {
      s.writeBytes(enc.encode(new Frame.Imu((start + i * 5000L) & 0xFFFF_FFFFL, 0, 0, 0, 0, 0, 0)));
    }
    RecordingListener l = decode(s.toByteArray(), 3);
    assertEquals(6, l.samples.size());
    for (int i = 0; i < 6; i++) {
      assertEquals((start + i * 5000L) * 1e-6, l.samples.get(i).tS(), 1e-9);
    }
  }

  @Test
  void aLongOutageIsSizedFromTimeBeyondASequenceWrap() {
    // 1 kHz device; the link is gone for 100 s: 100 000 frames, more than the 65 536 sequence numbers.
    Frame.Hello hello = new Frame.Hello(1, 1, 4f, 500f, 1000f, "RC", "1", "X");
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    byte[] h = FrameEncoder.encode(0, hello);
    d.feed(h, 0, h.length, 0.0);
    long missing = 100_000;
    int[] idx = {0, 1, 2, 3 + (int) missing, 4 + (int) missing};
    for (int i : idx) {
      byte[] b = FrameEncoder.encode((1 + i) & 0xFFFF, new Frame.Imu(i * 1000L, 0, 0, 0, 0, 0, 0));
      d.feed(b, 0, b.length, i * 1e-3 + 0.002);
    }
    assertEquals(missing, d.stats().lostFrames());
    assertEquals(1, l.losses.size());
    assertEquals(0.002, l.losses.get(0)[1], 1e-9);
    assertEquals(100.003, l.losses.get(0)[2], 1e-9);
  }

  @Test
  void aDeviceRestartIsNotALossAndTimeKeepsIncreasing() {
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    FrameEncoder first = new FrameEncoder(100);
    double host = 10;
    for (int i = 0; i < 5; i++, host += 0.005) feed(d, first.encode(new Frame.Imu(50_000_000L + i * 5000L, 0, 0, 0, 0, 0, 0)), host);
    host += 2.0; // reboot takes 2 s
    FrameEncoder rebooted = new FrameEncoder();
    feed(d, rebooted.encode(HELLO), host);
    for (int i = 0; i < 5; i++, host += 0.005) feed(d, rebooted.encode(new Frame.Imu(i * 5000L, 0, 0, 0, 0, 0, 0)), host);
    assertEquals(0, d.stats().lostFrames());
    assertEquals(10, l.samples.size());
    for (int i = 1; i < 10; i++) assertTrue(l.samples.get(i).tS() > l.samples.get(i - 1).tS());
    double jump = l.samples.get(5).tS() - l.samples.get(4).tS();
    assertEquals(2.005, jump, 1e-9); // the host saw 2.005 s between the two samples
    assertEquals(0.005, l.samples.get(6).tS() - l.samples.get(5).tS(), 1e-9);
  }

  @Test
  void aRestartWhoseHelloWasLostIsNotCountedAsSixtyFiveThousandLostFrames() {
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    FrameEncoder first = new FrameEncoder(500);
    double host = 0;
    for (int i = 0; i < 5; i++, host += 0.005) feed(d, first.encode(new Frame.Imu(9_000_000L + i * 5000L, 0, 0, 0, 0, 0, 0)), host);
    FrameEncoder rebooted = new FrameEncoder(1); // its HELLO (seq 0) never arrived
    for (int i = 0; i < 5; i++, host += 0.005) feed(d, rebooted.encode(new Frame.Imu(i * 5000L, 0, 0, 0, 0, 0, 0)), host);
    assertEquals(0, d.stats().lostFrames());
    assertEquals(0, l.lostTotal());
    assertEquals(10, l.samples.size());
  }

  @Test
  void aSequenceJumpWithoutTimeToMatchIsARenumberingNotALoss() {
    BinaryStreamDecoder d = new BinaryStreamDecoder(new RecordingListener());
    feed(d, FrameEncoder.encode(0, HELLO), 0);
    feed(d, FrameEncoder.encode(1, new Frame.Imu(0, 0, 0, 0, 0, 0, 0)), 0);
    feed(d, FrameEncoder.encode(40_001, new Frame.Imu(5000, 0, 0, 0, 0, 0, 0)), 0.005);
    feed(d, FrameEncoder.encode(40_004, new Frame.Imu(20_000, 0, 0, 0, 0, 0, 0)), 0.02);
    assertEquals(2, d.stats().lostFrames()); // only the real gap of 2 frames at the end
  }

  @Test
  void oldFramesDeliveredAgainAreDroppedNotTakenForAClockReset() {
    // a link's buffer flushed after a reconnect: HELLO (100 Hz), 500 frames, three of them again
    // (seq 300-302, device time 3.00 s), then the live numbering on from 501
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    double host = helloAnd500FramesAt100Hz(d);
    for (int i = 300; i <= 302; i++) feed(d, FrameEncoder.encode(i, new Frame.Imu(i * 10_000L, 0, 0, 0, 0, 0, 0)), host);
    for (int i = 501; i <= 600; i++, host += 0.01) feed(d, FrameEncoder.encode(i, new Frame.Imu(i * 10_000L, 0, 0, 0, 0, 0, 0)), host);
    assertEquals(0, d.stats().lostFrames(), "nothing was lost");
    assertEquals(3, d.staleFrames());
    assertEquals(0, l.lostTotal());
    assertEquals(600, l.samples.size());
    for (int i = 1; i < 600; i++) {
      assertEquals(0.01, l.samples.get(i).tS() - l.samples.get(i - 1).tS(), 1e-9, "no phantom gap at " + i);
    }
  }

  @Test
  void aRestartWhoseCounterAndClockBothBeganAtBootIsPlayedNotDropped() {
    // the HELLO of the restart was lost, and the new numbering looks like old frames delivered again
    // (sequence and device time both behind by the same number of periods): after half a second of
    // them it is taken for what it is, and every sample is delivered, time still rising
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    double host = helloAnd500FramesAt100Hz(d);
    host += 1.0;
    for (int i = 1; i <= 200; i++, host += 0.01) feed(d, FrameEncoder.encode(i, new Frame.Imu(i * 10_000L, 0, 0, 0, 0, 0, 0)), host);
    d.finish();
    assertEquals(700, l.samples.size());
    assertEquals(0, d.staleFrames());
    assertEquals(0, l.lostTotal());
    for (int i = 1; i < 700; i++) assertTrue(l.samples.get(i).tS() > l.samples.get(i - 1).tS());
  }

  /** A HELLO (100 Hz) and frames 1-500, device time 10 ms each; returns the host time after them. */
  private static double helloAnd500FramesAt100Hz(BinaryStreamDecoder d) {
    Frame.Hello hello = new Frame.Hello(1, 1, 8f, 1000f, 100f, "RC-TEST", "1.0.0", "MPU-6050");
    feed(d, FrameEncoder.encode(0, hello), 0);
    double host = 0;
    for (int i = 1; i <= 500; i++, host += 0.01) feed(d, FrameEncoder.encode(i, new Frame.Imu(i * 10_000L, 0, 0, 0, 0, 0, 0)), host);
    return host;
  }

  private static void feed(StreamDecoder d, byte[] b, double host) {
    d.feed(b, 0, b.length, host);
  }

  @Test
  void mapsADriftingDeviceClockToTheHostClock() {
    // Device crystal 80 ppm slow against the host; USB delivers in 1 ms polls with random extra delay.
    double skew = 80e-6, offset = 1234.5;
    Random rnd = new Random(3);
    RecordingListener l = new RecordingListener();
    BinaryStreamDecoder d = new BinaryStreamDecoder(l);
    FrameEncoder enc = new FrameEncoder();
    for (int i = 0; i < 200 * 300; i++) { // 5 minutes at 200 Hz
      double dev = i * 0.005;
      double trueHost = dev * (1 + skew) + offset;
      double latency = 0.001 + (rnd.nextDouble() < 0.9 ? rnd.nextDouble() * 0.002 : rnd.nextDouble() * 0.05);
      feed(d, enc.encode(new Frame.Imu(i * 5000L, 0, 0, 0, 0, 0, 0)), trueHost + latency);
    }
    DeviceClockMapper c = d.clock();
    assertEquals(80, c.skewPpm(), 3);
    double dev = 299.0;
    assertEquals(dev * (1 + skew) + offset + 0.001, c.toHostS(dev), 2e-4);
    assertTrue(d.lastLatencyS() > -2e-4 && d.lastLatencyS() < 0.06);
    // The samples themselves stay on the smooth device clock.
    assertEquals(299.995, l.samples.get(l.samples.size() - 1).tS(), 1e-9);
  }
}
