package com.rollercoach.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code roller-coach} command; every capability is a subcommand in its own class. */
@Command(
    name = "roller-coach",
    mixinStandardHelpOptions = true,
    version = "roller-coach 0.1.0",
    description = "Coach for upper-back foam rolling with an IMU inside the roller.",
    subcommands = {
      AnalyzeCommand.class,
      SimulateCommand.class,
      BenchCommand.class,
      PortsCommand.class,
      RecordCommand.class,
      ReplayCommand.class,
      EmulateCommand.class,
      ExportCommand.class,
      CalibrateCommand.class,
      GuiCommand.class,
      SessionsCommand.class,
      ReportCommand.class,
      ProgressCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RollerCoachCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * The configured command line: errors raised by commands as {@link UserInputException} print as one
   * line ("roller-coach: FILE:LINE: reason") with exit code 2, never a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RollerCoachCommand());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (ex instanceof UserInputException) {
            cmd.getErr().println("roller-coach: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    return cl;
  }
}
