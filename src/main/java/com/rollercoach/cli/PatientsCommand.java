package com.rollercoach.cli;

import com.rollercoach.core.coach.Prescription;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.patients.Dated;
import com.rollercoach.review.patients.PatientFileException;
import com.rollercoach.review.patients.Patients;
import com.rollercoach.review.patients.PrescriptionText;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code patients list|add|show|prescribe}: who the sessions belong to and what each was prescribed. */
@Command(
    name = "patients",
    description = "Patients and their prescriptions (kept with history in DATA/patients/).",
    mixinStandardHelpOptions = true,
    subcommands = {
      PatientsCommand.ListPatients.class,
      PatientsCommand.Add.class,
      PatientsCommand.Show.class,
      PatientsCommand.Prescribe.class
    })
public final class PatientsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code body}, turning a bad name or an unreadable patient file into a one-line error. */
  private static <T> T guarded(Callable<T> body) throws Exception {
    try {
      return body.call();
    } catch (IllegalArgumentException | PatientFileException | java.io.UncheckedIOException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }

  @Command(name = "list", description = "List the patients.", mixinStandardHelpOptions = true)
  static final class ListPatients implements Callable<Integer> {
    @Mixin SessionsCommand.DataDir data;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        Patients patients = Patients.open(data.path());
        PrintWriter out = spec.commandLine().getOut();
        LocalDate today = LocalDate.now();
        // the patients with a prescription, and those the library holds sessions of (imported or
        // recorded with --patient, never prescribed): `progress` knows them, so this list does too
        TreeSet<String> names =
            new TreeSet<>(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(n -> n));
        names.addAll(patients.names());
        Set<String> prescribed = Set.copyOf(names);
        // a name is one patient whatever its case: sessions of "Dan" are the prescribed "dan"'s
        Set<String> folded = new java.util.HashSet<>();
        for (String n : names) folded.add(n.toLowerCase(Locale.ROOT));
        for (String p : PatientNames.inLibrary(data.path())) {
          if (!p.equals(SessionLibrary.UNKNOWN_PATIENT) && folded.add(p.toLowerCase(Locale.ROOT))) names.add(p);
        }
        for (String n : names) {
          out.printf("%-24s %s%n", SessionsCommand.printable(n), prescribed.contains(n)
              ? describe(patients.prescriptionOn(n, today))
              : "protocol default (sessions only, no prescription: `patients prescribe`)");
        }
        out.printf("%d patient(s)%n", names.size());
        out.flush();
        return 0;
      });
    }
  }

  @Command(name = "add", description = "Add a patient (the protocol's prescription applies until you prescribe).",
      mixinStandardHelpOptions = true)
  static final class Add implements Callable<Integer> {
    @Mixin SessionsCommand.DataDir data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Letters, digits, spaces and . - _ ' (at most 64).")
    String name;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        name = PatientNames.asKnown(data.path(), name); // "ann" is the Ann already there
        Patients patients = Patients.open(data.path());
        boolean existed = patients.exists(name);
        patients.add(name);
        spec.commandLine().getOut().println((existed ? "Already a patient: " : "Added ") + name.strip());
        spec.commandLine().getOut().flush();
        return 0;
      });
    }
  }

  @Command(name = "show", description = "A patient's prescription in force and its history.",
      mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @Mixin SessionsCommand.DataDir data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> {
        name = PatientNames.asKnown(data.path(), name); // "dan" is the Dan the library holds sessions of
        Patients patients = Patients.open(data.path());
        // `patients list` names the patients the library holds sessions of too; show them as well
        // (with the protocol's defaults), not "no patient named" the one just listed
        if (!patients.exists(name) && !hasSessions(data, name.strip())) {
          throw new UserInputException("no patient named " + SessionsCommand.printable(name.strip())
              + " (patients add NAME)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(SessionsCommand.printable(name.strip()));
        out.println("  in force today: " + describe(patients.prescriptionOn(name, LocalDate.now())));
        List<Dated<Prescription>> h = patients.history(name);
        if (h.isEmpty()) out.println("  history: none (the protocol's defaults)");
        for (Dated<Prescription> d : h) out.println("  from " + d.from() + ": " + describe(d.value()));
        out.flush();
        return 0;
      });
    }
  }

  /** Whether the data folder's library holds sessions of {@code patient} (imported or recorded for them). */
  private static boolean hasSessions(SessionsCommand.DataDir data, String patient) throws java.io.IOException {
    return !patient.equals(SessionLibrary.UNKNOWN_PATIENT)
        && PatientNames.inLibrary(data.path()).contains(patient);
  }

  @Command(
      name = "prescribe",
      description = {
        "Set a patient's prescription from a day on (the patient is added if new).",
        "Options not given keep the values in force on that day; earlier prescriptions are kept, so older sessions are still judged by what was prescribed then."
      },
      mixinStandardHelpOptions = true)
  static final class Prescribe implements Callable<Integer> {
    @Mixin SessionsCommand.DataDir data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME") String name;

    @Option(names = "--rolls", paramLabel = "MIN-MAX", description = "Rolls per session, e.g. 10-20.")
    String rolls;

    @Option(names = "--seconds-per-pass", paramLabel = "MIN-MAX", description = "Seconds per pass, e.g. 2-4.")
    String secondsPerPass;

    @Option(names = "--tender-spot", paramLabel = "MIN-MAX", description = "Seconds on a tender spot, e.g. 60-120.")
    String tenderSpot;

    @Option(names = "--hold", paramLabel = "S", description = "Extension hold, seconds (e.g. 60).")
    String hold;

    @Option(names = "--per-week", paramLabel = "N", description = "Sessions per week (e.g. 3).")
    Integer perWeek;

    @Option(names = "--from", paramLabel = "DATE", description = "Takes effect on this day (YYYY-MM-DD, default today).")
    String from;

    @Override
    public Integer call() throws Exception {
      LocalDate day;
      try {
        day = from == null ? LocalDate.now() : LocalDate.parse(from);
      } catch (DateTimeParseException e) {
        throw new UserInputException("--from " + from + ": not a date, expected YYYY-MM-DD");
      }
      return guarded(() -> {
        // "dan" prescribes for the Dan the library holds sessions of: a second patient "dan" was added
        name = PatientNames.asKnown(data.path(), name);
        Patients patients = Patients.open(data.path());
        Prescription base = patients.prescriptionOn(name, day);
        double[] r = rolls == null ? new double[] {base.rollsMin(), base.rollsMax()} : range("--rolls", rolls);
        double[] s = secondsPerPass == null ? new double[] {base.secondsPerPassMin(), base.secondsPerPassMax()}
            : range("--seconds-per-pass", secondsPerPass);
        double[] t = tenderSpot == null ? new double[] {base.tenderSpotMinS(), base.tenderSpotMaxS()}
            : range("--tender-spot", tenderSpot);
        if (rolls != null && (r[0] != Math.rint(r[0]) || r[1] != Math.rint(r[1]))) {
          throw new UserInputException("--rolls " + rolls + ": whole numbers, e.g. 10-20");
        }
        // Refused values are echoed as typed ("--hold -5", not "-5.0")
        double holdS = hold == null ? base.holdS() : holdSeconds(hold);
        PatientPrescriptions.checkPerWeekOption(perWeek);
        Prescription p;
        try {
          p = new Prescription((int) r[0], (int) r[1], s[0], s[1], t[0], t[1],
              holdS, perWeek == null ? base.sessionsPerWeek() : perWeek);
        } catch (IllegalArgumentException e) {
          throw new UserInputException("prescription: " + e.getMessage());
        }
        // "the patient is added if new": say so, so that a misspelt name ("Anne" for "Ann") shows
        boolean known = patients.exists(name) || hasSessions(data, name.strip());
        patients.prescribe(name, p, day);
        if (!known) spec.commandLine().getOut().println("Added " + SessionsCommand.printable(name.strip()) + " (a new patient)");
        spec.commandLine().getOut().println("Prescribed for " + SessionsCommand.printable(name.strip())
            + " from " + day + ": " + describe(p));
        spec.commandLine().getOut().flush();
        return 0;
      });
    }

    /** --hold as typed: seconds, more than 0 and at most {@link Prescription#MAX_HOLD_S}. */
    private static double holdSeconds(String text) {
      double v;
      try {
        v = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        throw new UserInputException("--hold " + text + ": not a number of seconds, e.g. 60");
      }
      if (!(v > 0) || v > Prescription.MAX_HOLD_S) {
        throw new UserInputException("--hold " + text + ": must be more than 0 and at most "
            + Prescription.MAX_HOLD_S + " s");
      }
      return v;
    }

    /** "10-20" or "10–20" (or a single number for both ends). */
    private static double[] range(String option, String text) {
      String[] parts = text.strip().split("\\s*[-–]\\s*", -1);
      try {
        if (parts.length == 1) {
          double v = Double.parseDouble(parts[0]);
          return new double[] {v, v};
        }
        if (parts.length == 2) return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
      } catch (NumberFormatException e) {
        // fall through to the one-line error
      }
      throw new UserInputException(option + " " + text + ": expected MIN-MAX, e.g. 10-20");
    }
  }

  static String describe(Prescription p) {
    return PrescriptionText.of(p);
  }
}
