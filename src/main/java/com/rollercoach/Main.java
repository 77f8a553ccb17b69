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
    System.exit(run(args.length == 0 && GuiLauncher.displayAvailable() ? new String[] {"gui"} : args));
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
