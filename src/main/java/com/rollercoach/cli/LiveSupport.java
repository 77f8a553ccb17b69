package com.rollercoach.cli;

import com.rollercoach.core.NumberText;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.SessionFiles;
import com.rollercoach.io.InputFileException;
import com.rollercoach.io.recording.RecordingFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** What the live commands (record, replay, emulate, export) share. */
final class LiveSupport {
  private LiveSupport() {}

  /** Roller diameter: the option, else the file's metadata, else the common 15 cm roller. */
  static PipelineConfig pipelineConfig(Double diameterOption, SessionMetadata metadata) {
    double d =
        diameterOption != null
            ? diameterOption
            : metadata.number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
    if (!com.rollercoach.core.sample.SampleValidator.plausibleDiameterCm(d)) {
      throw new UserInputException(com.rollercoach.core.sample.SampleValidator.implausibleDiameter(d));
    }
    return PipelineConfig.defaults().withRollerDiameterCm(d);
  }

  /**
   * A roller diameter typed for {@code option}, checked by the one rule every command and the window
   * use ({@link com.rollercoach.core.sample.SampleValidator#plausibleDiameterCm}); refused as one line
   * naming the option.
   */
  static double diameter(String option, double d) {
    if (!com.rollercoach.core.sample.SampleValidator.plausibleDiameterCm(d)) {
      throw new UserInputException(option + ": " + com.rollercoach.core.sample.SampleValidator.implausibleDiameter(d));
    }
    return d;
  }

  /** Opens any session file ({@link SessionFiles}), its refusal as the command's one-line message. */
  static SessionFile openSession(Path... files) {
    try {
      return SessionFiles.open(files);
    } catch (InputFileException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** Plays a session, turning read errors into one-line messages. */
  static void play(SessionFile file, IoAction action) {
    try {
      action.run();
    } catch (RecordingFormatException | InputFileException e) {
      throw new UserInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UserInputException(file.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A serial speed as given: {@code --baud 0} or {@code -9600} opened the port at a rate the driver
   * silently replaced, and the session ended "no data arrived… at this baud rate?".
   */
  static int baud(int baud) {
    if (baud <= 0) {
      throw new UserInputException("--baud " + baud + ": expected the serial speed the sensor sends at, e.g. 9600 or 115200");
    }
    return baud;
  }

  /** "1", "4", "0.5" or "max" (as fast as possible: +∞). */
  static double parseSpeed(String s) {
    if (s.equalsIgnoreCase("max")) return Double.POSITIVE_INFINITY;
    try {
      double v = Double.parseDouble(s.trim().toLowerCase(Locale.ROOT).replace("x", ""));
      if (v > 0 && Double.isFinite(v)) return v;
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new UserInputException("--speed: expected a positive number or 'max', got '" + s + "'");
  }

  /** A parsed speed as the window shows it: "4×", "0.5×" ("--speed 4x" printed "at x4x"). */
  static String speedLabel(double x) {
    return NumberText.plain(x) + "×";
  }

  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }
}
