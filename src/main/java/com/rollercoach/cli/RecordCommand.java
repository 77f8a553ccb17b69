package com.rollercoach.cli;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.io.DataFolder;
import com.rollercoach.live.LiveSession;
import com.rollercoach.core.protocol.DecoderStats;
import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.ble.BleException;
import com.rollercoach.io.ble.BleSource;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LinkSource;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.recording.RecordingFormat;
import com.rollercoach.io.recording.RecordingHeader;
import com.rollercoach.io.recording.RecordingWriter;
import com.rollercoach.io.serial.PortFinder;
import com.rollercoach.io.serial.PortOpenException;
import com.rollercoach.io.serial.SerialPorts;
import com.rollercoach.io.serial.SerialSource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code record --port PATH|auto [--out FILE] [--duration S]}: connects, records every byte to a
 * crash-safe recording and coaches live in the terminal until the duration is up or Ctrl-C.
 *
 * <p>Threads: the serial thread reads, records, decodes and runs the pipeline and the console (see
 * {@link SerialSource}); the main thread only waits for the end. Ctrl-C runs a shutdown hook that
 * wakes the main thread and waits until it has stopped the reader, ended the pipeline, printed the
 * summary and closed the recording.
 */
@Command(name = "record", mixinStandardHelpOptions = true, description = "Record a live session from the roller, coaching in the terminal.")
public final class RecordCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "PATH|auto",
      description = "Serial port path (/dev/ttyACM0, /dev/rfcomm0, COM7, a pty) or 'auto' to find the roller")
  String port;

  @Option(names = "--ble", paramLabel = "NAME|ADDRESS",
      description = "A Bluetooth LE roller (Nordic UART or FFE0 service) by name or address, Linux/BlueZ ('ports' lists them)")
  String ble;

  /** Arduino text layout, device profiles, phyphox phones (docs/sensors.md). */
  @Mixin SensorOptions sensors = new SensorOptions();

  @Option(names = "--out", paramLabel = "FILE",
      description = "Recording file (default: a new file in ~/.roller-coach/sessions/)")
  Path out;

  @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds (default: until Ctrl-C)")
  Double durationS;

  @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Baud rate (default: ${DEFAULT-VALUE})")
  int baud;

  @Option(names = "--roller-diameter-cm", paramLabel = "D", description = "Roller diameter (default: 15 cm)")
  Double rollerDiameterCm;

  @Option(names = "--keep-alive", defaultValue = "3", paramLabel = "S",
      description = "Seconds of silence after which the link counts as lost (default: ${DEFAULT-VALUE})")
  double keepAliveS;

  @Mixin SessionOptions session = new SessionOptions();

  @Option(names = "--calibration", paramLabel = "FILE",
      description = "Device calibration to apply (default: DATA/calibration/<device>.json for the device's HELLO id, if any)")
  Path calibration;

  @Override
  public Integer call() throws Exception {
    if (durationS != null && !(durationS > 0)) throw new UserInputException("--duration must be > 0 seconds");
    LiveSupport.baud(baud);
    sensors.data = DataFolder.resolve(session.dataDir); // --profile is read from this data folder's profiles/
    Optional<byte[]> preamble = sensors.preamble(); // checks --columns/--units/--profile first
    // one source: with two, one was silently ignored (--phyphox over --port) or the message said
    // "give --port … or --ble …" to someone who had given both
    java.util.List<String> given = new java.util.ArrayList<>();
    if (port != null) given.add("--port");
    if (ble != null) given.add("--ble");
    if (sensors.phyphox != null) given.add("--phyphox");
    if (given.size() > 1) {
      throw new UserInputException("record reads one sensor: give one of --port, --ble, --phyphox (got "
          + String.join(" and ", given) + ")");
    }
    // before any port is searched or opened: "--port auto --roller-diameter-cm 500" searched the ports first
    if (rollerDiameterCm != null) LiveSupport.diameter("--roller-diameter-cm", rollerDiameterCm);
    Optional<URI> phone = sensors.phone();
    DataFolder data = DataFolder.resolve(session.dataDir);
    Prescription prescription = session.prescription(data); // and "ann" is now the "Ann" already there
    if (phone.isPresent()) {
      Path file = recordingFile(data);
      // --calibration reaches the session through its setup (a phone names no calibration itself)
      PhoneRecording.Result r = PhoneRecording.record(phone.get(), file, durationS, rollerDiameterCm, session.patient,
          System.out, liveSetup(prescription, data));
      RecordedSessions.index(file, r.durationS(), data, System.out, System.err);
      return r.exit();
    }
    if ((port == null) == (ble == null)) {
      throw new UserInputException("give --port PATH|auto or --ble NAME|ADDRESS (or --phyphox ADDRESS for a phone)");
    }
    PrintStream console = System.out;
    String path = ble != null ? "BLE " + ble : resolvePort();
    Path file = recordingFile(data);
    SessionMetadata meta = SessionMetadata.empty();
    if (rollerDiameterCm != null) meta = meta.with(SessionMetadata.ROLLER_DIAMETER_CM, Double.toString(rollerDiameterCm));
    if (session.patient != null) meta = meta.with("patient", session.patient);

    LiveConsole coach = new LiveConsole(console, System.console() != null, prescription.targets(), false);
    // Before the recording file exists: a bad --calibration leaves nothing behind. The metadata
    // going to the session names no device: the HELLO does.
    LiveSession sink = newSession(liveSetup(prescription, data), coach);
    HostClock clock = HostClock.startingNow();
    RecordingHeader header = new RecordingHeader(Instant.now(),
        ble != null ? "ble " + ble : "serial " + path + " @ " + baud,
        RecordingHeader.WIRE_FORMAT_AUTO, Optional.empty(), meta);
    RecordingWriter writer;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      writer = RecordingWriter.create(file, header);
    } catch (FileAlreadyExistsException e) {
      throw new UserInputException(file + ": already exists; a recording is never overwritten");
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot create the recording (" + e.getMessage() + ")");
    }

    LivePath live = new LivePath(Decoders.standard(), RecordingHeader.WIRE_FORMAT_AUTO, sink, sink.observer(coach))
        .recordTo(writer);
    sink.deviceFrom(live::device);
    sink.connected(); // the port opens next; if it fails the session is never started
    preamble.ifPresent(b -> live.bytes(b, 0, b.length, clock.seconds())); // --columns/--units
    FrameEncoder host = new FrameEncoder();
    SerialSource.Options options = SerialSource.Options.defaults().withBaud(baud)
        .withKeepAlive(Duration.ofMillis(Math.round(keepAliveS * 1000)))
        .withCommands(List.of(host.encode(Frame.Command.requestHello()), host.encode(Frame.Command.startStreaming())),
            host.encode(Frame.Command.requestHello()));
    LinkSource source = ble != null
        ? new BleSource(ble, BleSource.Options.from(options), clock, live)
        : new SerialSource(path, options, clock, live);

    RecordingStop stop = new RecordingStop();
    try {
      coach.holdUntilHeading(); // "link up: …" comes while the port opens: after the heading
      try {
        source.start();
      } catch (PortOpenException | BleException e) {
        coach.heading(null);
        closeQuietly(writer, clock, Map.of("error", e.getMessage()));
        Files.deleteIfExists(file); // nothing was recorded: do not leave an empty session behind
        throw new UserInputException(e.getMessage(), e);
      }
      coach.heading("Recording " + path + " to " + file
          + (durationS != null ? String.format(Locale.ROOT, " for %.0f s", durationS) : "") + " (Ctrl-C to stop)");
      stop.await(durationS, sink::checkSilence);

      source.close(); // joins the serial thread: from here on this thread owns the pipeline
      sink.end();
      coach.end();
      Map<String, String> summary = summary(live, source);
      // A full disk stopped the recording earlier (reported then): end normally with what was saved.
      Optional<IOException> diskFailure = writer.closeKeepingPrefix(clock.seconds(), summary);
      console.println();
      // no sample at all: the session said "No data arrived…" instead of a summary; counts of 0 passes
      // and a roll target would coach what never happened
      if (sink.samples() > 0) {
        console.println("Summary: " + coach.movementCounts());
        LiveConsole.positionLines(sink.analysis(), sink.frame()).forEach(console::println);
      }
      console.println(coach.linkLine(Long.parseLong(summary.get("frames")), Long.parseLong(summary.get("lost_frames")),
          Long.parseLong(summary.get("crc_failures")), source.reconnects()));
      console.println("Saved " + file + " (" + Files.size(file) + " bytes)" + diskFailure.map(e -> "; recording stopped early ("
          + e.getMessage() + "), everything before that is kept").orElse(""));
      // Also on Ctrl-C/SIGTERM: the shutdown hook waits (10 s) until this is done. The recording is
      // closed already, so a JVM that stops halfway through indexing still leaves it whole.
      RecordedSessions.index(file, sink.durationS(), data, console, System.err);
      // nothing arrived: the raw capture is kept for diagnosis (a wrong baud rate shows in it), but
      // a recording of no samples is not a success a script may take for one
      return sink.samples() > 0 ? 0 : 1;
    } finally {
      stop.close();
    }
  }

  private String resolvePort() {
    if (!port.equalsIgnoreCase("auto")) return port;
    PortFinder finder = new PortFinder(Decoders.standard(),
        FrameEncoder.encode(0, Frame.Command.requestHello()), baud, Duration.ofMillis(1500));
    List<String> tried = new ArrayList<>();
    return finder.find(SerialPorts.list(), tried).orElseThrow(() -> new UserInputException(
        "--port auto: no roller answered" + (tried.isEmpty() ? " (no likely ports listed)" : " on " + String.join(", ", tried))
            + "; give the path with --port (ptys and /dev/rfcomm* are not listed)"));
  }

  private LiveSession.Setup liveSetup(Prescription prescription, DataFolder data) {
    if (rollerDiameterCm != null) LiveSupport.pipelineConfig(rollerDiameterCm, SessionMetadata.empty()); // range
    return LiveSession.Setup.of(prescription, data).withCalibration(calibration, rollerDiameterCm);
  }

  static LiveSession newSession(LiveSession.Setup setup, LiveSession.Listener listener) {
    try {
      return new LiveSession(setup, listener);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private Path recordingFile(DataFolder data) {
    if (out != null) return out;
    String name = "session-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + RecordingFormat.FILE_SUFFIX;
    return data.sessions().resolve(name);
  }

  private static Map<String, String> summary(LivePath live, LinkSource source) {
    DecoderStats s = live.decoderStats();
    Map<String, String> m = new LinkedHashMap<>();
    m.put("wire_format", live.wireFormat());
    m.put("bytes", Long.toString(s.bytes()));
    m.put("frames", Long.toString(s.goodFrames()));
    m.put("lost_frames", Long.toString(s.lostFrames()));
    m.put("crc_failures", Long.toString(s.crcFailures()));
    m.put("resyncs", Long.toString(s.resyncs()));
    m.put("samples", Long.toString(live.samplesDelivered()));
    m.put("bad_samples", Long.toString(live.samplesRejected()));
    m.put("link_drops", Integer.toString(live.linkDrops()));
    m.put("reconnects", Integer.toString(source.reconnects()));
    return m;
  }

  private static void closeQuietly(RecordingWriter w, HostClock clock, Map<String, String> summary) {
    try {
      w.close(clock.seconds(), summary);
    } catch (IOException ignored) {
      // Only reached when nothing was recorded; the file is removed next.
    }
  }
}
