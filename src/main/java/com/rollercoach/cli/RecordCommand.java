package com.rollercoach.cli;

import com.rollercoach.core.coach.CoachingTargets;
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
@Command(name = "record", mixinStandardHelpOptions = true, description = "Record a live session from the roller, coaching in the terminal")
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

  @Option(names = "--baud", defaultValue = "115200", description = "Baud rate (default: ${DEFAULT-VALUE})")
  int baud;

  @Option(names = "--roller-diameter-cm", paramLabel = "D", description = "Roller diameter (default: 15 cm)")
  Double rollerDiameterCm;

  @Option(names = "--keep-alive", defaultValue = "3", paramLabel = "S",
      description = "Seconds of silence after which the link counts as lost (default: ${DEFAULT-VALUE})")
  double keepAliveS;

  @Option(names = "--calibration", paramLabel = "FILE",
      description = "Device calibration to apply (default: calibration/<device>.json for the device's HELLO id, if any)")
  Path calibration;

  /** Where sessions go unless --out says otherwise. */
  static Path defaultSessionsDir() {
    return Path.of(System.getProperty("user.home"), ".roller-coach", "sessions");
  }

  @Override
  public Integer call() throws Exception {
    if (durationS != null && !(durationS > 0)) throw new UserInputException("--duration must be > 0 seconds");
    Optional<byte[]> preamble = sensors.preamble(); // checks --columns/--units/--profile first
    Optional<URI> phone = sensors.phone();
    if (phone.isPresent()) {
      Path file = recordingFile();
      int exit = PhoneRecording.record(phone.get(), file, durationS, rollerDiameterCm, calibration, System.out);
      RecordedSessions.index(file, System.out, System.err);
      return exit;
    }
    if ((port == null) == (ble == null)) {
      throw new UserInputException("give --port PATH|auto or --ble NAME|ADDRESS (or --phyphox ADDRESS for a phone)");
    }
    PrintStream console = System.out;
    String path = ble != null ? "BLE " + ble : resolvePort();
    Path file = recordingFile();
    SessionMetadata meta = SessionMetadata.empty();
    if (rollerDiameterCm != null) meta = meta.with(SessionMetadata.ROLLER_DIAMETER_CM, Double.toString(rollerDiameterCm));

    LiveConsole coach = new LiveConsole(console, System.console() != null, CoachingTargets.defaults());
    // Before the recording file exists: a bad --calibration leaves nothing behind.
    LivePipeline sink = new LivePipeline(calibration, rollerDiameterCm, meta, coach, console);
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

    LivePath live = new LivePath(Decoders.standard(), RecordingHeader.WIRE_FORMAT_AUTO, sink, coach).recordTo(writer);
    sink.deviceFrom(live::device);
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
      try {
        source.start();
      } catch (PortOpenException | BleException e) {
        closeQuietly(writer, clock, Map.of("error", e.getMessage()));
        Files.deleteIfExists(file); // nothing was recorded: do not leave an empty session behind
        throw new UserInputException(e.getMessage(), e);
      }
      console.println("Recording " + path + " to " + file
          + (durationS != null ? String.format(Locale.ROOT, " for %.0f s", durationS) : "") + " (Ctrl-C to stop)");
      stop.await(durationS);

      source.close(); // joins the serial thread: from here on this thread owns the pipeline
      sink.end();
      Map<String, String> summary = summary(live, source);
      // A full disk stopped the recording earlier (reported then): end normally with what was saved.
      Optional<IOException> diskFailure = writer.closeKeepingPrefix(clock.seconds(), summary);
      console.println();
      console.println("Summary: " + coach.countsLine());
      console.println("Link: " + summary.get("frames") + " frames, " + summary.get("lost_frames") + " lost, "
          + summary.get("crc_failures") + " CRC failures, " + source.reconnects() + " reconnect(s)");
      console.println("Saved " + file + " (" + Files.size(file) + " bytes)" + diskFailure.map(e -> "; recording stopped early ("
          + e.getMessage() + "), everything before that is kept").orElse(""));
      // Also on Ctrl-C/SIGTERM: the shutdown hook waits (10 s) until this is done. The recording is
      // closed already, so a JVM that stops halfway through indexing still leaves it whole.
      RecordedSessions.index(file, console, System.err);
      return 0;
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

  private Path recordingFile() {
    if (out != null) return out;
    String name = "session-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + RecordingFormat.FILE_SUFFIX;
    return defaultSessionsDir().resolve(name);
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
