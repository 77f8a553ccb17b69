package com.rollercoach.core.protocol;

import com.rollercoach.core.sample.ImuSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The host side of the binary wire protocol: bytes in, {@link ImuSample}s in physical units out.
 *
 * <ul>
 *   <li><b>Units.</b> Counts convert with the full-scale ranges of the last HELLO: {@code g = counts
 *       · range / 32768}. Before any HELLO the reference firmware's ranges are assumed, ±{@value
 *       #DEFAULT_ACCEL_RANGE_G} g and ±{@value #DEFAULT_GYRO_RANGE_DPS} °/s (a host joining a running
 *       stream asks for HELLO; samples until it arrives may be mis-scaled if the device differs).
 *   <li><b>Time.</b> {@link ImuSample#tS()} is the device clock, unwrapped ({@link TimestampUnwrapper})
 *       and in seconds: smooth, free of host jitter, and strictly increasing. If the device clock
 *       stalls or steps backwards (a reset), samples continue from the last time plus the host's
 *       elapsed time (at least one sample period). {@link #clock()} maps device time to host time
 *       ({@link DeviceClockMapper}) for latency measurement and for aligning with other sources.
 *   <li><b>Loss.</b> Every device frame carries a uint16 sequence number; a jump means frames were
 *       lost. Gaps are counted at once and reported to the listener at the next IMU frame, between
 *       the last delivered sample's time and this one's. A gap longer than a sequence wrap (65536
 *       frames) is sized from the elapsed device time and the sample rate; a jump far larger than the
 *       elapsed time allows, or one at a device clock reset, is a renumbering, not a loss. Frames
 *       lost before the first sample are reported with an empty interval ({@code fromS == toS}). A
 *       HELLO with sequence number 0 marks a device restart, not a loss.
 *   <li><b>Stale frames.</b> An IMU frame whose sequence number is a little behind the last one, with
 *       a device time behind by as much as that many periods, is an old frame delivered again (a
 *       link's buffer flushed after a reconnect), not a clock reset: it is set aside, and dropped
 *       ({@link #staleFrames()}) once the live numbering goes on. Taken for a reset it shifted every
 *       later sample by how stale it was (a phantom gap) and the jump back to the live numbering
 *       counted as lost frames (198 for 3 stale ones). A run of such frames longer than {@value
 *       #STALE_RUN_S} s is a new numbering after all (a restart whose HELLO was lost, with clock
 *       and counter both started at boot): it is then played as before, only that much later.
 * </ul>
 */
public final class BinaryStreamDecoder implements StreamDecoder {
  public static final String FORMAT_NAME = "roller-binary/" + WireFormat.PROTOCOL_VERSION;
  /**
   * The reference firmware's LSM6DS3 at ±4 g: 0.122 mg/LSB (datasheet sensitivity) × 32768. Used
   * until a HELLO says otherwise.
   */
  public static final double DEFAULT_ACCEL_RANGE_G = 0.122e-3 * 32768;

  /** The reference firmware's LSM6DS3 at ±500 °/s: 17.50 m°/s/LSB × 32768 = 573.44 °/s. */
  public static final double DEFAULT_GYRO_RANGE_DPS = 17.50e-3 * 32768;

  private static final int SEQ_MOD = 1 << 16;
  /** Longest run of stale-looking frames held back before it is taken for a new numbering (s). */
  static final double STALE_RUN_S = 0.5;
  /** At most this many frames are held, whatever the rate. */
  private static final int STALE_RUN_MAX_FRAMES = 1000;
  /** Non-IMU frames (STATUS, ACK, HELLO) that may sit in a gap besides the samples it spans. */
  private static final int SLACK_FRAMES = 16;

  private final DecoderListener listener;
  private final FrameDecoder.Listener frameObserver;
  private final FrameDecoder frames = new FrameDecoder(this::onFrame);
  private final TimestampUnwrapper unwrapper = new TimestampUnwrapper();
  private final DeviceClockMapper clock = new DeviceClockMapper();

  private double accelScale = DEFAULT_ACCEL_RANGE_G / WireFormat.COUNTS_PER_FULL_SCALE;
  private double gyroScale = DEFAULT_GYRO_RANGE_DPS / WireFormat.COUNTS_PER_FULL_SCALE;
  /** Sample period from HELLO, else estimated from consecutive frames; NaN until known. */
  private double periodS = Double.NaN;
  private boolean periodFromHello;

  private double hostTimeS = Double.NaN;
  private boolean seqStarted;
  private int lastSeq;
  private long pendingGap;

  private boolean haveSample;
  private double lastSampleS;
  private double lastSampleHostS;
  /** Emitted time = extended device µs · 1e-6 + epochOffsetS; changes only at a device clock reset. */
  private double epochOffsetS;

  private long lostFrames;
  private long staleFrames;
  /** The device time of the last delivered sample, raw µs (wrapping). */
  private long lastRawUs;
  /** Stale-looking IMU frames held back: sequence number, frame, host time of arrival. */
  private final List<Held> held = new ArrayList<>();

  private record Held(int seq, Frame.Imu frame, double hostTimeS) {}

  private long samples;
  private double lastLatencyS = Double.NaN;

  public BinaryStreamDecoder(DecoderListener listener) {
    this(listener, (seq, frame) -> {});
  }

  /**
   * @param frameObserver also sees every good frame as it is decoded (ACKs for a command sender,
   *     raw frames for a recorder), before the listener's callbacks for it
   */
  public BinaryStreamDecoder(DecoderListener listener, FrameDecoder.Listener frameObserver) {
    this.listener = listener;
    this.frameObserver = frameObserver;
  }

  @Override
  public void feed(byte[] buf, int off, int len, double hostTimeS) {
    this.hostTimeS = hostTimeS;
    frames.feed(buf, off, len);
  }

  @Override
  public void finish() {
    frames.finish();
    playHeld(); // the stream ended in the run: no live frame came to show it stale
  }

  private void onFrame(int seq, Frame frame) {
    if (frame instanceof Frame.Imu imu) {
      if (looksStale(seq, imu)) {
        frameObserver.frame(seq, frame);
        held.add(new Held(seq, imu, hostTimeS));
        if (held.size() > staleRunFrames()) playHeld();
        return;
      }
      // the live numbering went on: what was held were old frames
      staleFrames += held.size();
      held.clear();
    } else {
      playHeld(); // a HELLO or STATUS in the run: keep the frames in their order
    }
    process(seq, frame, false);
  }

  /**
   * Whether an IMU frame is an old one delivered again: its sequence number at most half the
   * counter's range behind the last one (or equal), and its device time behind the last sample's by
   * that many periods (within two periods, or a quarter).
   */
  private boolean looksStale(int seq, Frame.Imu imu) {
    if (!haveSample || !seqStarted || !(periodS > 0 && periodS < 1)) return false;
    int behind = (lastSeq - seq) & (SEQ_MOD - 1);
    if (behind >= SEQ_MOD / 2) return false;
    long backUs = (lastRawUs - imu.timeUs()) & (TimestampUnwrapper.WRAP - 1);
    if (backUs >= TimestampUnwrapper.WRAP / 2) return false;
    double expected = behind * periodS;
    return Math.abs(backUs * 1e-6 - expected) <= Math.max(2 * periodS, 0.25 * expected);
  }

  private int staleRunFrames() {
    return (int) Math.min(STALE_RUN_MAX_FRAMES, Math.max(4, Math.ceil(STALE_RUN_S / periodS)));
  }

  /** Plays the held frames as they came (a new numbering, or the stream's end). */
  private void playHeld() {
    if (held.isEmpty()) return;
    double now = hostTimeS;
    for (Held h : held) {
      hostTimeS = h.hostTimeS();
      process(h.seq(), h.frame(), true);
    }
    held.clear();
    hostTimeS = now;
  }

  /** Old frames delivered again, dropped: neither samples nor losses (see the class comment). */
  public long staleFrames() {
    return staleFrames;
  }

  /** @param observed the frame observer has seen it already (a held frame, played later) */
  private void process(int seq, Frame frame, boolean observed) {
    trackSequence(seq, frame);
    if (!observed) frameObserver.frame(seq, frame);
    if (frame instanceof Frame.Imu imu) {
      onImu(imu);
    } else if (frame instanceof Frame.Hello hello) {
      onHello(hello);
    } else if (frame instanceof Frame.Status status) {
      listener.status(status.toDeviceStatus());
    }
  }

  private void trackSequence(int seq, Frame frame) {
    boolean restart = frame instanceof Frame.Hello && seq == 0;
    if (seqStarted && !restart) {
      int gap = (seq - lastSeq - 1) & (SEQ_MOD - 1);
      pendingGap += gap;
      lostFrames += gap; // counted now; reported with times at the next IMU frame
    }
    if (restart) pendingGap = 0;
    seqStarted = true;
    lastSeq = seq;
  }

  private void onHello(Frame.Hello hello) {
    accelScale = hello.accelRangeG() / WireFormat.COUNTS_PER_FULL_SCALE;
    gyroScale = hello.gyroRangeDps() / WireFormat.COUNTS_PER_FULL_SCALE;
    periodS = 1.0 / hello.sampleRateHz();
    periodFromHello = true;
    listener.deviceInfo(hello.toDeviceInfo());
  }

  private void onImu(Frame.Imu imu) {
    double hostElapsed = haveSample ? hostTimeS - lastSampleHostS : Double.NaN;
    long stepUs = unwrapper.step(imu.timeUs(), hostElapsed);
    double t = unwrapper.extendedUs() * 1e-6 + epochOffsetS;
    boolean clockReset = false;
    // A device clock that stalled or went back (a reset) — or a step too small to survive the
    // addition to epochOffsetS in floating point — must not stop time: sinks need it strictly rising.
    if (haveSample && (stepUs <= 0 || !(t > lastSampleS))) {
      // Keep time moving by what the host saw.
      double step = Math.max(Double.isFinite(hostElapsed) ? hostElapsed : 0, knownPeriodOr(1e-6));
      double continued = lastSampleS + Math.max(step, Math.ulp(lastSampleS));
      epochOffsetS += continued - t;
      t = continued;
      clock.reset();
      lostFrames -= pendingGap; // a restart renumbers frames: a sequence jump here is not a loss
      pendingGap = 0;
      clockReset = true;
    }
    // Whole sequence wraps are inferred from the device's own elapsed time, its counter's step in
    // exact microseconds, not from the emitted times: those carry the offset a reset added, whose
    // rounding flipped a wrap (two fuzzed inputs counted 2·10^14 lost frames read whole and one wrap
    // more read in pieces). Across a reset the time since the last sample is the host's: no wraps
    // are inferred from it (the host's pace between reads made 10^13 "lost" frames).
    long lost = !haveSample ? pendingGap : clockReset ? 0 : lostBefore(stepUs * 1e-6);
    lostFrames += lost - pendingGap;
    pendingGap = 0;
    if (lost > 0) {
      listener.framesLost(lost, haveSample ? lastSampleS : t, t);
    } else if (haveSample && !periodFromHello && stepUs > 0) {
      periodS = Double.isNaN(periodS) ? stepUs * 1e-6 : 0.9 * periodS + 0.1 * stepUs * 1e-6;
    }
    clock.add(t, hostTimeS);
    lastLatencyS = hostTimeS - clock.toHostS(t);
    haveSample = true;
    lastSampleS = t;
    lastSampleHostS = hostTimeS;
    lastRawUs = imu.timeUs() & (TimestampUnwrapper.WRAP - 1);
    samples++;
    listener.sample(
        new ImuSample(
            t,
            imu.ax() * accelScale,
            imu.ay() * accelScale,
            imu.az() * accelScale,
            imu.gx() * gyroScale,
            imu.gy() * gyroScale,
            imu.gz() * gyroScale));
  }

  /**
   * Frames missing before this IMU frame: the sequence gap, plus whole sequence wraps when the elapsed
   * device time says more than 65536 frames went by.
   */
  private long lostBefore(double elapsedS) {
    long gap = pendingGap;
    if (!Double.isNaN(periodS) && elapsedS > 0) {
      double expected = elapsedS / periodS - 1;
      if (expected > SEQ_MOD / 2.0) {
        long wraps = Math.max(0, Math.round((expected - gap) / SEQ_MOD));
        gap += wraps * SEQ_MOD;
      } else if (gap > 2 * expected + SLACK_FRAMES) {
        // Far more frames "missing" than time allows: the numbering restarted (a reboot whose HELLO
        // was lost, another device on the port), not a loss.
        gap = 0;
      }
    }
    return gap;
  }

  private double knownPeriodOr(double fallback) {
    return Double.isNaN(periodS) ? fallback : periodS;
  }

  @Override
  public DecoderStats stats() {
    return new DecoderStats(
        frames.frames(), frames.crcFailures(), frames.resyncs(), lostFrames, frames.bytes());
  }

  @Override
  public String formatName() {
    return FORMAT_NAME;
  }

  /** The framing layer's own counters (length errors, malformed frames, skipped bytes). */
  public FrameDecoder framing() {
    return frames;
  }

  /** Device → host clock mapping, updated with every IMU frame. */
  public DeviceClockMapper clock() {
    return clock;
  }

  /**
   * Host receive time of the last IMU frame minus its device time mapped to the host clock, s: the
   * latency above the link's minimum (NaN before the first sample).
   */
  public double lastLatencyS() {
    return lastLatencyS;
  }

  /** IMU samples delivered. */
  public long samples() {
    return samples;
  }
}
