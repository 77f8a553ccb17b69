package com.rollercoach.cli;

import com.rollercoach.core.coach.SpotText;
import com.rollercoach.review.analysis.Durations;
import com.rollercoach.review.analysis.Verdict;
import com.rollercoach.review.patients.PrescriptionText;
import com.rollercoach.review.report.Checks;
import com.rollercoach.review.report.LibraryChecks;
import com.rollercoach.review.library.LibraryBenchmark;
import com.rollercoach.review.library.ParallelReindex;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionFilter;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.library.SessionNotes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sessions list|show|import|delete|reindex|note|bench}: the physio's session library. */
@Command(
    name = "sessions",
    description = "The session library: recorded and imported sessions, indexed for review.",
    mixinStandardHelpOptions = true,
    subcommands = {
      SessionsCommand.ListSessions.class,
      SessionsCommand.Show.class,
      SessionsCommand.Import.class,
      SessionsExport.class,
      SessionsCommand.Delete.class,
      SessionsCommand.Reindex.class,
      SessionsCommand.Note.class,
      SessionsCommand.Bench.class
    })
public final class SessionsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code --data-dir}, shared by every command that reads the library. */
  public static final class DataDir {
    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "Data folder holding sessions/ and library.db (default: ~/.roller-coach).")
    Path dir;

    public Path path() {
      return dir != null ? SessionLibrary.rootOf(dir) : SessionLibrary.defaultRoot();
    }

    public SessionLibrary open() {
      if (dir != null && java.nio.file.Files.exists(path()) && !java.nio.file.Files.isDirectory(path())) {
        throw new UserInputException(missingMessage());
      }
      try {
        return SessionLibrary.open(path());
      } catch (IOException e) {
        throw new UserInputException(e.getMessage(), e);
      }
    }

    /**
     * The library for a command that reads or changes what is there (list, show, note, delete,
     * reindex, export, report, progress): a {@code --data-dir} that does not exist is a typo, refused in
     * one line, not a new empty library made there (one was, and the command listed 0 sessions).
     * {@code sessions import} and {@code record} still create a library where they are told.
     */
    public SessionLibrary openExisting() {
      requireExisting();
      return open();
    }

    /** @throws UserInputException when {@code --data-dir} names a folder that does not exist */
    public void requireExisting() {
      if (missing()) throw new UserInputException(missingMessage());
    }

    /** Whether {@code --data-dir} names a folder that does not exist (the default one may not yet). */
    boolean missing() {
      return dir != null && !java.nio.file.Files.isDirectory(path());
    }

    String missingMessage() {
      // a file given as the folder (a session CSV in the wrong place) is named as a file
      return dir + (java.nio.file.Files.exists(path()) ? ": is a file, not a folder" : ": no such folder")
          + " (--data-dir names the data folder holding library.db and sessions/)";
    }
  }

  /** Filters shared by {@code list} (and the progress report). */
  static final class Filters {
    @Option(names = "--patient", paramLabel = "NAME", description = "Only this patient or profile.")
    String patient;

    @Option(names = "--from", paramLabel = "DATE", description = "From this day on (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Up to and including this day.")
    String to;

    SessionFilter filter() {
      if (from != null && to != null && day(from, "--from").isAfter(day(to, "--to"))) {
        throw new UserInputException("--from " + from + " is after --to " + to + ": no day is in that range");
      }
      Instant f = from == null ? null : day(from, "--from").atStartOfDay(ZoneId.systemDefault()).toInstant();
      Instant t = to == null ? null
          : day(to, "--to").plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
      return SessionFilter.all().withPatient(patient).between(f, t);
    }

    private static LocalDate day(String s, String option) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new UserInputException(option + " " + s + ": not a date, expected YYYY-MM-DD");
      }
    }
  }

  /**
   * A {@code --patient} the library holds no session of is a typo more often than a question ("ann"
   * for "Ann"): one line naming the patients it has, for {@code sessions list} and {@code progress}
   * alike (the list said "0 session(s)" where progress named the patients).
   */
  static void requireSessionsOf(SessionLibrary lib, String patient, Path root) throws IOException {
    if (patient == null) return;
    List<String> known = lib.patients();
    if (known.contains(patient)) return;
    List<String> named = known.stream().filter(n -> !n.isBlank()).toList();
    throw new UserInputException("--patient " + printable(patient) + ": no sessions for this patient in " + root
        + (known.isEmpty() ? " (it has no sessions yet)"
            // sessions filed under no name: "(patients: )" said nothing
            : named.isEmpty() ? " (none of its sessions names a patient)"
            : " (patients: " + printable(String.join(", ", named)) + ")"));
  }

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  /** Terminal output must not let a hostile name move the cursor or clear the screen. */
  static String printable(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }

  @Command(name = "list", description = "List sessions, newest first.", mixinStandardHelpOptions = true)
  static final class ListSessions implements Callable<Integer> {
    @Mixin DataDir data;
    @Mixin Filters filters;
    @Spec CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sessions (default: all).")
    int limit;

    @Override
    public Integer call() throws IOException {
      if (limit < 0) throw new UserInputException("--limit " + limit + ": give a number of sessions, 1 or more (0: all)");
      try (SessionLibrary lib = data.openExisting()) {
        filters.patient = PatientNames.asKnown(data.path(), lib, filters.patient); // "ann" lists Ann's
        SessionFilter filter = filters.filter();
        requireSessionsOf(lib, filters.patient, data.path());
        List<SessionEntry> sessions = lib.list(filter.limitedTo(limit));
        // Checks are judged now, against each patient's prescription in force on the session's date.
        LibraryChecks checks = new LibraryChecks(data.path());
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-16s %-16s %5s %6s %6s %6s %6s %7s %6s%n", "ID", "DATE", "PATIENT",
            "ROLLS", "PACE", "RANGE", "SPOTS", "HOLD", "BREATHS", "CHECKS"); // SPOTS: tender spots, as show, report and progress call them
        for (SessionEntry e : sessions) {
          var s = e.summary();
          String met = checks.of(lib, e).map(Checks::fraction).orElse("–");
          // no hold is "–", as progress says "none": "0:00 0" read as a zero-second hold
          boolean held = s.holdS() > 0;
          // no pass, no pace or range: "0.0" read as a stand-still pace (progress leaves them empty)
          boolean rolled = s.passes() > 0;
          out.printf(Locale.ROOT, "%-24s %-16s %-16.16s %5d %6s %6s %6d %6s %7s %6s%s%n",
              e.id(), WHEN.format(e.startedAt()), printable(e.patient()), s.rolls(),
              rolled ? com.rollercoach.review.Measures.paceNumber(s.paceCmS()) : "–",
              rolled ? com.rollercoach.review.Measures.rangeNumber(s.rangeCm()) : "–", s.dwells(),
              held ? Durations.clock(s.holdS()) : "–",
              held ? String.valueOf(s.breaths()) : "–", met, pain(e.notes()));
        }
        // the columns' units, which the headings have no room for (a physio read PACE 2.0 as what?)
        out.printf("%d session(s)%s%n", sessions.size(), sessions.isEmpty() ? ""
            : "; PACE in cm/s while rolling, RANGE in cm, HOLD in m:ss");
        out.flush();
      }
      return 0;
    }
  }

  /** "  pain 6→3" for listings, empty when no pain was noted. */
  static String pain(SessionNotes n) {
    String p = painScores(n);
    return p.isEmpty() ? "" : "  pain " + p;
  }

  /** "6→3", "?→3", or empty when no pain was noted. */
  static String painScores(SessionNotes n) {
    if (n.painBefore().isEmpty() && n.painAfter().isEmpty()) return "";
    String b = n.painBefore().isPresent() ? String.valueOf(n.painBefore().getAsInt()) : "?";
    String a = n.painAfter().isPresent() ? String.valueOf(n.painAfter().getAsInt()) : "?";
    return b + "→" + a;
  }

  @Command(name = "show", description = "Show one session.", mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @Mixin DataDir data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SESSION", description = "Session id (or a unique prefix).")
    String id;

    @Override
    public Integer call() {
      try (SessionLibrary lib = data.openExisting()) {
        SessionEntry e = lib.get(id);
        var s = e.summary();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Session      %s%n", e.id());
        out.printf("Patient      %s%n", printable(e.patient()));
        out.printf("Date         %s%n", WHEN.format(e.startedAt()));
        out.printf("Device       %s%n", printable(e.device().isEmpty() ? "unknown" : e.device()));
        out.printf("Calibration  %s%n", printable(e.calibration()));
        out.printf(Locale.ROOT, "Roller       %.1f cm diameter%n", e.rollerDiameterCm());
        out.printf("Recording    %s%n", e.recording());
        out.printf("Duration     %s (on the roller %s)%n", Durations.clock(s.durationS()),
            Durations.clock(s.onRollerS()));
        if (s.passes() > 0) {
          out.printf(Locale.ROOT, "Rolling      %d rolls, %d passes, pace %s, range %s%n",
              s.rolls(), s.passes(), com.rollercoach.review.Measures.pace(s.paceCmS()),
              com.rollercoach.review.Measures.range(s.rangeCm()));
        } else {
          out.printf("Rolling      %d rolls, 0 passes, pace –, range –%n", s.rolls()); // not a 0.0 cm/s pace
        }
        LibraryChecks judge = new LibraryChecks(data.path());
        // tender spots in the frame the checks below use (cm from the hold, or from the start): the
        // pipeline's own s here beside the checks' frame read as two places for one spot. One
        // review serves both (without a stored analysis it replays the recording)
        var review = judge.reviewOf(lib, e);
        var frame = review.map(com.rollercoach.review.report.ReviewSession::frame);
        for (double[] d : lib.dwells(e.id())) {
          double at = frame.map(f -> f.at(d[2])).orElse(d[2]);
          boolean signed = frame.map(f -> f.directionKnown()).orElse(false);
          out.printf("Tender spot  %s, from %s%n", SpotText.where(at, signed, d[1] - d[0]), Durations.clock(d[0]));
        }
        frame.ifPresent(f -> out.print(labelled("Positions", f.describe().replaceFirst("^Positions ", ""))));
        if (s.holdS() > 0) {
          out.printf(Locale.ROOT, "Hold         %s, %d breaths%s%n", Durations.clock(s.holdS()),
              s.breaths(), Double.isNaN(s.breathsPerMin()) ? ""
                  : String.format(Locale.ROOT, " (%.1f /min)", s.breathsPerMin()));
        } else {
          out.println("Hold         none"); // not "0:00, 0 breaths": there was no hold (the checks say so)
        }
        out.printf(Locale.ROOT, "Data         %d gap(s), %.1f s missing%n", s.gaps(), s.gapS());
        com.rollercoach.review.patients.Dated<com.rollercoach.core.coach.Prescription> rx;
        try {
          rx = judge.prescriptionOf(e);
        } catch (com.rollercoach.review.patients.PatientFileException ex) {
          throw new UserInputException(ex.getMessage(), ex);
        }
        // wrapped to 80 columns like Positions: these two ran to ~110
        out.print(labelled("Prescribed", (rx == null ? "protocol default" : "since " + rx.from())
            + ": " + PrescriptionText.of(rx == null ? com.rollercoach.core.coach.Prescription.protocolDefault() : rx.value())));
        var checks = review.flatMap(LibraryChecks::checksOf);
        if (checks.isPresent()) {
          out.printf("Checks       %d of %d met%n", checks.get().met(), checks.get().judged());
          for (Verdict v : checks.get().verdicts()) {
            out.print(wrapped("  " + v.topic() + ": ", "    ", printable(v.oneLine())));
          }
        } else {
          out.printf("Checks       not available (the session's analysis and recording cannot be read)%n");
        }
        String pain = painScores(e.notes());
        out.printf("Pain         %s%n", pain.isEmpty() ? "not noted" : pain + " (0–10, before→after)");
        if (!e.notes().text().isEmpty()) out.printf("Note         %s%n", printable(e.notes().text()));
        out.flush();
      } catch (IOException ex) {
        throw new UserInputException(ex.getMessage(), ex);
      }
      return 0;
    }
  }

  /** The width {@code sessions show} wraps a long value to: fits an 80-column terminal. */
  static final int SHOW_WIDTH = 80;

  /**
   * {@code label} in a 13-column field, then {@code text} wrapped at spaces to {@link #SHOW_WIDTH}
   * columns, every continuation line indented under the first; a word longer than a line stays whole.
   */
  static String labelled(String label, String text) {
    return wrapped(String.format("%-13s", label), " ".repeat(13), text);
  }

  /** {@code text} after {@code lead}, its words wrapped at {@link #SHOW_WIDTH} columns under {@code indent}. */
  static String wrapped(String lead, String indent, String text) {
    StringBuilder out = new StringBuilder(lead);
    int col = out.length();
    boolean first = true;
    // an item of a " · " list ("rolls 10–20 · 2–4 s/pass · tender spots 60–120 s") stays on one
    // line, its separator ending the line, so "120" and its "s" are never split
    List<String> words = new ArrayList<>();
    String[] items = text.strip().split(" · ");
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip() + (i < items.length - 1 ? " ·" : "");
      if (items.length > 1 && indent.length() + item.length() <= SHOW_WIDTH) words.add(item);
      else words.addAll(List.of(item.split("\\s+")));
    }
    for (String word : words) {
      if (!first && col + 1 + word.length() > SHOW_WIDTH) {
        out.append(System.lineSeparator()).append(indent);
        col = indent.length();
        first = true;
      }
      if (!first) {
        out.append(' ');
        col++;
      }
      out.append(word);
      col += word.length();
      first = false;
    }
    return out.append(System.lineSeparator()).toString();
  }

  /** Pain and note options shared by {@code import} and {@code note}. */
  static final class NoteOptions {
    @Option(names = "--pain-before", paramLabel = "0-10", description = "Pain before (0–10).")
    Integer painBefore;

    @Option(names = "--pain-after", paramLabel = "0-10", description = "Pain after (0–10).")
    Integer painAfter;

    @Option(names = "--text", paramLabel = "TEXT", description = "Free-text note.")
    String text;

    void check() {
      checkPain(painBefore, "--pain-before");
      checkPain(painAfter, "--pain-after");
    }

    private static void checkPain(Integer p, String option) {
      if (p != null && (p < 0 || p > 10)) {
        throw new UserInputException(option + " " + p + ": pain is rated 0 (none) to 10 (worst)");
      }
    }
  }

  @Command(name = "import", description = "Copy sessions (any file or export folder analyze reads) into the library and analyse them.",
      mixinStandardHelpOptions = true)
  static final class Import implements Callable<Integer> {
    @Mixin DataDir data;
    @Mixin NoteOptions notes;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
        description = "Session files or export folders, one session each (recordings, CSV, phyphox/Sensor Logger/x-IMU3 exports, serial captures), or bundles written by `sessions export` (.zip).")
    List<Path> files;

    @Option(names = "--patient", paramLabel = "NAME", description = "Patient or profile name.")
    String patient;

    @Option(names = "--date", paramLabel = "ISO",
        description = "Start time (2026-11-25T09:30 or an ISO instant); default: file metadata or mtime.")
    String date;

    @Option(names = "--calibration", paramLabel = "NAME", description = "Calibration used.")
    String calibration;

    @Option(names = "--roller-diameter-cm", paramLabel = "D", description = "Roller diameter, cm.")
    Double diameter;

    @Option(names = "--threads", paramLabel = "N",
        description = "Files analysed at once (default: one per core).")
    int threads = ParallelReindex.defaultThreads();

    @Override
    public Integer call() {
      notes.check();
      var opts = new SessionLibrary.ImportOptions(
          Optional.ofNullable(PatientNames.asKnown(data.path(), patient)),
          Optional.ofNullable(date).map(Import::instant),
          Optional.ofNullable(calibration),
          Optional.ofNullable(diameter),
          SessionNotes.none().merge(notes.painBefore, notes.painAfter, notes.text));
      PrintWriter out = spec.commandLine().getOut();
      // What each argument came to, in argument order: an output line, or a problem (an exception).
      Object[] results = new Object[files.size()];
      try (SessionLibrary lib = data.open()) {
        List<Integer> sessions = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
          Path f = files.get(i);
          // A bundle from `sessions export` is known by its manifest, whatever the file is called;
          // bundles are few and touch the patients too, so they go one at a time.
          try {
            if (com.rollercoach.review.bundle.SessionBundle.isBundle(f)) {
              var r = com.rollercoach.review.bundle.SessionBundle.importBundle(f, lib,
                  com.rollercoach.review.patients.Patients.open(data.path()));
              results[i] = String.format(Locale.ROOT,
                  "imported bundle %s of %s: %d session(s) added, %d already here, %d prescription(s) added",
                  f, printable(r.patient()), r.added().size(), r.skipped().size(), r.prescriptionsAdded());
            } else {
              sessions.add(i);
            }
          } catch (IOException | RuntimeException ex) {
            results[i] = ex;
          }
        }
        List<Path> sessionFiles = sessions.stream().map(files::get).toList();
        try (ProgressBar bar = sessionFiles.size() < 2 ? null : progressBar("Importing", sessionFiles.size())) {
          // Session files are analysed in parallel, one per core; results print in argument order.
          List<Object> done = ParallelReindex.map(sessionFiles, threads, f -> {
            try {
              SessionEntry e = lib.importSession(f, opts);
              // the date it is filed under, seen at once: without --date or a date in the file it is
              // the file's modification time, which a copied file does not keep
              int rolls = e.summary().rolls();
              return String.format(Locale.ROOT, "imported %s as %s (%s, %s, %d roll%s)", f, e.id(),
                  printable(e.patient()), WHEN.format(e.startedAt()), rolls, rolls == 1 ? "" : "s");
            } catch (IOException | RuntimeException ex) {
              return ex;
            }
          }, (n, total, current) -> {
            if (bar != null) bar.stepTo(n);
          });
          for (int k = 0; k < sessions.size(); k++) results[sessions.get(k)] = done.get(k);
        }
      } catch (IOException | RuntimeException ex) {
        if (ex instanceof UserInputException u) throw u;
        throw new UserInputException(String.valueOf(ex.getMessage()), ex);
      }
      int failed = 0;
      for (int i = 0; i < results.length; i++) {
        if (results[i] instanceof String line) {
          out.println(line);
        } else {
          Exception ex = (Exception) results[i];
          // One file: its problem is the command's error, as before (issue 13).
          if (files.size() == 1) {
            if (ex instanceof UserInputException u) throw u;
            throw new UserInputException(String.valueOf(ex.getMessage()), ex);
          }
          // Several: each bad file is reported, named, and the batch goes on; exit 1.
          failed++;
          String m = String.valueOf(ex.getMessage());
          out.flush();
          spec.commandLine().getErr().println(
              "roller-coach: " + printable(m.contains(files.get(i).toString()) ? m : files.get(i) + ": " + m));
        }
      }
      out.flush();
      return failed == 0 ? 0 : 1;
    }

    private static Instant instant(String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        try {
          return java.time.LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e2) {
          throw new UserInputException("--date " + s + ": expected 2026-11-25T09:30 or an ISO instant");
        }
      }
    }
  }

  @Command(name = "delete",
      description = "Delete a session (its recording, analysis and notes). Takes the whole id.",
      mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {
    @Mixin DataDir data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SESSION") String id;

    @Override
    public Integer call() {
      try (SessionLibrary lib = data.openExisting()) {
        // every other command takes a unique prefix of the id; deleting cannot be undone, so the
        // session to delete is named in full, never found from a few typed characters
        SessionEntry found = lib.get(id);
        if (!found.id().equals(id)) {
          throw new UserInputException(
              "sessions delete " + id + ": give the whole id to delete a session ("
                  + found.id()
                  + (found.patient() == null || found.patient().isEmpty()
                      ? ""
                      : ", " + printable(found.patient()))
                  + ", " + WHEN.format(found.startedAt()) + "); nothing was deleted");
        }
        lib.delete(found); // the session just found, not looked up again
        spec.commandLine().getOut().printf("deleted %s%n", found.id());
        spec.commandLine().getOut().flush();
      } catch (IOException ex) {
        throw new UserInputException(ex.getMessage(), ex);
      }
      return 0;
    }
  }

  @Command(name = "note", description = "Set pain before/after (0–10) and a note on a session.",
      mixinStandardHelpOptions = true)
  static final class Note implements Callable<Integer> {
    @Mixin DataDir data;
    @Mixin NoteOptions notes;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SESSION") String id;

    @Override
    public Integer call() {
      notes.check();
      if (notes.painBefore == null && notes.painAfter == null && notes.text == null) {
        // it printed "ID: " and changed nothing
        throw new UserInputException("sessions note " + printable(id)
            + ": nothing to note: give --pain-before, --pain-after or --text (sessions show shows the notes)");
      }
      try (SessionLibrary lib = data.openExisting()) {
        SessionEntry e = lib.note(id, notes.painBefore, notes.painAfter, notes.text);
        String p = painScores(e.notes());
        String t = printable(e.notes().text());
        spec.commandLine().getOut().printf("%s: %s%n", e.id(),
            String.join(" · ", java.util.stream.Stream.of(p.isEmpty() ? "" : "pain " + p, t)
                .filter(x -> !x.isEmpty()).toList()));
        spec.commandLine().getOut().flush();
      } catch (IOException ex) {
        throw new UserInputException(ex.getMessage(), ex);
      }
      return 0;
    }
  }

  @Command(name = "reindex", description = "Rebuild the index from the files in sessions/.",
      mixinStandardHelpOptions = true)
  static final class Reindex implements Callable<Integer> {
    @Mixin DataDir data;
    @Spec CommandSpec spec;

    @Option(names = "--reanalyse", description = "Run the pipeline again even where an analysis is stored.")
    boolean reanalyse;

    @Option(names = "--threads", paramLabel = "N",
        description = "Recordings analysed at once (default: one per core).")
    int threads = ParallelReindex.defaultThreads();

    @Override
    public Integer call() {
      SessionLibrary.ReindexResult r;
      data.requireExisting();
      try (SessionLibrary lib = SessionLibrary.openForReindex(data.path());
          ProgressBar bar = progressBar("Reindexing", 1)) {
        lib.damagedIndexMovedTo().ifPresent(p -> Warnings.print(spec.commandLine().getErr(),
            "library.db was damaged; moved to " + p + " and rebuilt from the recordings"));
        r = lib.reindex(reanalyse, threads, (done, total, current) -> {
          if (bar == null) return;
          bar.maxHint(total);
          bar.stepTo(done);
        });
      } catch (IOException ex) {
        throw new UserInputException(ex.getMessage(), ex);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("indexed %d session(s), analysed %d, changed %d%n", r.indexed(), r.analysed(),
          r.changes().size());
      // what a detector update did, session by session (the first 20; the count says how many)
      r.changes().stream().limit(20).forEach(c -> out.printf("  %s%n", printable(c)));
      if (r.changes().size() > 20) out.printf("  ... and %d more%n", r.changes().size() - 20);
      if (!r.notListed().isEmpty()) {
        out.printf(Locale.ROOT, "kept %d recording(s) under %.0f s as files, not listed: %s%n",
            r.notListed().size(), SessionLibrary.MIN_SESSION_S,
            printable(String.join(", ", r.notListed().stream().limit(5).toList())
                + (r.notListed().size() > 5 ? ", ..." : "")));
      }
      for (String p : r.problems()) out.printf("skipped %s%n", printable(p));
      out.flush();
      return r.problems().isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "bench", description = "Generate a synthetic library and time list, filter and reindex.",
      mixinStandardHelpOptions = true)
  static final class Bench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10000",
        description = "Sessions to generate (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Where to build the library (default: a temporary folder, deleted after).")
    Path dir;

    @Override
    public Integer call() throws IOException {
      LibraryBenchmark.run(count, Optional.ofNullable(dir), spec.commandLine().getOut());
      return 0;
    }
  }

  /**
   * A progress bar on the terminal, or none when stderr is not one (a pipe or a log file would get
   * its escape codes and carriage returns).
   */
  static ProgressBar progressBar(String task, long max) {
    if (System.console() == null) return null;
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUpdateIntervalMillis(200).build();
  }
}
