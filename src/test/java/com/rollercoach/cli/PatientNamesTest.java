package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.rollercoach.review.library.SessionLibrary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientNamesTest {
  /**
   * {@code sessions list} and {@code progress} hold the library open: the spelling comes from that
   * library, not from opening the folder's library again (here {@code elsewhere} has none, and must
   * not get one).
   */
  @Test
  void spellsAPatientFromTheLibraryAlreadyOpenWithoutOpeningAnother(@TempDir Path open, @TempDir Path elsewhere)
      throws Exception {
    try (SessionLibrary lib = SessionLibrary.open(open)) {
      lib.importSession(Path.of("samples/typical-session.csv"),
          SessionLibrary.ImportOptions.defaults().withPatient("Ann"));
      assertEquals("Ann", PatientNames.asKnown(elsewhere, lib, "ann"));
      assertEquals("Bob", PatientNames.asKnown(elsewhere, lib, "Bob"));
      assertEquals(null, PatientNames.asKnown(elsewhere, lib, null));
    }
    assertFalse(SessionLibrary.existsIn(elsewhere), "a second library was opened");
    assertEquals("ann", PatientNames.asKnown(elsewhere, "ann"));
  }
}
