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
 * "reconnecting" while the source retries, and the gap is marked if data is missing.
 */
final class PhoneSampleSource implements SampleSource {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final URI phone;
  private final Path recording;
  private final CountDownLatch stop = new CountDownLatch(1);

  PhoneSampleSource(URI phone, Path dataDir) {
    this.phone = phone;
    this.recording = dataDir.resolve("sessions").resolve(
        "session-" + LocalDateTime.now().format(STAMP) + RecordingFormat.FILE_SUFFIX);
  }

  @Override
  public String description() {
    return "phyphox at " + phone;
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
        "phyphox " + phone, RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(),
        SessionMetadata.empty().with(SessionMetadata.DEVICE, "phyphox " + phone)));
    LiveObserver observer = new LiveObserver() {
      @Override
      public void linkUp(double hostTimeS, String detail) {
        status.accept(new LinkStatus(LinkStatus.State.CONNECTED, detail, 0));
      }

      @Override
      public void linkDown(double hostTimeS, String reason) {
        status.accept(new LinkStatus(LinkStatus.State.RECONNECTING, reason, 0));
      }

      // the window's session processor shows these (bad samples, the phone's sensor silent)
      @Override
      public void warning(String text) {
        if (sink instanceof LiveObserver shown) shown.warning(text);
      }

      @Override
      public void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {
        if (sink instanceof LiveObserver shown) shown.samplesRejected(reason, count);
      }
    };
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
