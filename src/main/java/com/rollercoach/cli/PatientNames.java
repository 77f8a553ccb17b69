package com.rollercoach.cli;

import com.rollercoach.review.library.SessionLibrary;
import com.rollercoach.review.patients.PatientFileException;
import com.rollercoach.review.patients.Patients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed patient name as the data folder already spells it. The patient store folds case ("ann" and
 * "Ann" are one file, one prescription) but the library did not: {@code sessions import --patient ann}
 * filed a second patient "ann" beside "Ann", judged by Ann's prescription yet missing from her list and
 * her progress page. Every command that takes {@code --patient} for the library goes through here.
 */
final class PatientNames {
  private PatientNames() {}

  /**
   * The patients {@code root}'s library holds sessions of, as the index names them ({@link
   * SessionLibrary#UNKNOWN_PATIENT} included); none when the folder holds no library, which is then
   * not created.
   */
  static List<String> inLibrary(Path root) throws IOException {
    if (!SessionLibrary.existsIn(root)) return List.of();
    try (SessionLibrary lib = SessionLibrary.open(root)) {
      return lib.patients();
    }
  }

  /**
   * {@code typed} as a patient of {@code root} spells it ("ann" → "Ann"), else {@code typed} itself;
   * for callers that have not opened the library (it is opened here, and only if it exists).
   */
  /** --patient "" filed a session under no name ("imported … (, 2026-12-08 …)"): refused in one line. */
  static void requireName(String typed) {
    if (typed.isBlank()) {
      throw new UserInputException("--patient: the name is empty; give the patient's name, or leave --patient out");
    }
  }

  static String asKnown(Path root, String typed) {
    if (typed == null) return null;
    requireName(typed);
    List<String> library;
    try {
      library = inLibrary(root);
    } catch (IOException e) {
      library = List.of(); // an unreadable library is reported by the command that opens it next
    }
    return spelledAs(root, library, typed);
  }

  /**
   * {@code typed} as {@code root}'s patients or the already open {@code lib} spell it, without
   * opening the library a second time ({@code sessions list} and {@code progress} did).
   */
  static String asKnown(Path root, SessionLibrary lib, String typed) {
    if (typed == null) return null;
    requireName(typed);
    List<String> library;
    try {
      library = lib.patients();
    } catch (IOException e) {
      library = List.of(); // reported by the command's next query of the same library
    }
    return spelledAs(root, library, typed);
  }

  private static String spelledAs(Path root, List<String> library, String typed) {
    String t = typed.strip();
    List<String> known = new ArrayList<>();
    try {
      known.addAll(Patients.open(root).names());
    } catch (PatientFileException | UncheckedIOException | IllegalArgumentException e) {
      // a damaged patient file is reported by the commands that read prescriptions
    }
    known.addAll(library);
    if (known.contains(t)) return t;
    String folded = t.toLowerCase(Locale.ROOT);
    return known.stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(folded)).findFirst().orElse(typed);
  }
}
