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

  /** {@code typed} as a patient of {@code root} spells it ("ann" → "Ann"), else {@code typed} itself. */
  static String asKnown(Path root, String typed) {
    if (typed == null) return null;
    String t = typed.strip();
    List<String> known = new ArrayList<>();
    try {
      known.addAll(Patients.open(root).names());
    } catch (PatientFileException | UncheckedIOException | IllegalArgumentException e) {
      // a damaged patient file is reported by the commands that read prescriptions
    }
    try {
      known.addAll(inLibrary(root));
    } catch (IOException e) {
      // an unreadable library is reported by the command that opens it next
    }
    if (known.contains(t)) return t;
    String folded = t.toLowerCase(Locale.ROOT);
    return known.stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(folded)).findFirst().orElse(typed);
  }
}
