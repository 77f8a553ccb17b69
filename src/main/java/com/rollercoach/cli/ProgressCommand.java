package com.rollercoach.cli;

import com.rollercoach.core.coach.CoachingTargets;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.progress.Prescription;
import com.rollercoach.review.progress.ProgressAggregator;
import com.rollercoach.review.progress.ProgressData;
import com.rollercoach.review.progress.ProgressReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code progress}: a patient's sessions across weeks against the prescription, as one HTML page. */
@Command(
    name = "progress",
    description = "Write a progress report across weeks (self-contained HTML).",
    mixinStandardHelpOptions = true)
public final class ProgressCommand implements Callable<Integer> {
  @Mixin SessionsCommand.DataDir data;
  @Spec CommandSpec spec;

  @Option(names = "--patient", paramLabel = "NAME",
      description = "Patient or profile (default: the only one in the library, else all sessions).")
  String patient;

  @Option(names = "--weeks", paramLabel = "N", defaultValue = "8",
      description = "Weeks to show, ending with the current week (default: ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--until", paramLabel = "DATE", description = "Last day to show (default: today).")
  String until;

  @Option(names = "--per-week", paramLabel = "N",
      defaultValue = "" + Prescription.DEFAULT_SESSIONS_PER_WEEK,
      description = "Prescribed sessions per week (default: ${DEFAULT-VALUE}).")
  int perWeek;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "progress.html",
      description = "Output file (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    if (weeks < 1 || weeks > 520) throw new UserInputException("--weeks " + weeks + ": must be 1–520");
    if (perWeek < 1 || perWeek > 21) throw new UserInputException("--per-week " + perWeek + ": must be 1–21");
    ZoneId zone = ZoneId.systemDefault();
    LocalDate last = until == null ? LocalDate.now(zone) : day(until);
    try (SessionLibrary lib = data.open()) {
      String who = patient;
      if (who == null) {
        List<String> patients = lib.patients();
        if (patients.size() == 1) who = patients.get(0);
      } else if (!lib.patients().contains(who)) {
        throw new UserInputException("--patient " + who + ": no sessions for this patient in "
            + data.path() + " (patients: " + String.join(", ", lib.patients()) + ")");
      }
      var aggregator = new ProgressAggregator(new Prescription(perWeek), zone);
      var span = aggregator.span(last, weeks);
      List<SessionEntry> sessions =
          lib.list(SessionFilter.all().withPatient(who).between(span[0], span[1]));
      Map<String, List<double[]>> dwells = new HashMap<>();
      for (SessionEntry e : sessions) dwells.put(e.id(), lib.dwells(e.id()));
      ProgressData progress = aggregator.aggregate(who, sessions, dwells, last, weeks);
      new ProgressReport(progress, CoachingTargets.defaults(), zone).write(out);
      spec.commandLine().getErr().printf("wrote %s (%d sessions over %d weeks)%n", out,
          progress.sessions().size(), weeks);
      return 0;
    } catch (IOException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  private static LocalDate day(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new UserInputException("--until " + s + ": not a date, expected YYYY-MM-DD");
    }
  }
}
