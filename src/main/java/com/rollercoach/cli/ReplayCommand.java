package com.rollercoach.cli;

import com.rollercoach.calibration.AppliedCalibration;
import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.SessionFile;
import com.rollercoach.io.live.Pacer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code replay FILE [--speed 1|4|max]}: a recording or CSV through exactly the live path (the
 * decoder for recordings, the pipeline, the terminal coach), with events printed as they happen.
 */
@Command(
    name = "replay",
    description = "Replay a recording or CSV through the live path, printing coaching events as they happen")
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

  @Override
  public Integer call() {
    double x = LiveSupport.parseSpeed(speed);
    SessionFile session = LiveSupport.openSession(file);
    PrintStream out = System.out;
    PrintStream consoleOut = eventsJson ? new PrintStream(java.io.OutputStream.nullOutputStream()) : out;
    LiveConsole console = new LiveConsole(consoleOut, System.console() != null, CoachingTargets.defaults());
    AppliedCalibration applied = CalibrationOption.resolve(calibration, session.metadata());
    PipelineConfig config = applied.config(LiveSupport.pipelineConfig(rollerDiameterCm, session.metadata()));
    if (rollerDiameterCm != null) config = config.withRollerDiameterCm(rollerDiameterCm); // typed wins
    MotionPipeline pipeline =
        new MotionPipeline(config, eventsJson ? new com.rollercoach.io.live.EventJsonPrinter(out) : console);
    SampleSink sink = applied.sink(console.around(pipeline));
    Pacer pacer = Double.isInfinite(x) ? Pacer.asFastAsPossible() : Pacer.realTime(x);
    if (eventsJson) out = consoleOut; // stdout carries only the JSON lines
    out.println("Replaying " + session.description() + (Double.isInfinite(x) ? " as fast as possible" : " at x" + speed));
    if (applied.calibration().isPresent()) out.println("Using " + applied.describe());
    LiveSupport.play(session, () -> session.play(sink, pacer, console));
    sink.end();
    session.warnings().forEach(w -> System.err.println("roller-coach: warning: " + w));
    out.println();
    out.println("Summary: " + console.countsLine());
    return 0;
  }
}
