package com.rollercoach.cli;

import com.rollercoach.review.bundle.SessionBundle;
import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.patients.Patients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sessions export}: a patient's sessions as one bundle to send to the physio. */
@Command(
    name = "export",
    description = {
      "Write a patient's sessions to one zip bundle for the physio.",
      "Recordings, notes, the prescription and a manifest with checksums. On the physio's machine, `sessions import FILE.zip` merges it without duplicates."
    },
    mixinStandardHelpOptions = true)
final class SessionsExport implements Callable<Integer> {
  @Mixin SessionsCommand.DataDir data;
  @Spec CommandSpec spec;

  @Option(names = "--patient", required = true, paramLabel = "NAME", description = "Whose sessions.")
  String patient;

  @Option(names = "--since", paramLabel = "DATE", description = "Only sessions from this day on (YYYY-MM-DD).")
  String since;

  @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The bundle to write.")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE.zip if it exists.")
  boolean force;

  @Override
  public Integer call() {
    LocalDate from;
    try {
      from = since == null ? null : LocalDate.parse(since);
    } catch (DateTimeParseException e) {
      throw new UserInputException("--since " + since + ": not a date, expected YYYY-MM-DD");
    }
    // the rule of every file a command writes (report, progress, export, simulate): a bundle the
    // physio already has is not silently replaced
    OutputFiles.prepare(force, "bundle.zip", out);
    Path root = data.path();
    try (SessionLibrary lib = data.openExisting()) {
      patient = PatientNames.asKnown(root, lib, patient); // "ann" exports Ann's sessions, as list lists them
      var r = SessionBundle.export(lib, Patients.open(root), patient, from, out);
      Wrote.print(spec.commandLine().getErr(), r.file(), r.sessions() + " session(s) of "
          + SessionsCommand.printable(patient));
    } catch (IOException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    return 0;
  }
}
