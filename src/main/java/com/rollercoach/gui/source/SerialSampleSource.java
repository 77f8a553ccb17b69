package com.rollercoach.gui.source;

import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.ble.BleSource;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LinkListener;
import com.rollercoach.io.live.LinkSource;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.recording.RecordingFormat;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.io.serial.SerialSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A roller on a serial port (USB, Bluetooth SPP, a pty) or Bluetooth LE ({@link #ble}), through the same link source,
 * decoders and {@link LivePath} as {@code record}: every byte is recorded raw to the data folder
 * (crash-safe, flushed twice a second) while the samples go to the pipeline. A drop shows as
 * "reconnecting" while the serial source reopens the port by itself; the gap is marked in the data.
 */
public final class SerialSampleSource implements SampleSource {
  /** How often the link counters (frames lost) are refreshed for the connection bar. */
  private static final long STATUS_POLL_MS = 500;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final String path;
  private final String headerSource;
  private final LinkFactory link;
  private final Path recording;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final SessionMetadata metadata;
  private volatile LivePath live;

  /**
   * @param dataDir the data folder; the recording goes to its {@code sessions/}
   * @param patient whose session it is (written into the recording: the library files it under them)
   */
  public SerialSampleSource(String path, Path dataDir, String patient) {
    this(path, "serial " + path, dataDir, patient,
        (options, clock, listener) -> new SerialSource(path, options, clock, listener));
  }

  /** A Bluetooth LE roller by name or address (io.ble), recorded and decoded exactly like a serial one. */
  static SerialSampleSource ble(String nameOrAddress, Path dataDir, String patient) {
    return new SerialSampleSource("BLE " + nameOrAddress, "ble " + nameOrAddress, dataDir, patient,
        (options, clock, listener) -> new BleSource(nameOrAddress, BleSource.Options.from(options), clock, listener));
  }

  /** Makes the link for a session; the options carry the start/keep-alive commands. */
  interface LinkFactory {
    LinkSource open(SerialSource.Options options, HostClock clock, LinkListener listener);
  }

  private SerialSampleSource(String path, String headerSource, Path dataDir, String patient, LinkFactory link) {
    this.path = path;
    this.headerSource = headerSource;
    this.link = link;
    this.metadata = patient == null || patient.isBlank()
        ? SessionMetadata.empty() : SessionMetadata.empty().with("patient", patient);
    this.recording = dataDir.resolve("sessions").resolve(
        "session-" + LocalDateTime.now().format(STAMP) + RecordingFormat.FILE_SUFFIX);
  }

  @Override
  public String description() {
    return path;
  }

  @Override
  public boolean records() {
    return true;
  }

  @Override
  public com.rollercoach.core.protocol.DeviceInfo device() {
    LivePath l = live;
    return l == null ? null : l.device();
  }

  @Override
  public Optional<Path> recording() {
    return Optional.of(recording);
  }

  @Override
  public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
    HostClock clock = HostClock.startingNow();
    Files.createDirectories(recording.getParent());
    RecordingWriter writer = RecordingWriter.create(recording, new RecordingHeader(Instant.now(),
        headerSource, RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), metadata));
    LinkTracker tracker = new LinkTracker(status, sink instanceof LiveObserver o ? o : LiveObserver.NONE);
    LivePath live = new LivePath(Decoders.standard(), RecordingHeader.WIRE_FORMAT_AUTO, sink, tracker)
        .recordTo(writer);
    this.live = live;
    FrameEncoder host = new FrameEncoder();
    SerialSource.Options options = SerialSource.Options.defaults().withCommands(
        List.of(host.encode(Frame.Command.requestHello()), host.encode(Frame.Command.startStreaming())),
        host.encode(Frame.Command.requestHello()));
    LinkSource serial = link.open(options, clock, live);
    try {
      serial.start();
    } catch (Exception e) {
      writer.close(clock.seconds(), Map.of("error", String.valueOf(e.getMessage())));
      Files.deleteIfExists(recording); // nothing was recorded: leave no empty session behind
      throw e;
    }
    tracker.up(path);
    while (!stop.await(STATUS_POLL_MS, TimeUnit.MILLISECONDS)) {
      tracker.lost(live.decoderStats().lostFrames());
    }
    serial.close(); // joins the reading thread: from here on this thread owns the pipeline
    live.finish();
    try {
      writer.close(clock.seconds(), Map.of(
          "frames", Long.toString(live.decoderStats().goodFrames()),
          "lost_frames", Long.toString(live.decoderStats().lostFrames()),
          "reconnects", Integer.toString(serial.reconnects())));
    } catch (IOException e) {
      status.accept(new LinkStatus(LinkStatus.State.FAILED,
          "recording not closed cleanly: " + e.getMessage(), live.decoderStats().lostFrames()));
      return;
    }
    status.accept(new LinkStatus(LinkStatus.State.ENDED, "recorded to " + recording,
        live.decoderStats().lostFrames()));
  }

  @Override
  public void stop() {
    stop.countDown();
  }

  /** Link state for the connection bar, from the serial thread and the status poll. */
  private static final class LinkTracker implements LiveObserver {
    private final Consumer<LinkStatus> status;
    private volatile LinkStatus.State state = LinkStatus.State.CONNECTING;
    private volatile String detail = "";
    private volatile long lost;

    /** Where warnings are shown (the window's session processor). */
    private final LiveObserver shown;

    LinkTracker(Consumer<LinkStatus> status, LiveObserver shown) {
      this.status = status;
      this.shown = shown;
    }

    @Override
    public void warning(String text) {
      shown.warning(text);
    }

    @Override
    public void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {
      shown.samplesRejected(reason, count);
    }

    void up(String what) {
      state = LinkStatus.State.CONNECTED;
      detail = what;
      publish();
    }

    void lost(long frames) {
      if (frames != lost) {
        lost = frames;
        publish();
      }
    }

    @Override
    public void linkUp(double hostTimeS, String d) {
      up(d);
    }

    @Override
    public void linkDown(double hostTimeS, String reason) {
      state = LinkStatus.State.RECONNECTING;
      detail = reason;
      publish();
    }

    @Override
    public void recordingFailed(IOException e) {
      detail = "recording stopped: " + e.getMessage();
      publish();
    }

    private void publish() {
      status.accept(new LinkStatus(state, detail, lost));
    }
  }
}
