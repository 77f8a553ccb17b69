package com.rollercoach.cli;

import com.rollercoach.live.LiveSession;
import com.rollercoach.core.protocol.AutoDetectingDecoder;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.io.sensors.PhyphoxLink;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code record --phyphox ADDRESS}: the serial recording flow with a phone as the source. The
 * phone's samples take the same live path (recorded as SAMPLES records, coached live, replayable).
 */
final class PhoneRecording {
  private PhoneRecording() {}

  /** How it went: the exit code and the seconds of samples recorded. */
  record Result(int exit, double durationS) {}

  /** @param patient whose session it is (written into the recording: the library files it under them), or null */
  static Result record(URI phone, Path file, Double durationS, Double rollerDiameterCm, String patient,
      PrintStream console, LiveSession.Setup setup)
      throws IOException, InterruptedException {
    try {
      com.rollercoach.io.sensors.PhyphoxLiveSource.checkHostKnown(phone);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    SessionMetadata meta = SessionMetadata.empty().with(SessionMetadata.DEVICE, "phyphox " + phone);
    if (patient != null && !patient.isBlank()) meta = meta.with("patient", patient.strip());
    if (rollerDiameterCm != null) {
      meta = meta.with(SessionMetadata.ROLLER_DIAMETER_CM, Double.toString(rollerDiameterCm));
    }
    LiveConsole coach = new LiveConsole(console, System.console() != null, setup.prescription().targets(), false);
    // A phone sends no HELLO with a calibration id: --calibration FILE, else self-calibration.
    LiveSession sink = RecordCommand.newSession(setup.withMetadata(meta), coach)
        .noDataMessage("No data arrived from the phone at " + phone + ", so there is nothing to coach: is phyphox"
            + " running there with Remote access on, and was play pressed?");
    HostClock clock = HostClock.startingNow();
    RecordingHeader header = new RecordingHeader(Instant.now(), "phyphox " + phone,
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), meta);
    RecordingWriter writer;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      writer = RecordingWriter.create(file, header);
    } catch (FileAlreadyExistsException e) {
      throw new UserInputException(file + ": already exists; a recording is never overwritten");
    }
    LivePath live = new LivePath((format, l) -> AutoDetectingDecoder.withBuiltInFormats(l),
        RecordingHeader.WIRE_FORMAT_AUTO, sink, sink.observer(coach)).recordTo(writer);
    PhyphoxLink link = new PhyphoxLink(phone, live, clock);

    RecordingStop stop = new RecordingStop();
    try {
      link.start();
      console.println("Recording phyphox at " + phone + " to " + file
          + (durationS != null ? String.format(Locale.ROOT, " for %.0f s", durationS) : "")
          + " (Ctrl-C to stop). In phyphox: Remote access on, then press play.");
      stop.await(durationS, sink::checkSilence);
      link.close(); // joins the polling thread: from here on this thread owns the pipeline
      sink.end();
      coach.end();
      Map<String, String> summary = new LinkedHashMap<>();
      summary.put("source", "phyphox " + phone);
      summary.put("samples", Long.toString(live.samplesDelivered()));
      summary.put("link_drops", Integer.toString(live.linkDrops()));
      // A full disk stopped the recording earlier (reported then): end normally with what was saved.
      Optional<IOException> diskFailure = writer.closeKeepingPrefix(clock.seconds(), summary);
      console.println();
      // no sample at all: the session said "No data arrived…" instead of a summary; counts of 0 passes
      // and a roll target would coach what never happened
      if (sink.samples() > 0) console.println("Summary: " + coach.movementCounts());
      console.println("Link: " + live.samplesDelivered() + " samples, " + live.linkDrops() + " drop(s)"
          + (coach.gaps() == 0 ? "" : "; " + coach.gapsText()));
      console.println("Saved " + file + " (" + Files.size(file) + " bytes)" + diskFailure.map(e -> "; recording stopped early ("
          + e.getMessage() + "), everything before that is kept").orElse(""));
      // nothing arrived: the file (its header, the link's summary) is kept, but the command failed
      return new Result(sink.samples() > 0 ? 0 : 1, sink.durationS());
    } finally {
      stop.close();
    }
  }
}
