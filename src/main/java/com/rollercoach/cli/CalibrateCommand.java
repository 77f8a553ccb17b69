package com.rollercoach.cli;

import com.rollercoach.calibration.CalibrationBench;
import com.rollercoach.calibration.CalibrationFile;
import com.rollercoach.calibration.CalibrationFileException;
import com.rollercoach.calibration.CalibrationInput;
import com.rollercoach.calibration.DirectionLearning;
import com.rollercoach.calibration.SyntheticCalibrationSession;
import com.rollercoach.calibration.TerminalCalibrationView;
import com.rollercoach.core.NumberText;
import com.rollercoach.core.calibration.CalibrationPlan;
import com.rollercoach.core.calibration.CalibrationProcedure;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ProcedureState;
import com.rollercoach.core.protocol.AutoDetectingDecoder;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.Frame;
import com.rollercoach.core.protocol.FrameEncoder;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.csv.CsvSampleWriter;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.serial.PortOpenException;
import com.rollercoach.io.serial.SerialSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code calibrate}: the guided per-device calibration, live on a serial port (our device or the
 * emulator) or on a stored session (CSV or recording). Thin wiring: the steps are {@link
 * CalibrationProcedure}, the file format {@link CalibrationFile}.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Guided per-device calibration of gyro, accelerometer, roller size and axis.",
      "Still on the floor (gyro bias), resting positions (accelerometer, gyro scale), a roll over a measured distance (roller diameter), rolls back and forth (roller axis). Writes DATA/calibration/<device-id>.json (the data folder every command and the window use); a rejected calibration keeps the previous file. See calibration/README.md."
    })
public final class CalibrateCommand implements Callable<Integer> {
  static final class Source {
    @Option(names = "--input", paramLabel = "FILE", description = "A recorded session: any file or export folder analyze reads.")
    Path input;

    @Option(names = "--port", paramLabel = "PATH", description = "Calibrate live on this serial port (device or emulator).")
    String port;

    @Option(
        names = "--simulate-session",
        paramLabel = "FILE",
        description = "Write a synthetic calibration session of a miscalibrated sensor to FILE (CSV) and exit.")
    Path simulate;

    @Option(names = "--bench", description = "Measure what calibration buys on simulated miscalibrated sensors.")
    boolean bench;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--direction",
      description = {
        "Only learn which way is toward the head (once per roller, after a calibration): lie on the roller, keep still, roll it 10-20 cm up your back toward your neck, stop. Updates the device's calibration file (roller.towardHead) so reviews place positions on the back."
      })
  boolean direction;

  @Option(names = "--device", paramLabel = "ID", description = "Device id (default: from HELLO or the file's # device= line).")
  String device;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write (default: DATA/calibration/<device-id>.json).")
  Path out;

  @picocli.CommandLine.Mixin DataDirOption data = new DataDirOption();

  @Option(names = "--distance-cm", paramLabel = "CM", defaultValue = "100", description = "Measured length of the distance roll, cm (default: ${DEFAULT-VALUE}).")
  double distanceCm;

  @Option(names = "--circumference-cm", paramLabel = "CM", description = "Measured circumference of the roller, cm: skips the distance roll.")
  Double circumferenceCm;

  @Option(names = "--diameter-cm", paramLabel = "CM", description = "Known roller diameter, cm: skips the distance roll.")
  Double diameterCm;

  @Option(names = "--poses", paramLabel = "N", defaultValue = "12", description = "Resting positions to record, ≥ 6; 9 or more also fit misalignment, 12 leave spares to check them (default: ${DEFAULT-VALUE}).")
  int poses;

  @Option(names = "--sensor-offset-cm", paramLabel = "CM", description = "Measured distance of the sensor from the roller axis, cm.")
  Double sensorOffsetCm;

  @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Serial speed (default: ${DEFAULT-VALUE}).")
  int baud;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for --simulate-session and --bench (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--sessions", paramLabel = "N", defaultValue = "20", description = "Sensors and sessions to simulate for --bench (default: ${DEFAULT-VALUE}).")
  int sessions;

  @Override
  public Integer call() throws Exception {
    PrintStream stdout = System.out;
    LiveSupport.baud(baud);
    // a device id that cannot name a file was refused only after the whole procedure
    if (device != null && !CalibrationFile.DEVICE_ID.matcher(device).matches()) {
      throw new UserInputException("--device " + device + ": cannot name a file; use letters, digits, '.', '-', '_'");
    }
    if (source.simulate != null) return simulate(stdout);
    if (source.bench) {
      if (sessions < 1) throw new UserInputException("--sessions " + sessions + ": must be at least 1");
      CalibrationBench.run(sessions, seed, stdout);
      stdout.println();
      com.rollercoach.calibration.CalibrationAccuracyBench.run(sessions, seed, stdout);
      return 0;
    }
    if (source.input != null) {
      // Told apart as every command does (missing, empty, binary, a folder without sensor tables) before
      // the wizard prints its first step, so a bad file is one line, not step 1's instructions and then it.
      try {
        com.rollercoach.io.SessionFiles.open(source.input);
      } catch (com.rollercoach.io.InputFileException e) {
        throw new UserInputException(e.getMessage(), e);
      }
    }
    if (direction) return learnDirection(stdout);
    if (poses < 6) throw new UserInputException("--poses: " + poses + " is too few; the accelerometer fit needs at least 6");
    CalibrationPlan plan = plan(source.input != null ? "file " + source.input : "serial " + source.port);
    AtomicReference<String> deviceId = new AtomicReference<>(device);
    boolean live = source.port != null;
    TerminalCalibrationView view = new TerminalCalibrationView(stdout, live);
    CalibrationProcedure procedure = new CalibrationProcedure(plan, view);
    // live: step 1 is printed once the port is open (a missing port printed step 1's instructions, then the error)
    if (!live) view.start(procedure.state());
    if (live) runLive(procedure, view, deviceId, stdout);
    else runFile(procedure, deviceId);
    return finish(procedure, deviceId.get(), stdout);
  }

  private CalibrationPlan plan(String sourceText) {
    CalibrationPlan plan =
        CalibrationPlan.defaults(device == null ? "unknown" : device, sourceText, version(), Instant.now())
            .withTargetPoses(poses);
    if (circumferenceCm != null && diameterCm != null) {
      throw new UserInputException("--circumference-cm and --diameter-cm: give one or the other");
    }
    if (circumferenceCm != null) {
      positive("--circumference-cm", circumferenceCm);
      LiveSupport.diameter("--circumference-cm " + NumberText.plain(circumferenceCm) + " (diameter "
          + NumberText.upTo(circumferenceCm / Math.PI, 1) + " cm)", circumferenceCm / Math.PI);
      plan = plan.withKnownDiameterCm(circumferenceCm / Math.PI, "circumference");
    } else if (diameterCm != null) {
      LiveSupport.diameter("--diameter-cm", diameterCm);
      plan = plan.withKnownDiameterCm(diameterCm, "entered");
    } else {
      positive("--distance-cm", distanceCm);
      plan = plan.withDistanceCm(distanceCm);
    }
    if (sensorOffsetCm != null) {
      if (!(sensorOffsetCm >= 0 && sensorOffsetCm <= 30)) {
        throw new UserInputException("--sensor-offset-cm: " + sensorOffsetCm + " is not a distance inside a roller (0–30 cm)");
      }
      plan = plan.withSensorOffsetCm(sensorOffsetCm);
    }
    return plan;
  }

  private void runFile(CalibrationProcedure procedure, AtomicReference<String> deviceId) {
    try {
      SampleSink sink =
          new SampleSink() {
            @Override
            public void accept(ImuSample s) {
              procedure.accept(s);
            }

            @Override
            public void end() {
              procedure.end();
            }
          };
      CalibrationInput.play(source.input, sink).ifPresent(id -> {
        if (deviceId.get() == null) deviceId.set(id);
      });
    } catch (com.rollercoach.io.InputFileException e) {
      throw new UserInputException(e.getMessage(), e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserInputException(source.input + ": no such file", e);
    } catch (IOException e) {
      throw new UserInputException(source.input + ": " + e.getMessage(), e);
    }
  }

  /**
   * Live: samples arrive on the serial thread, Enter presses on this one; both go through the
   * procedure under its lock, since it is a plain single-threaded state machine.
   */
  private void runLive(
      CalibrationProcedure procedure, TerminalCalibrationView view, AtomicReference<String> deviceId, PrintStream stdout)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    SampleSink sink =
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            synchronized (procedure) {
              procedure.accept(s);
              ProcedureState st = procedure.state();
              view.tick(s.tS(), st);
              if (st.status() != ProcedureState.Status.RUNNING) done.countDown();
            }
          }
        };
    LiveObserver observer =
        new LiveObserver() {
          @Override
          public void deviceInfo(DeviceInfo info) {
            if (deviceId.get() == null && info.deviceId() != null && !info.deviceId().isBlank()) {
              deviceId.set(info.deviceId());
              stdout.println("  · device " + info.deviceId() + " (" + info.sensorModel() + ")");
            }
          }

          @Override
          public void linkDown(double hostTimeS, String reason) {
            stdout.println("  ! link lost (" + reason + "), reconnecting…");
          }
        };
    LivePath path =
        new LivePath(
            (format, listener) -> AutoDetectingDecoder.withBuiltInFormats(listener), "auto", sink, observer);
    SerialSource.Options options =
        SerialSource.Options.defaults()
            .withBaud(baud)
            .withCommands(
                List.of(
                    FrameEncoder.encode(0, Frame.Command.requestHello()),
                    FrameEncoder.encode(1, Frame.Command.startStreaming())),
                FrameEncoder.encode(2, Frame.Command.requestHello()));
    try (SerialSource serial = new SerialSource(source.port, options, HostClock.startingNow(), path)) {
      synchronized (procedure) { // samples wait for the heading: the sink takes this lock too
        serial.start();
        view.start(procedure.state());
      }
      Thread keys = new Thread(() -> readKeys(procedure, done), "calibrate-keys");
      keys.setDaemon(true);
      keys.start();
      done.await();
    } catch (PortOpenException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** Enter: finish the step early (positions, rolling); "q" + Enter: give up. */
  private static void readKeys(CalibrationProcedure procedure, CountDownLatch done) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line; (line = in.readLine()) != null; ) {
        synchronized (procedure) {
          if (line.trim().equalsIgnoreCase("q")) {
            procedure.end();
            done.countDown();
            return;
          }
          procedure.finishStep();
          if (procedure.state().status() != ProcedureState.Status.RUNNING) done.countDown();
        }
      }
    } catch (IOException e) {
      // No terminal: the steps still finish on their own.
    }
  }

  private int finish(CalibrationProcedure procedure, String deviceId, PrintStream stdout) {
    ProcedureState s = procedure.state();
    Path target = out;
    if (target == null && deviceId != null) target = defaultFile(deviceId);
    if (s.status() != ProcedureState.Status.COMPLETE) {
      String kept =
          target == null ? "nothing written" : target + (Files.exists(target) ? " left unchanged" : " not written");
      throw new UserInputException(
          String.format(
              Locale.ROOT,
              "calibration rejected at step %d (%s): %s; %s",
              s.stepNumber(),
              s.step().title(),
              s.message(),
              kept));
    }
    if (deviceId == null) {
      throw new UserInputException(
          "calibration succeeded but the device id is unknown (no HELLO, no # device= line): run again with --device ID or --out FILE");
    }
    if (!CalibrationFile.DEVICE_ID.matcher(deviceId).matches()) {
      throw new UserInputException("device id \"" + deviceId + "\" cannot name a file: use --device with letters, digits, '.', '-', '_'");
    }
    DeviceCalibration c = procedure.result().orElseThrow().withDeviceId(deviceId);
    try {
      if (Files.exists(target)) {
        try {
          c = DirectionLearning.carryOver(CalibrationFile.read(target), c);
        } catch (CalibrationFileException e) {
          // the old file is broken: nothing to carry over, it is backed up below as before
        }
      }
      Path backup = CalibrationFile.write(c, target);
      stdout.println();
      stdout.printf(
          Locale.ROOT,
          "Calibration of %s written to %s%s%n",
          deviceId,
          target,
          backup == null ? "" : " (previous one kept as " + backup.getFileName() + ")");
      stdout.printf(
          Locale.ROOT,
          "  roller diameter %.2f cm (%s), axis %.3f %.3f %.3f; accelerometer residual %.2f mg on %d positions%n",
          c.rollerDiameterCm(),
          c.diameterMethod(),
          c.rollAxis().getX(),
          c.rollAxis().getY(),
          c.rollAxis().getZ(),
          c.quality().accelResidualMg(),
          c.quality().poses());
      if (!c.knowsHeadDirection()) {
        stdout.println("  direction toward the head: not learned yet. Once, lying on the roller, run");
        stdout.println("    calibrate --direction " + (source.port != null ? "--port " + source.port : "--input FILE")
            + " --device " + deviceId);
        stdout.println("  (reviews say \"direction unknown\" until then)");
      } else {
        stdout.println("  direction toward the head: kept from the previous calibration");
      }
    } catch (IOException e) {
      throw new UserInputException(target + ": cannot write the calibration: " + e.getMessage(), e);
    }
    return 0;
  }

  /**
   * {@code --direction}: the device's existing calibration, corrected samples through the gesture, the
   * file rewritten with {@code roller.towardHead} (the previous one kept as .bak, as for a calibration).
   */
  private int learnDirection(PrintStream stdout) throws Exception {
    String id = device;
    if (id == null && source.input != null) id = CalibrationInput.play(source.input, new SampleSink() {
      @Override
      public void accept(ImuSample s) {}
    }).orElse(null);
    if (id == null && out == null) {
      throw new UserInputException("--direction: which roller? give --device ID (or --out FILE, the calibration to update)");
    }
    Path file = out;
    if (file == null) {
      file = defaultFile(id);
    }
    if (!Files.exists(file)) {
      throw new UserInputException(file + ": no calibration for this roller yet; the direction needs its roll axis: run calibrate first");
    }
    DeviceCalibration c;
    try {
      c = CalibrationFile.read(file);
    } catch (CalibrationFileException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    DirectionLearning learning = new DirectionLearning(c);
    stdout.println(com.rollercoach.core.calibration.HeadwardGesture.INSTRUCTION);
    if (source.input != null) {
      try {
        CalibrationInput.play(source.input, learning);
      } catch (IOException e) {
        throw new UserInputException(source.input + ": " + e.getMessage(), e);
      }
    } else {
      CountDownLatch done = new CountDownLatch(1);
      SampleSink sink = new SampleSink() {
        @Override
        public synchronized void accept(ImuSample s) {
          learning.accept(s);
          var st = learning.state().status();
          if (st == com.rollercoach.core.calibration.HeadwardGesture.Status.DONE
              || st == com.rollercoach.core.calibration.HeadwardGesture.Status.FAILED) done.countDown();
        }
      };
      LivePath path = new LivePath(
          (format, listener) -> AutoDetectingDecoder.withBuiltInFormats(listener), "auto", sink, new LiveObserver() {});
      SerialSource.Options options = SerialSource.Options.defaults().withBaud(baud)
          .withCommands(List.of(FrameEncoder.encode(0, Frame.Command.startStreaming())),
              FrameEncoder.encode(1, Frame.Command.requestHello()));
      try (SerialSource serial = new SerialSource(source.port, options, HostClock.startingNow(), path)) {
        serial.start();
        if (!done.await(120, java.util.concurrent.TimeUnit.SECONDS)) learning.end();
      } catch (PortOpenException e) {
        throw new UserInputException(e.getMessage(), e);
      }
    }
    var st = learning.state();
    if (st.status() != com.rollercoach.core.calibration.HeadwardGesture.Status.DONE) {
      String why = st.status() == com.rollercoach.core.calibration.HeadwardGesture.Status.FAILED ? st.message()
          : "no rolling seen";
      throw new UserInputException("direction not learned: " + why + "; " + file + " left unchanged");
    }
    Path backup = CalibrationFile.write(learning.result(), file);
    stdout.printf(Locale.ROOT, "Direction toward the head learned (%.0f° rolled); %s updated%s%n", st.turnedDeg(), file,
        backup == null ? "" : " (previous one kept as " + backup.getFileName() + ")");
    return 0;
  }

  private int simulate(PrintStream stdout) throws IOException {
    SyntheticCalibrationSession session =
        SyntheticCalibrationSession.builder(seed).randomErrors().distanceCm(distanceCm).build();
    String id = device != null ? device : "demo-roller-" + seed;
    SessionMetadata meta =
        new SessionMetadata(
            Map.of(
                SessionMetadata.DEVICE, id,
                SessionMetadata.SAMPLE_RATE_HZ, "100",
                "content", "synthetic calibration session (roller-coach calibrate --simulate-session)"));
    OutputFiles.prepare(true, "calibration-session.csv", source.simulate); // a folder: "is a folder; name a file in it"
    OutputFiles.writing(source.simulate, () -> {
      try (CsvSampleWriter w = CsvSampleWriter.create(source.simulate, meta)) {
        session.play(w);
      }
    });
    SyntheticCalibrationSession.Truth t = session.truth();
    Wrote.print(System.err, source.simulate, String.format(
        Locale.ROOT,
        "%.0f s, device %s, true roller diameter %.1f cm, true axis %.3f %.3f %.3f",
        session.durationS(),
        id,
        t.diameterCm(),
        t.rollAxis().getX(),
        t.rollAxis().getY(),
        t.rollAxis().getZ()));
    return 0;
  }

  /** Where a device's calibration lives unless --out says otherwise: the one data folder's. */
  private Path defaultFile(String deviceId) {
    return data.folder().calibrationDir().resolve(CalibrationFile.fileName(deviceId));
  }

  private static void positive(String option, double v) {
    if (!(v > 0) || Double.isInfinite(v)) throw new UserInputException(option + ": expected a positive length, got " + v);
  }

  private static String version() {
    String v = CalibrateCommand.class.getPackage().getImplementationVersion();
    return "roller-coach " + (v == null ? "0.1.0" : v);
  }
}
