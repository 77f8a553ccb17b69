package com.rollercoach.cli;

import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.patients.Patients;
import com.rollercoach.review.patients.PrescriptionText;
import com.rollercoach.review.report.FrameCache;
import com.rollercoach.review.report.LibraryChecks;
import com.rollercoach.review.report.ReviewSessions;
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
      description = "Prescribed sessions per week (default: the patient's prescription in force each week, "
          + "else " + Prescription.DEFAULT_SESSIONS_PER_WEEK + ").")
  Integer perWeek;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "progress.html",
      description = "Output file (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--force", description = "Overwrite the output file if it exists.")
  boolean force;

  @Override
  public Integer call() {
    if (weeks < 1 || weeks > 520) throw new UserInputException("--weeks " + weeks + ": must be 1–520");
    PatientPrescriptions.checkPerWeekOption(perWeek);
    OutputFiles.prepare(force, "progress.html", out);
    ZoneId zone = ZoneId.systemDefault();
    LocalDate last = until == null ? LocalDate.now(zone) : day(until);
    try (SessionLibrary lib = data.openExisting()) {
      String who = PatientNames.asKnown(data.path(), lib, patient);
      if (who == null) {
        List<String> patients = lib.patients();
        if (patients.size() == 1) who = patients.get(0);
        else if (patients.size() > 1) {
          // one page of several people, against one prescription: say so, not silently
          Warnings.print(spec.commandLine().getErr(), patients.size() + " patients (" + String.join(", ",
              patients.stream().limit(5).map(SessionsCommand::printable).toList())
              + (patients.size() > 5 ? ", …" : "") + "): this page mixes their sessions; give --patient NAME for one");
        }
      } else {
        SessionsCommand.requireSessionsOf(lib, who, data.path());
      }
      ReviewSessions reviews = new ReviewSessions(data.path());
      // the patient's dated prescriptions, read once: every week and chart looks up its own day in them
      List<com.rollercoach.review.patients.Dated<com.rollercoach.core.coach.Prescription>> rxHistory =
          who == null ? List.of() : reviews.patients().history(who);
      var rxNow = com.rollercoach.review.patients.Dated.inForce(rxHistory, last);
      com.rollercoach.core.coach.Prescription current =
          rxNow == null ? com.rollercoach.core.coach.Prescription.protocolDefault() : rxNow.value();
      // A week is judged by the prescription in force on its Sunday (a change mid-week counts for it);
      // a week that ended before the patient started (first session, or first prescription if
      // earlier) has nothing prescribed: it is not a missed week.
      LocalDate start = startOf(lib, who, rxHistory, zone);
      var aggregator = new ProgressAggregator(
          new Prescription(perWeek != null ? perWeek : current.sessionsPerWeek()),
          monday -> start == null || monday.plusDays(6).isBefore(start) ? 0
              : perWeek != null ? perWeek
              : Patients.inForce(rxHistory, monday.plusDays(6)).sessionsPerWeek(), zone);
      var span = aggregator.span(last, weeks);
      List<SessionEntry> sessions =
          lib.list(SessionFilter.all().withPatient(who).between(span[0], span[1]));
      FrameCache frames = new FrameCache(data.path(), reviews);
      // Checks met under the prescription in force on each session's date (the one judge, Checks).
      LibraryChecks judge = new LibraryChecks(reviews, data.path(), zone);
      Map<String, List<double[]>> dwells = new HashMap<>();
      Map<String, String> checks = new HashMap<>();
      int known = 0;
      int holds = 0;
      for (SessionEntry e : sessions) {
        BackFrame f = frames.frameOf(lib, e);
        if (f.directionKnown()) known++;
        if (f.landmark() == BackFrame.Landmark.EXTENSION_HOLD) holds++;
        // The index keeps dwells in the recording's own coordinates: put them on the back.
        dwells.put(e.id(), lib.dwells(e.id()).stream().map(d -> new double[] {d[0], d[1], f.at(d[2])}).toList());
        judge.of(lib, e).ifPresent(c -> checks.put(e.id(), c.fraction())); // "5/7", as sessions list shows it
      }
      ProgressData progress = aggregator.aggregate(who, sessions, dwells, last, weeks);
      String note = String.format(java.util.Locale.ROOT,
          "Positions are cm from each session's landmark: the extension-hold position in %d of %d sessions, "
              + "else where rolling started (roller under the shoulder blades); %s. Mid/upper back ≈ %+.0f to %+.0f cm.",
          holds, sessions.size(), known == sessions.size() ? "positive toward the head"
              : known == 0 ? "direction unknown (no \"roll toward your head\" gesture for the roller: calibrate --direction)"
              : "direction known in " + known + " of them, the others may be mirrored",
          BackFrame.BAND_LOW_CM, BackFrame.BAND_HIGH_CM);
      // each week's charts against the prescription in force then (the patient's dated history)
      java.util.function.Function<LocalDate, com.rollercoach.core.coach.CoachingTargets> targetsOn =
          day -> Patients.inForce(rxHistory, day).targets();
      ProgressReport page = new ProgressReport(progress, targetsOn, zone)
          .frameNote(note)
          .prescriptionLine("Prescribed" + (rxNow == null ? " (protocol default)" : " (since " + rxNow.from() + ")")
              + ": " + PrescriptionText.of(current))
          .checks(checks);
      OutputFiles.writing(out, () -> page.write(out));
      int n = progress.sessions().size();
      Wrote.print(spec.commandLine().getErr(), out, String.format(java.util.Locale.ROOT,
          "%d session%s over %d week%s", n, n == 1 ? "" : "s", weeks, weeks == 1 ? "" : "s"));
      return 0;
    } catch (IOException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  /**
   * The day the patient started: their first session in the library, or the first prescription if
   * that came earlier; null without either (all patients: the library's first session).
   */
  private static LocalDate startOf(SessionLibrary lib, String who,
      List<com.rollercoach.review.patients.Dated<com.rollercoach.core.coach.Prescription>> rxHistory, ZoneId zone)
      throws IOException {
    LocalDate start = lib.list(SessionFilter.all().withPatient(who)).stream()
        .map(e -> e.startedAt().atZone(zone).toLocalDate())
        .min(LocalDate::compareTo).orElse(null);
    for (var rx : rxHistory) {
      if (start == null || rx.from().isBefore(start)) start = rx.from();
    }
    return start;
  }

  private static LocalDate day(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new UserInputException("--until " + s + ": not a date, expected YYYY-MM-DD");
    }
  }
}
