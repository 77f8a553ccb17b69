package com.rollercoach.cli;

import com.rollercoach.gui.GuiLauncher;
import com.rollercoach.gui.GuiOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gui}: opens the live coaching window, on the start screen or straight into a session. */
@Command(
    name = "gui",
    description = "Open the live coaching window (also what double-clicking the jar does).",
    mixinStandardHelpOptions = true)
public final class GuiCommand implements Callable<Integer> {
  @Option(names = "--replay", paramLabel = "FILE",
      description = "Replay a recording (.rcrec) or CSV at once.")
  Path replay;

  @Option(names = "--speed", paramLabel = "1|2|4|max", defaultValue = "1",
      description = "Replay speed (default ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--demo", description = "Start the built-in demo device at once.")
  boolean demo;

  @Option(names = "--sample", description = "Replay the bundled sample at once (at --speed).")
  boolean sample;

  @Option(names = "--sample-duration", paramLabel = "SECONDS", hidden = true,
      description = "Make the bundled sample at least this long (memory benchmark).")
  double sampleDurationS;

  @Option(names = "--port", paramLabel = "PATH", description = "Connect to this serial port at once.")
  String port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data folder: settings, sessions, calibrations, profiles, patients (default: ~/.roller-coach)")
  Path dataDir;

  @Option(names = "--large-text", description = "Start in large-text mode.")
  boolean largeText;

  @Option(names = "--perf",
      description = "Print frame rate, frame time, CPU and heap to stderr once a second.")
  boolean perf;

  @Option(names = "--exit-after", paramLabel = "SECONDS",
      description = "Close after this many seconds (benchmarks, screenshots).")
  double exitAfterS;

  @Option(names = "--snapshot", paramLabel = "PNG",
      description = "With --exit-after: save a PNG of the window just before closing.")
  Path snapshot;

  @Override
  public Integer call() {
    if (replay != null && !Files.isReadable(replay)) {
      throw new UserInputException(replay + ": no such file, or not readable");
    }
    // the file is opened as `replay` opens it, before any window: a file that is no session is one
    // line and exit code 2 here too (the window opened, showed the error and exited 0)
    if (replay != null) LiveSupport.openSession(replay).close();
    if (snapshot != null && exitAfterS <= 0) {
      throw new UserInputException("--snapshot needs --exit-after SECONDS");
    }
    if (!GuiLauncher.displayAvailable()) {
      throw new UserInputException("gui: no display here (DISPLAY is not set); run it on a desktop, "
          + "or under Xvfb: xvfb-run -a java -jar roller-coach.jar gui");
    }
    return GuiLauncher.launch(new GuiOptions(Optional.ofNullable(replay), parseSpeed(speed), demo, sample, sampleDurationS,
        Optional.ofNullable(port), perf, exitAfterS, Optional.ofNullable(snapshot), largeText,
        Optional.ofNullable(dataDir)));
  }

  static double parseSpeed(String s) {
    if (s.equalsIgnoreCase("max")) {
      return 0;
    }
    try {
      double v = Double.parseDouble(s.endsWith("x") || s.endsWith("×") ? s.substring(0, s.length() - 1) : s);
      if (v > 0 && v <= 64) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new UserInputException("--speed: '" + s + "' is not 1, 2, 4 (any factor up to 64) or max");
  }
}
