package com.rollercoach.cli;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.analysis.Recordings;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.SessionReplay;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.library.SessionSummary;
import com.rollercoach.review.report.SessionExport;
import com.rollercoach.review.report.SessionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report SESSION}: one session as a self-contained HTML page, PNG charts, CSV or JSON. */
@Command(
    name = "report",
    description = "Write a session report (self-contained HTML with vector charts).",
    mixinStandardHelpOptions = true)
public final class ReportCommand implements Callable<Integer> {
  @Mixin SessionsCommand.DataDir data;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SESSION",
      description = "A session id from the library (or a unique prefix), or any session file or export folder analyze reads.")
  String session;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Output file (default: report.html; CSV/JSON go to stdout).")
  Path out;

  @Option(names = "--png", paramLabel = "DIR", description = "Also write the charts as PNG files here.")
  Path pngDir;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--csv", description = "Write the event table as CSV instead of HTML.")
    boolean csv;

    @Option(names = "--json", description = "Write the report data as JSON instead of HTML.")
    boolean json;
  }

  @Override
  public Integer call() {
    try {
      Path file = Path.of(session);
      SessionEntry entry;
      ReplayResult replay;
      // a path that exists is a file to report on, whatever its format (the opener decides); else an id
      if (Files.exists(file)) {
        replay = SessionReplay.replay(Recordings.open(file), PipelineConfig.defaults(), true);
        entry = adHocEntry(file, replay);
      } else {
        try (SessionLibrary lib = data.open()) {
          entry = lib.get(session);
          replay = lib.replay(entry);
        }
      }
      SessionReport report = new SessionReport(entry, replay, CoachingTargets.defaults());
      if (format.csv || format.json) {
        String text = format.csv ? SessionExport.eventsCsv(replay)
            : SessionExport.json(entry, replay, report.verdicts());
        if (out == null) {
          spec.commandLine().getOut().print(text);
          spec.commandLine().getOut().flush();
        } else {
          Files.writeString(out, text);
        }
      } else {
        Path target = out != null ? out : Path.of("report.html");
        report.write(target);
        spec.commandLine().getErr().println("wrote " + target);
      }
      if (pngDir != null) {
        for (Path p : report.writePngs(pngDir)) spec.commandLine().getErr().println("wrote " + p);
      }
      return 0;
    } catch (IOException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** A file reported without importing it: what its metadata says, no notes. */
  private static SessionEntry adHocEntry(Path file, ReplayResult r) throws IOException {
    var meta = r.metadata();
    String patient = meta.get("patient") != null ? meta.get("patient") : file.getFileName().toString();
    String device = meta.get("device") != null ? meta.get("device") : "";
    double d = meta.number("roller_diameter_cm").orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
    SessionSummary none = new SessionSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0, "");
    return new SessionEntry(file.getFileName().toString(), patient,
        SessionLibrary.startTime(meta).orElse(Files.getLastModifiedTime(file).toInstant()), device, "self-calibrating", d, file, none,
        SessionNotes.none());
  }
}
