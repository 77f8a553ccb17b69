package com.rollercoach.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code roller-coach} command; every capability is a subcommand in its own class. */
@Command(
    name = "roller-coach",
    mixinStandardHelpOptions = true,
    version = RollerCoachCommand.VERSION,
    description = "Coach for upper-back foam rolling with an IMU inside the roller.")
public final class RollerCoachCommand implements Runnable {
  /** What {@code --version} prints (a constant: {@code Main} answers it without building picocli). */
  public static final String VERSION = "roller-coach 0.1.0";

  /** Every subcommand, in the order the usage lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
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
          PatientsCommand.class,
          ReportCommand.class,
          ProgressCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The command line with every subcommand: for usage, help and tests. */
  public static CommandLine commandLine() {
    return build(SUBCOMMANDS);
  }

  /**
   * The command line for running {@code args}: when they name a subcommand, only that one is built.
   * picocli reflects over every registered command up front, which costs about half a second of a cold
   * JVM for all of them; {@code analyze} of a long file should not pay for the GUI's options.
   */
  public static CommandLine commandLineFor(String... args) {
    if (args.length == 0) return commandLine();
    List<Class<?>> named =
        SUBCOMMANDS.stream()
            .filter(c -> Arrays.asList(names(c)).contains(args[0]))
            .toList();
    return build(named.isEmpty() ? SUBCOMMANDS : named);
  }

  private static String[] names(Class<?> command) {
    Command c = command.getAnnotation(Command.class);
    String[] names = Arrays.copyOf(c.aliases(), c.aliases().length + 1);
    names[names.length - 1] = c.name();
    return names;
  }

  /**
   * Errors raised by commands as {@link UserInputException} print as one line ("roller-coach:
   * FILE:LINE: reason") with exit code 2, never a stack trace.
   */
  private static CommandLine build(List<Class<?>> subcommands) {
    CommandLine cl = new CommandLine(new RollerCoachCommand());
    for (Class<?> c : subcommands) cl.addSubcommand(c);
    cl.addSubcommand(new HelpCommand());
    withHelpOptions(cl);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (ex instanceof UserInputException) {
            cmd.getErr().println("roller-coach: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    // A wrong or missing option is one line naming the command and where its help is, not the whole
    // usage text (which scrolls the mistake off a small terminal).
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          String name = cmd.getCommandSpec().qualifiedName();
          String why = ex.getMessage().replace("is not a double", "is not a number")
              .replace("is not an int", "is not a whole number").replace("is not a long", "is not a whole number");
          // "Unmatched argument at index 0: 'anlyze'" means nothing to a newcomer: say it is not a
          // command and list the ones there are.
          if (ex instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
              && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            why = "'" + u.getUnmatched().get(0) + "' is not a command (commands: "
                + String.join(", ", cmd.getSubcommands().keySet()) + ")";
          }
          cmd.getErr().println(name + ": " + why + " (see '" + name + " --help')");
          return 2;
        });
    return cl;
  }

  /**
   * Every command and subcommand answers {@code --help}/{@code -h} (exit 0), even when its class
   * forgot {@code mixinStandardHelpOptions}: a new user's first try must never be "Unknown option";
   * and {@code --version}/{@code -V}, which its usage offers, with the version.
   */
  private static void withHelpOptions(CommandLine cl) {
    if (cl.getCommandSpec().findOption("--help") == null && cl.getCommandSpec().findOption("-h") == null) {
      cl.getCommandSpec().mixinStandardHelpOptions(true);
    }
    // The standard options include -V/--version on every subcommand; without a version of its own a
    // subcommand printed an empty line for it.
    if (cl.getCommandSpec().version().length == 0) cl.getCommandSpec().version(VERSION);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub != cl) withHelpOptions(sub);
    }
  }
}
