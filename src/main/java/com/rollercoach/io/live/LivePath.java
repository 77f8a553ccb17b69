package com.rollercoach.io.live;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.DecoderStats;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.DeviceStatus;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SampleValidator;
import com.rollercoach.io.recording.RecordingWriter;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one path from a link to the pipeline, shared by live sessions and replays so that both behave
 * identically: bytes are recorded raw (when recording), then decoded; samples go to the sink in strictly
 * increasing time; link drops become {@link SampleSink#gap} calls spanning from the last sample before
 * the drop to the first one after it (in the samples' own clock, which is the only clock the pipeline
 * knows), so the gap carries its reason.
 *
 * <p>The same decoder is kept across reconnects: it carries the device clock over the gap (and copes
 * with a device that rebooted meanwhile), so sample times stay continuous and increasing.
 *
 * <p>Not thread-safe: exactly one thread (the serial reader, or the replay loop) calls it.
 */
public final class LivePath implements LinkListener {
  private final StreamDecoder decoder;
  private final SampleSink sink;
  private final LiveObserver observer;
  private RecordingWriter recorder;
  private double lastSampleS = Double.NEGATIVE_INFINITY;
  private String pendingGapReason;
  private long samples;
  private long outOfOrder;
  private long rejected;
  private final EnumMap<SampleValidator.Reason, Long> rejectedBy = new EnumMap<>(SampleValidator.Reason.class);
  private int linkDrops;
  private long lastBytesNanos;
  private double currentHostS = Double.NaN;
  private DeviceInfo device;
  private long processingFailures;

  /**
   * @param wireFormat the decoder to use ("auto" detects it)
   * @param sink where samples and gaps go, usually a {@code MotionPipeline}
   */
  public LivePath(DecoderFactory decoders, String wireFormat, SampleSink sink, LiveObserver observer) {
    this.sink = sink;
    this.observer = observer;
    this.decoder = decoders.create(wireFormat, new Decoded());
  }

  /** Also append everything that arrives to {@code writer} (raw bytes, link changes, device info). */
  public LivePath recordTo(RecordingWriter writer) {
    this.recorder = writer;
    return this;
  }

  @Override
  public void bytes(byte[] buf, int off, int len, double hostTimeS) {
    lastBytesNanos = System.nanoTime();
    currentHostS = hostTimeS;
    if (recorder != null) {
      try {
        recorder.bytes(hostTimeS, buf, off, len);
      } catch (IOException e) {
        recordingFailed(e);
      }
    }
    try {
      decoder.feed(buf, off, len, hostTimeS);
    } catch (RuntimeException e) {
      // The bytes are safe in the recording; a bug behind the decoder must not end the session.
      if (processingFailures++ == 0) observer.processingFailed(e);
    }
  }

  /** Times decoding or the pipeline threw; see {@link LiveObserver#processingFailed}. */
  public long processingFailures() {
    return processingFailures;
  }

  /** Samples from a source that decodes by itself (a replayed SAMPLES record, a phone). */
  public void samples(List<ImuSample> batch, double hostTimeS) {
    if (recorder != null) {
      try {
        recorder.samples(hostTimeS, batch);
      } catch (IOException e) {
        recordingFailed(e);
      }
    }
    for (ImuSample s : batch) {
      try {
        route(s);
      } catch (RuntimeException e) {
        // One bad sample (or a bug it triggers) costs that sample, not the session.
        if (processingFailures++ == 0) observer.processingFailed(e);
      }
    }
  }

  @Override
  public void linkUp(double hostTimeS, String detail) {
    record(w -> w.link(hostTimeS, true, detail));
    observer.linkUp(hostTimeS, detail);
  }

  @Override
  public void linkDown(double hostTimeS, String reason) {
    linkDrops++;
    if (pendingGapReason == null) pendingGapReason = "link lost: " + reason;
    record(w -> w.link(hostTimeS, false, reason));
    observer.linkDown(hostTimeS, reason);
  }

  /** A source's own warning (a phone sensor that sends nothing), passed to the observer. */
  public void warning(String text) {
    observer.warning(text);
  }

  /** Device info learned outside the byte stream (a recording's DEVICE record). */
  public void deviceInfo(DeviceInfo info) {
    if (info.equals(device)) return;
    device = info;
    observer.deviceInfo(info);
  }

  /** The device, once it introduced itself (or null). */
  public DeviceInfo device() {
    return device;
  }

  /** No more bytes will come (the end of a replay): the decoder gives up a partial frame it holds. */
  public void finish() {
    decoder.finish();
  }

  public DecoderStats decoderStats() {
    return decoder.stats();
  }

  public String wireFormat() {
    return decoder.formatName();
  }

  /** Samples delivered to the sink. */
  public long samplesDelivered() {
    return samples;
  }

  /** Samples dropped because their time went backwards (a device clock reset). */
  public long samplesOutOfOrder() {
    return outOfOrder;
  }

  /**
   * Samples refused by the edge check ({@link SampleValidator}): non-finite, time out of range or
   * going backwards, impossible values. Includes {@link #samplesOutOfOrder()}.
   */
  public long samplesRejected() {
    return rejected;
  }

  /** {@link #samplesRejected()} by reason. */
  public Map<SampleValidator.Reason, Long> samplesRejectedByReason() {
    return Map.copyOf(rejectedBy);
  }

  public int linkDrops() {
    return linkDrops;
  }

  /** {@link System#nanoTime()} when the bytes being decoded right now arrived, for latency. */
  public long lastBytesNanos() {
    return lastBytesNanos;
  }

  private void route(ImuSample s) {
    SampleValidator.Reason bad = SampleValidator.check(s, lastSampleS);
    if (bad != null) {
      if (bad == SampleValidator.Reason.TIME_BACKWARDS) outOfOrder++;
      rejected++;
      long n = rejectedBy.merge(bad, 1L, Long::sum);
      // The first of each kind, then at 10, 100, …: prompt, without flooding the screen.
      if (isPowerOfTen(n)) observer.samplesRejected(bad, n);
      return;
    }
    if (pendingGapReason != null) {
      if (samples > 0) sink.gap(lastSampleS, s.tS(), pendingGapReason);
      pendingGapReason = null;
    }
    lastSampleS = s.tS();
    samples++;
    sink.accept(s);
  }

  private static boolean isPowerOfTen(long n) {
    while (n >= 10 && n % 10 == 0) n /= 10;
    return n == 1;
  }

  private void record(RecorderCall call) {
    if (recorder == null) return;
    try {
      call.apply(recorder);
    } catch (IOException e) {
      recordingFailed(e);
    }
  }

  private void recordingFailed(IOException e) {
    recorder = null;
    observer.recordingFailed(e);
  }

  private interface RecorderCall {
    void apply(RecordingWriter w) throws IOException;
  }

  private final class Decoded implements DecoderListener {
    @Override
    public void sample(ImuSample sample) {
      route(sample);
    }

    @Override
    public void deviceInfo(DeviceInfo info) {
      // A keep-alive request makes the device repeat its HELLO: record and report changes only.
      if (info.equals(device)) return;
      device = info;
      record(w -> w.device(currentHostS, info));
      observer.deviceInfo(info);
    }

    @Override
    public void status(DeviceStatus status) {
      observer.status(status);
    }

    // framesLost is not passed on as a gap: the pipeline sees the jump in sample time by itself, and a
    // frame or two lost on a radio link is not news; the decoder's counters report link quality.
  }
}
