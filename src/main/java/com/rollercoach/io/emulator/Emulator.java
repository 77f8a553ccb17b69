package com.rollercoach.io.emulator;

import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameDecoder;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.protocol.WireFormat;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A roller that is not there: plays a session out of a {@link DeviceLink} in the binary wire protocol,
 * at real-time pace × {@code speed}, and answers host commands the way the reference firmware does
 * (HELLO on boot and on request, start/stop streaming, set rate, status about once a second).
 *
 * <p>What it sends is what a device with these full-scale ranges would measure: values are quantised
 * to int16 counts and saturate at full scale. Device timestamps are the input's own times (µs after a
 * boot offset, wrapping at 2³²), sent faster when {@code speed > 1}, so a session emulated at any
 * speed decodes to the same sample times. Samples missing from the input (a gap, a dropped sample)
 * advance the sequence number as a lossy link would, so the host counts them as lost frames. A file
 * stamped on arrival (Bluetooth: a stall, then the late samples in a burst) lost none of a stall's
 * samples that its burst brings: those keep their sequence numbers ({@link #lostInInput}).
 *
 * <p>One thread: {@link #run()} plays the input and, while waiting for each sample's due time, reads
 * and answers commands. {@link #start} runs it on a daemon thread; {@link #stop} ends it.
 */
public final class Emulator {
  /**
   * @param speed session seconds per wall second; {@code Double.POSITIVE_INFINITY} = as fast as possible
   * @param bootOffsetUs device clock at the first sample (a device has been on for a while)
   * @param statusIntervalS session seconds between STATUS frames (the host's keep-alive)
   */
  public record Options(
      double speed,
      double accelRangeG,
      double gyroRangeDps,
      String deviceId,
      String firmwareVersion,
      String sensorModel,
      boolean streamAtBoot,
      long bootOffsetUs,
      double statusIntervalS) {
    public static Options defaults() {
      return new Options(1.0, 4.0, 500.0, "EMU-0001", "emulator-1", "emulated", true, 1_000_000, 1.0);
    }

    public Options withSpeed(double s) {
      return new Options(s, accelRangeG, gyroRangeDps, deviceId, firmwareVersion, sensorModel, streamAtBoot, bootOffsetUs, statusIntervalS);
    }

    public Options withRanges(double g, double dps) {
      return new Options(speed, g, dps, deviceId, firmwareVersion, sensorModel, streamAtBoot, bootOffsetUs, statusIntervalS);
    }
  }

  /**
   * How far ahead of a gap in the input's times the emulator looks for the burst that delivers a
   * stall's samples late (input seconds after the first sample past the gap). Stalls of Bluetooth LE
   * links last 0.1–1 s; their bursts arrive within the next fraction of a second.
   */
  static final double BURST_LOOKAHEAD_S = 2.0;

  /** Samples examined to estimate the input's rate when its metadata does not state it. */
  private static final int RATE_PROBE_SAMPLES = 16;

  private final EmulatorInput input;
  private final DeviceLink link;
  private final Options options;
  private final FrameDecoder commands;
  private final byte[] readBuf = new byte[512];
  private final byte[] frameBuf = new byte[WireFormat.MAX_FRAME];

  private volatile boolean stopRequested;
  private volatile boolean streaming;
  private volatile long framesSent;
  private volatile long commandsAnswered;
  private volatile long lostInInput;
  private int seq;
  private double sourceRateHz = Double.NaN;
  private int decimation = 1;

  public Emulator(EmulatorInput input, DeviceLink link, Options options) {
    if (!(options.speed() > 0)) throw new IllegalArgumentException("speed must be > 0");
    this.input = input;
    this.link = link;
    this.options = options;
    this.streaming = options.streamAtBoot();
    this.commands = new FrameDecoder(this::onCommand);
    input.metadata().number(SessionMetadata.SAMPLE_RATE_HZ).ifPresent(r -> sourceRateHz = r);
  }

  /** Plays the whole input (or until {@link #stop}); then the link stays open for the caller to close. */
  public void run() throws IOException {
    Player player = new Player();
    try {
      input.play(player);
      player.end();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (Stopped e) {
      // stop() was called: a normal end.
    }
  }

  /** Runs on a daemon thread named "emulator"; errors go to {@code onError} (null: ignored). */
  public Thread start(Consumer<Exception> onError) {
    Thread t =
        new Thread(
            () -> {
              try {
                run();
              } catch (IOException | RuntimeException e) {
                if (onError != null && !stopRequested) onError.accept(e);
              }
            },
            "emulator");
    t.setDaemon(true);
    t.start();
    return t;
  }

  public void stop() {
    stopRequested = true;
  }

  public long framesSent() {
    return framesSent;
  }

  public long commandsAnswered() {
    return commandsAnswered;
  }

  /**
   * Frames the input really lost, sent as missing sequence numbers: a gap in its times that no burst
   * of late samples made up for (at the streamed rate).
   */
  public long lostInInput() {
    return lostInInput;
  }

  public boolean isStreaming() {
    return streaming;
  }

  private double streamRateHz() {
    return sourceRateHz / decimation;
  }

  // --- host commands ---------------------------------------------------------------------------

  private void pollCommands(int timeoutMs) throws IOException {
    int n = link.read(readBuf, timeoutMs);
    if (n > 0) commands.feed(readBuf, 0, n);
  }

  private void onCommand(int commandSeq, Frame frame) {
    if (!(frame instanceof Frame.Command c)) return; // a device ignores device frames echoed back
    int result = Frame.Ack.OK;
    long value = 0;
    try {
      switch (c.code()) {
        case Frame.Command.START_STREAMING -> {
          streaming = true;
          send(hello());
        }
        case Frame.Command.STOP_STREAMING -> streaming = false;
        case Frame.Command.SET_RATE -> {
          if (c.argument() <= 0 || Double.isNaN(sourceRateHz)) {
            result = Frame.Ack.INVALID_ARGUMENT;
          } else {
            // Like firmware picking the nearest rate its timer supports: here, a whole decimation of
            // the input's rate (the input cannot be sampled faster than it was recorded).
            decimation = (int) Math.max(1, Math.round(sourceRateHz / c.argument()));
            value = Math.round(streamRateHz());
            send(hello());
          }
        }
        case Frame.Command.REQUEST_HELLO -> send(hello());
        case Frame.Command.REQUEST_STATUS -> send(status());
        default -> result = Frame.Ack.UNSUPPORTED;
      }
      send(new Frame.Ack(c.code(), commandSeq, result, value));
      commandsAnswered++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- frames out ------------------------------------------------------------------------------

  private Frame.Hello hello() {
    float rate = (float) (Double.isNaN(sourceRateHz) ? 100 : streamRateHz());
    return new Frame.Hello(
        WireFormat.PROTOCOL_VERSION,
        streaming ? Frame.Hello.FLAG_STREAMING : 0,
        (float) options.accelRangeG(),
        (float) options.gyroRangeDps(),
        rate,
        options.deviceId(),
        options.firmwareVersion(),
        options.sensorModel());
  }

  private static Frame.Status status() {
    return new Frame.Status(0, Frame.Status.UNKNOWN_PERCENT, 0, Frame.Status.UNKNOWN_TEMPERATURE, 0);
  }

  private void send(Frame f) throws IOException {
    send(f, seq);
    seq = (seq + 1) & 0xFFFF;
  }

  private void send(Frame f, int frameSeq) throws IOException {
    int n = FrameEncoder.encodeInto(frameSeq, f, frameBuf, 0);
    link.write(frameBuf, 0, n);
    framesSent++;
  }

  private int counts(double value, double fullScale) {
    long c = Math.round(value / fullScale * WireFormat.COUNTS_PER_FULL_SCALE);
    return (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, c));
  }

  /** Thrown through the input's play loop to end it early. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  /** Receives the input's samples and sends them at their due time. */
  private final class Player implements SampleSink {
    private final List<ImuSample> probe = new ArrayList<>();
    private boolean booted;
    private double t0 = Double.NaN;
    private long startNanos;
    private long pausedNanos;
    private double nextStatusS;
    private long index;
    /** Samples read but not yet sent: the look-ahead past a gap ({@link #BURST_LOOKAHEAD_S}). */
    private final java.util.ArrayDeque<ImuSample> ahead = new java.util.ArrayDeque<>();
    /** The last sample taken from {@link #ahead}, sent or decimated away; null before the first. */
    private ImuSample previous;
    /** The input's sample number, lost samples counted (input-rate units), of {@link #previous}. */
    private long inputNumber = -1;
    /** {@link #inputNumber} of the last sample sent; -1 before the first. */
    private long sentNumber = -1;

    @Override
    public void accept(ImuSample s) {
      try {
        if (booted) {
          queue(s);
          return;
        }
        probe.add(s);
        if (Double.isNaN(sourceRateHz)) {
          if (probe.size() < RATE_PROBE_SAMPLES) return;
          sourceRateHz = medianRate(probe);
        }
        boot(probe.get(0).tS());
        for (ImuSample p : probe) queue(p);
        probe.clear();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void end() {
      try {
        if (!probe.isEmpty()) {
          if (Double.isNaN(sourceRateHz)) sourceRateHz = medianRate(probe);
          if (!booted) boot(probe.get(0).tS());
          for (ImuSample p : probe) queue(p);
          probe.clear();
        }
        while (!ahead.isEmpty()) emit(ahead.poll());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void boot(double firstS) throws IOException {
      booted = true;
      t0 = firstS;
      nextStatusS = firstS + options.statusIntervalS();
      startNanos = System.nanoTime();
      send(hello(), 0); // sequence 0 on HELLO tells the host the device (re)booted
      seq = 1;
    }

    /** Sends what the look-ahead has decided: samples more than its span before the newest one. */
    private void queue(ImuSample s) throws IOException {
      ahead.add(s);
      while (s.tS() - ahead.peek().tS() > BURST_LOOKAHEAD_S) emit(ahead.poll());
    }

    private void emit(ImuSample s) throws IOException {
      inputNumber += previous == null ? 1 : 1 + lostBefore(s);
      previous = s;
      waitUntilDue(s.tS());
      if (index++ % decimation != 0) return;
      if (sentNumber >= 0) {
        // Missing input samples become missing sequence numbers, as on a lossy link.
        long skipped = Math.round((inputNumber - sentNumber) / (double) decimation) - 1;
        if (skipped > 0) {
          seq = (int) ((seq + skipped) & 0xFFFF);
          lostInInput += skipped;
        }
      }
      sentNumber = inputNumber;
      long timeUs = (options.bootOffsetUs() + Math.round((s.tS() - t0) * 1e6)) & 0xFFFF_FFFFL;
      send(new Frame.Imu(timeUs,
          counts(s.axG(), options.accelRangeG()), counts(s.ayG(), options.accelRangeG()), counts(s.azG(), options.accelRangeG()),
          counts(s.gxDps(), options.gyroRangeDps()), counts(s.gyDps(), options.gyroRangeDps()), counts(s.gzDps(), options.gyroRangeDps())));
      if (s.tS() >= nextStatusS) {
        send(status());
        nextStatusS = s.tS() + options.statusIntervalS();
      }
    }

    /**
     * Input samples lost between {@link #previous} and {@code s} (which heads {@link #ahead}): the
     * samples the time between them holds at the input's rate, less one, unless the samples read
     * ahead arrived faster than that rate: a stall whose samples came late, stamped on arrival, in a
     * burst, lost only what the burst did not make up. Counted from {@code previous}, so a clock a
     * little off its nominal rate loses nothing over a long session.
     */
    private long lostBefore(ImuSample s) {
      double t = previous.tS();
      long lost = Math.round((s.tS() - t) * sourceRateHz) - 1;
      if (lost <= 0) return 0;
      long n = 1; // samples from previous (excluded) to later (included)
      for (ImuSample later : ahead) { // the samples after s
        if (later.tS() - s.tS() > BURST_LOOKAHEAD_S) break;
        n++;
        lost = Math.min(lost, Math.round((later.tS() - t) * sourceRateHz) - n);
        if (lost <= 0) return 0;
      }
      return lost;
    }

    /** Waits for the sample's wall-clock due time, answering commands meanwhile; holds while stopped. */
    private void waitUntilDue(double tS) throws IOException {
      boolean realTime = Double.isFinite(options.speed());
      long lastIdleStatus = System.nanoTime();
      while (true) {
        if (stopRequested || Thread.currentThread().isInterrupted()) throw new Stopped();
        if (!streaming) {
          long before = System.nanoTime();
          pollCommands(20);
          pausedNanos += System.nanoTime() - before;
          if (System.nanoTime() - lastIdleStatus > 1_000_000_000L) {
            send(status()); // a stopped device still says it is alive
            lastIdleStatus = System.nanoTime();
          }
          continue;
        }
        if (!realTime) {
          if ((index & 0xFF) == 0) pollCommands(0);
          return;
        }
        long due = startNanos + pausedNanos + (long) ((tS - t0) / options.speed() * 1e9);
        long left = due - System.nanoTime();
        if (left <= 0) return;
        // Two fixed read timeouts (a serial port reconfigures itself whenever the timeout changes).
        pollCommands(left > 12_000_000 ? 10 : 1);
        if (!streaming) continue;
        if (due - System.nanoTime() > 0 && due - System.nanoTime() < 1_000_000) spinUntil(due);
      }
    }
  }

  private static void spinUntil(long dueNanos) {
    while (System.nanoTime() < dueNanos) Thread.onSpinWait();
  }

  /** Median rate of the probe (robust to a dropped sample or jitter); 100 Hz if it says nothing. */
  private static double medianRate(List<ImuSample> probe) {
    if (probe.size() < 2) return 100;
    double[] dt = new double[probe.size() - 1];
    for (int i = 1; i < probe.size(); i++) dt[i - 1] = probe.get(i).tS() - probe.get(i - 1).tS();
    Arrays.sort(dt);
    double median = dt[dt.length / 2];
    return median > 0 ? 1.0 / median : 100;
  }
}
