package com.rollercoach.cli;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.review.analysis.Recordings;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.SessionReplay;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SessionNotes;
import com.rollercoach.review.library.SessionSummary;
import com.rollercoach.review.report.SessionExport;
import com.rollercoach.review.report.CompareReport;
import com.rollercoach.review.report.ReviewSession;
import com.rollercoach.review.report.ReviewSessions;
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
    description = {"Write a session report as HTML (prints on two pages) or PDF, or compare two sessions.",
      "Self-contained HTML with vector charts, as PDF with --pdf, side by side with --compare B. Judged against the patient's prescription in force on the session's date (patients prescribe); positions on the back (calibrate --direction)."},
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

  @Option(names = "--pdf", description = "Write the report as PDF (vector charts; default file report.pdf).")
  boolean pdf;

  @Option(names = "--compare", paramLabel = "SESSION",
      description = "Compare with this second session side by side (same back frame).")
  String compare;

  @Option(names = "--png", paramLabel = "DIR", description = "Also write the charts as PNG files here.")
  Path pngDir;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

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
    // --pdf with --csv or --json printed the CSV or JSON and said nothing of the PDF asked for
    if (pdf && (format.csv || format.json)) {
      throw new UserInputException("--pdf writes the report as PDF; --" + (format.csv ? "csv" : "json")
          + " writes its data instead: give one of them");
    }
    // Before any work: an existing file is refused in one line unless --force (OutputFiles, one rule).
    String name = (compare != null ? "compare" : "report")
        + (format.csv ? ".csv" : format.json ? ".json" : pdf ? ".pdf" : ".html");
    if (out != null) OutputFiles.prepare(force, name, out);
    else if (!format.csv && !format.json) OutputFiles.prepare(force, name, Path.of(name));
    // a file given as --png's folder failed after the report was written, as "roller-coach: FILE"
    if (pngDir != null && Files.exists(pngDir) && !Files.isDirectory(pngDir)) {
      throw new UserInputException(pngDir + ": not a folder (--png names a folder to write the chart images in)");
    }
    try {
      ReviewSessions reviews = new ReviewSessions(data.path());
      ReviewSession first = load(session, reviews);
      if (compare != null) {
        if (format.csv || format.json || pngDir != null) {
          throw new UserInputException("--compare writes an HTML or PDF page; --csv, --json and --png are for one session");
        }
        CompareReport c = new CompareReport(first, load(compare, reviews));
        Path target = out != null ? out : Path.of(name);
        OutputFiles.writing(target, () -> {
          if (pdf) c.writePdf(target);
          else c.write(target);
        });
        Wrote.print(spec.commandLine().getErr(), target, null);
        return 0;
      }
      SessionReport report = new SessionReport(first);
      ReplayResult replay = first.onBack();
      SessionEntry entry = first.entry();
      if (format.csv || format.json) {
        boolean directionKnown = first.frame().directionKnown();
        String text = format.csv ? SessionExport.eventsCsv(replay, directionKnown)
            : SessionExport.json(entry, replay, report.verdicts(), directionKnown);
        if (out == null) {
          spec.commandLine().getOut().print(text);
          spec.commandLine().getOut().flush();
        } else {
          OutputFiles.writing(out, () -> Files.writeString(out, text));
        }
      } else {
        Path target = out != null ? out : Path.of(name);
        OutputFiles.writing(target, () -> {
          if (pdf) report.writePdf(target);
          else report.write(target);
        });
        Wrote.print(spec.commandLine().getErr(), target, null);
      }
      if (pngDir != null) {
        for (Path p : report.writePngs(pngDir)) Wrote.print(spec.commandLine().getErr(), p, null);
      }
      return 0;
    } catch (IOException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /** A library session (id or prefix) or a recording file, in its review context. */
  private ReviewSession load(String which, ReviewSessions reviews) throws IOException {
    Path file = Path.of(which);
    // a path that exists is a file to report on, whatever its format (the opener decides); else an id
    if (Files.exists(file)) {
      ReplayResult replay = SessionReplay.replay(Recordings.open(file), PipelineConfig.defaults(), true);
      return reviews.of(adHocEntry(file, replay), replay);
    }
    // a name with a folder or an extension was meant as a file: say that, not "no session"
    boolean looksLikeFile = which.contains("/") || which.contains(java.io.File.separator)
        || file.getFileName().toString().contains(".");
    if (data.missing()) { // nothing to look an id up in, and no empty library made there
      throw new IOException(looksLikeFile ? which + ": no such file"
          : "no session " + which + ": " + data.missingMessage());
    }
    try (SessionLibrary lib = data.openExisting()) {
      SessionEntry entry;
      try {
        entry = lib.get(which);
      } catch (IOException notAnId) {
        if (!looksLikeFile) throw notAnId;
        throw new IOException(which + ": no such file (nor a session of that id in the library;"
            + " `roller-coach sessions list` shows them)", notAnId);
      }
      return reviews.of(entry, lib.replay(entry));
    }
  }

  /** A file reported without importing it: what its metadata says, no notes. */
  private static SessionEntry adHocEntry(Path file, ReplayResult r) throws IOException {
    var meta = r.metadata();
    String patient = meta.get("patient") != null ? meta.get("patient") : file.getFileName().toString();
    String device = meta.get("device") != null ? meta.get("device") : "";
    double d = meta.number("roller_diameter_cm").orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
    SessionSummary none = new SessionSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0);
    return new SessionEntry(file.getFileName().toString(), patient,
        SessionLibrary.startTime(meta).orElse(Files.getLastModifiedTime(file).toInstant()), device, "self-calibrating", d, file, none,
        SessionNotes.none());
  }
}
