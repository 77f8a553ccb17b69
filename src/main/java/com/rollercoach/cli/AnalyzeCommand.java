package com.rollercoach.cli;

import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.frame.BackFrames;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.core.coach.SessionCoach;
import com.rollercoach.core.coach.SummaryText;
import com.rollercoach.core.coach.Verdict;
import com.rollercoach.io.AnalysisJson;
import com.rollercoach.io.InputFileException;
import com.rollercoach.io.SessionAnalyzer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code analyze FILE}: what the person did in a recorded session, for a person or as JSON. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze a recorded session: passes, rolls, tender spots, the extension hold and its breaths.",
      "Judged against the protocol. Times in --json are in the file's own t_s clock."
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = {
      "One session: a recording (.rcrec), a CSV, a sensor export (phyphox, Sensor Logger or x-IMU3: its zip, its folder, or its files, e.g. Accelerometer.csv Gyroscope.csv) or a serial capture. See docs/sensors.md."})
  List<Path> file;

  @Option(
      names = "--roller-diameter-cm",
      paramLabel = "D",
      description = "Roller diameter in cm as on its label; its flattening under a back is allowed for (default: the file's roller_diameter_cm, else 15)")
  Double rollerDiameterCm;

  @Option(names = "--json", description = "Print one JSON object instead of the readable summary")
  boolean json;

  @Option(
      names = "--calibration",
      paramLabel = "FILE",
      description = "Device calibration to apply (default: DATA/calibration/<device>.json for the file's # device=, if any)")
  Path calibration;

  @picocli.CommandLine.Mixin DataDirOption data = new DataDirOption();

  @Override
  public Integer call() {
    SessionAnalyzer.Result result;
    if (rollerDiameterCm != null) LiveSupport.diameter("--roller-diameter-cm", rollerDiameterCm); // says which option
    try {
      OptionalDouble d = rollerDiameterCm == null ? OptionalDouble.empty() : OptionalDouble.of(rollerDiameterCm);
      result = SessionAnalyzer.analyze(file, d, null, CalibrationOption.setup(calibration, data.folder(), rollerDiameterCm != null));
    } catch (InputFileException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    List<Verdict> verdicts = new SessionCoach(CoachingTargets.defaults()).judge(result.analysis());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(AnalysisJson.write(AnalysisJson.toJson(result, verdicts)));
    } else {
      PrintWriter err = spec.commandLine().getErr();
      // what a capture or an export was read as (columns, units, timing), when it is more than the path
      if (!result.readAs().equals(result.file().toString())) err.println("read " + result.readAs());
      result.warnings().forEach(w -> Warnings.print(err, w));
      CalibrationOption.describe(calibration, data.folder(), result.metadata()).ifPresent(err::println);
      // A file has no patient: its verdicts are the protocol's. sessions show, the report and progress
      // judge the same session against its patient's prescription, and said "off target" where this
      // said "[ok]", with nothing to tell why.
      err.println("judged against the protocol's defaults ("
          + com.rollercoach.review.patients.PrescriptionText.of(com.rollercoach.core.coach.Prescription.protocolDefault())
          + "); against a patient's own prescription: sessions import FILE --patient NAME, then sessions show");
      // Positions on the back, as sessions show, the report and the window give them (the --json
      // contract keeps the pipeline's own s). A file alone does not say which way is the head.
      BackFrame frame = BackFrames.of(result.analysis(), null, null);
      SessionAnalysis onBack = frame.apply(result.analysis());
      out.print(SummaryText.render(onBack, new SessionCoach(CoachingTargets.defaults()).judge(onBack, false),
          result.rollerDiameterCm(), frame.directionKnown(), SessionsCommand.wrapped("  ", "  ", frame.describe())));
    }
    out.flush();
    return 0;
  }
}
