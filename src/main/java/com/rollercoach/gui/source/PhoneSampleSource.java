package com.rollercoach.gui.source;

import com.rollercoach.core.protocol.AutoDetectingDecoder;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.recording.RecordingFormat;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.io.sensors.PhyphoxLink;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A phone running phyphox (docs/sensors.md), through the same {@link LivePath} and recording as a
 * serial roller: samples are recorded as SAMPLES records; the Wi-Fi dropping shows as
 * "reconnecting" while the source retries, and the gap is marked if data is missing. Like a roller's,
 * the recording names the patient and joins the library under them when the window's session ends.
 */
final class PhoneSampleSource implements SampleSource {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final URI phone;
  private final Path recording;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final SessionMetadata metadata;

  /** @param patient whose session it is (written into the recording), or null */
  PhoneSampleSource(URI phone, Path dataDir, String patient) {
    this.phone = phone;
    // The device is known at once (a phone sends no HELLO): the session need not wait for one.
    SessionMetadata m = SessionMetadata.empty().with(SessionMetadata.DEVICE, "phyphox " + phone);
    this.metadata = patient == null || patient.isBlank() ? m : m.with("patient", patient.strip());
    this.recording = dataDir.resolve("sessions").resolve(
        "session-" + LocalDateTime.now().format(STAMP) + RecordingFormat.FILE_SUFFIX);
  }

  @Override
  public String description() {
    return "phyphox at " + phone;
  }

  @Override
  public SessionMetadata metadata() {
    return metadata;
  }

  @Override
  public boolean records() {
    return true;
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
        "phyphox " + phone, RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), metadata));
    // the window's session processor shows the warnings (bad samples, the phone's sensor silent)
    LiveObserver observer = SampleSource.warningsAndLink(sink,
        detail -> status.accept(new LinkStatus(LinkStatus.State.CONNECTED, detail, 0)),
        reason -> status.accept(new LinkStatus(LinkStatus.State.RECONNECTING, reason, 0)));
    LivePath live = new LivePath((format, l) -> AutoDetectingDecoder.withBuiltInFormats(l),
        RecordingHeader.WIRE_FORMAT_AUTO, sink, observer).recordTo(writer);
    status.accept(LinkStatus.connecting(description()));
    PhyphoxLink link = new PhyphoxLink(phone, live, clock).start();
    stop.await();
    link.close(); // joins the polling thread: from here on this thread owns the pipeline
    writer.close(clock.seconds(), Map.of("samples", Long.toString(live.samplesDelivered()),
        "link_drops", Integer.toString(live.linkDrops())));
    status.accept(new LinkStatus(LinkStatus.State.ENDED, "recorded to " + recording, 0));
  }

  @Override
  public void stop() {
    stop.countDown();
  }
}
