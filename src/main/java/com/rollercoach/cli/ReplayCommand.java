package com.rollercoach.cli;

import com.rollercoach.io.live.EventJsonPrinter;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.io.DataFolder;
import com.rollercoach.io.SessionFile;
import com.rollercoach.live.LiveSession;
import com.rollercoach.io.live.Pacer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay FILE [--speed 1|4|max]}: a recording or CSV through exactly the live path (the
 * decoder for recordings, the pipeline, the terminal coach), with events printed as they happen.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay a recording or CSV through the live path, printing coaching events as they happen.")
public final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "A session: recording, CSV, sensor export (zip, folder or one of its files) or serial capture")
  Path file;

  @Option(names = "--speed", defaultValue = "1", paramLabel = "1|4|max",
      description = "Session seconds per second; 'max' = as fast as possible (default: ${DEFAULT-VALUE})")
  String speed;

  @Option(names = "--roller-diameter-cm", paramLabel = "D",
      description = "Roller diameter (default: the file's metadata, else 15 cm)")
  Double rollerDiameterCm;

  @Option(names = "--calibration", paramLabel = "FILE",
      description = "Device calibration to apply (default: calibration/<device>.json for the file's device, if any)")
  Path calibration;

  @Option(names = "--events-json",
      description = "Print every pipeline event as one JSON object per line (its own times and "
          + "emitted_at_s, the session time it was emitted) instead of the coach's lines")
  boolean eventsJson;

  @Option(names = "--cues", description = "Print only the cues the patient hears, with their session times")
  boolean cuesOnly;

  @Mixin SessionOptions session = new SessionOptions();

  @Override
  public Integer call() {
    double x = LiveSupport.parseSpeed(speed);
    // each is a whole stdout of its own: with both, the cues were silently not printed
    if (eventsJson && cuesOnly) {
      throw new UserInputException("--events-json prints every pipeline event, --cues only the cues: give one of them");
    }
    if (rollerDiameterCm != null) LiveSupport.diameter("--roller-diameter-cm", rollerDiameterCm); // says which option
    SessionFile file = LiveSupport.openSession(this.file);
    PrintStream out = System.out;
    DataFolder data = DataFolder.resolve(session.dataDir);
    Prescription prescription = session.prescription(data);
    // --events-json: stdout carries only the JSON lines, one per pipeline event as the session emits it
    PrintStream consoleOut = eventsJson ? new PrintStream(java.io.OutputStream.nullOutputStream()) : out;
    LiveConsole console = new LiveConsole(consoleOut, System.console() != null, prescription.targets(), cuesOnly);
    LiveSession.Listener listener = eventsJson ? withJson(console, new EventJsonPrinter(out)) : console;
    LiveSupport.pipelineConfig(rollerDiameterCm, file.metadata()); // checks the range, typed or recorded
    LiveSession.Setup setup = LiveSession.Setup.of(prescription, data).withMetadata(file.metadata())
        .withCalibration(calibration, rollerDiameterCm);
    LiveSession live;
    try {
      live = new LiveSession(setup, listener);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    Pacer pacer = Double.isInfinite(x) ? Pacer.asFastAsPossible() : Pacer.realTime(x);
    if (eventsJson) out = consoleOut;
    out.println("Replaying " + file.description() + (Double.isInfinite(x) ? " as fast as possible" : " at " + LiveSupport.speedLabel(x)));
    LiveSupport.play(file, () -> file.play(live, pacer, live.observer(console)));
    live.end();
    console.end();
    file.warnings().forEach(w -> Warnings.print(System.err, w));
    if (!cuesOnly) {
      out.println();
      out.println("Summary: " + console.countsLine());
      LiveConsole.positionLines(live.analysis(), live.frame()).forEach(out::println);
    }
    return 0;
  }

  /** The console, with every event also printed as JSON. */
  private static LiveSession.Listener withJson(LiveConsole console, EventJsonPrinter json) {
    return new LiveSession.Listener() {
      @Override
      public void event(com.rollercoach.core.detect.MotionEvent e) {
        json.onEvent(e);
        console.event(e);
      }

      @Override
      public void cue(com.rollercoach.core.coach.live.Cue c) {
        console.cue(c);
      }

      @Override
      public void state(com.rollercoach.core.detect.LiveState s, LiveSession.Coaching c) {
        console.state(s, c);
      }

      @Override
      public void message(String text) {
        console.message(text);
      }
    };
  }
}
