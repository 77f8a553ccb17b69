package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped {@code --data-dir} on a command that reads the library is one line, and no empty library
 * is made there: {@code sessions list --data-dir /data/rollr} made /data/rollr/library.db and listed
 * "0 session(s)"; {@code progress} wrote an empty page. Import still makes a library where told.
 */
class DataDirTypoTest {
  @TempDir Path dir;

  @Test
  void readingCommandsRefuseAFolderThatIsNotThereAndCreateNothing() {
    Path typo = dir.resolve("rollr");
    String d = typo.toString();
    List<String[]> commands = List.of(
        new String[] {"sessions", "list", "--data-dir", d},
        new String[] {"sessions", "show", "2026", "--data-dir", d},
        new String[] {"sessions", "note", "2026", "--text", "x", "--data-dir", d},
        new String[] {"sessions", "delete", "2026", "--data-dir", d},
        new String[] {"sessions", "reindex", "--data-dir", d},
        new String[] {"sessions", "export", "--patient", "Ann", "--out", dir.resolve("a.zip").toString(), "--data-dir", d},
        new String[] {"progress", "--out", dir.resolve("p.html").toString(), "--data-dir", d});
    List<String> wrong = new ArrayList<>();
    for (String[] args : commands) {
      CliRun r = CliRun.of(args);
      String err = r.err().strip();
      if (r.code() != 2 || err.lines().count() != 1 || !err.contains(d + ": no such folder")) {
        wrong.add(String.join(" ", args) + " → " + r.code() + " " + err + r.out());
      }
    }
    assertEquals(List.of(), wrong);
    assertFalse(Files.exists(typo), "a library was made in the mistyped folder");
    assertFalse(Files.exists(dir.resolve("p.html")));

    CliRun imported = CliRun.of("sessions", "import", "samples/typical-session.csv", "--data-dir", d);
    assertEquals(0, imported.code(), imported.err());
    assertTrue(Files.exists(typo.resolve("library.db")));
    assertEquals(0, CliRun.of("sessions", "list", "--data-dir", d).code());
  }

  /**
   * A {@code --data-dir} that names a file (a session CSV given in the wrong place) says so: reading
   * commands said "no such folder" of a path that is there, and import "…/sessions: Not a directory".
   */
  @Test
  void aFileGivenAsTheDataFolderIsNamedAsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("session.csv"), "t_s,ax_g\n");
    String f = file.toString();
    for (String[] args : List.of(
        new String[] {"sessions", "list", "--data-dir", f},
        new String[] {"progress", "--out", dir.resolve("p.html").toString(), "--data-dir", f},
        new String[] {"sessions", "import", "samples/typical-session.csv", "--data-dir", f})) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", args) + " → " + r.err());
      assertEquals("roller-coach: " + f + ": is a file, not a folder (--data-dir names the data folder holding"
          + " library.db and sessions/)", r.err().strip(), String.join(" ", args));
    }
    assertEquals("t_s,ax_g\n", Files.readString(file));
  }
}
