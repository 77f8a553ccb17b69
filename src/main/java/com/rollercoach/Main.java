package com.rollercoach;

import com.rollercoach.cli.RollerCoachCommand;
import com.rollercoach.gui.GuiLauncher;
import picocli.CommandLine;

/**
 * Entry point of the shaded jar. Deliberately not a JavaFX {@code Application}: a shaded jar whose
 * Main-Class extends Application refuses to start on the class path, so the GUI is launched from here.
 * With no arguments and a display (double-clicking the jar) it opens the window; with no display it
 * prints the usage as any CLI would.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args.length == 0 && GuiLauncher.displayAvailable() ? new String[] {"gui"} : args);
    System.exit(checkedOutput(code, System.out, System.err, standardOutput()));
  }

  /**
   * The exit code once standard output is known to hold what was printed to it: a {@link PrintStream}
   * swallows write errors, so {@code analyze --json > /dev/full} (or onto a full disk) lost the JSON
   * and exited 0. A failed write to a file or device is an error that names it; to a pipe it is the
   * reader having gone ({@code | head}), which is no error, as for any Unix tool.
   *
   * @param where what standard output is ({@code /proc/self/fd/1}'s target: a path, "pipe:[…]"); null if unknown
   */
  static int checkedOutput(int code, java.io.PrintStream out, java.io.PrintStream err, String where) {
    if (!out.checkError()) return code;
    if (where != null && (where.startsWith("pipe:") || where.startsWith("socket:"))) return code;
    err.println("roller-coach: standard output" + (where == null ? "" : " (" + where + ")")
        + ": cannot write (a full disk?); what it printed is incomplete");
    return code == 0 ? 2 : code;
  }

  private static String standardOutput() {
    try {
      return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return null; // not Linux: said without the name
    }
  }

  /** Runs the CLI in-process and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // picocli's model of the command tree costs a cold JVM more than everything else --version
      // needs; the constant is inlined, so not even RollerCoachCommand is loaded.
      System.out.println(RollerCoachCommand.VERSION);
      return 0;
    }
    return RollerCoachCommand.commandLineFor(args).execute(args);
  }
}
