package com.rollercoach.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND [SUBCOMMAND...]]}: the usage of the command the path names, nested ones included
 * ({@code help sessions list} is {@code sessions list --help}). picocli's own {@code HelpCommand} looks up
 * only the first name and silently shows {@code sessions}' usage for {@code help sessions list}.
 */
@Command(
    name = "help",
    helpCommand = true,
    version = RollerCoachCommand.VERSION,
    description = "Show a command's usage, nested ones too (help sessions list).")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show usage help for the help command and exit.")
  private boolean helpRequested;

  // every command answers --version; without it here, "help --version" showed the usage
  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
  private boolean versionRequested;

  @Parameters(paramLabel = "COMMAND", arity = "0..*",
      description = "The command, and its subcommands, to show the usage of.")
  private List<String> path = new ArrayList<>();

  private CommandLine self;
  private ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = out;
  }

  @Override
  public Integer call() {
    CommandLine target = self.getParent();
    if (target == null) return CommandLine.ExitCode.OK;
    for (String name : path) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null && target.getSubcommands().isEmpty()) {
        throw new CommandLine.ParameterException(target, "'" + name + "' is not a command: "
            + target.getCommandSpec().qualifiedName() + " has no subcommands");
      }
      if (sub == null) {
        // The same one line as a mistyped command: "roller-coach sessions: 'lsit' is not a command (…)".
        throw new CommandLine.UnmatchedArgumentException(target, List.of(name));
      }
      target = sub;
    }
    target.usage(out, colors);
    return target.getCommandSpec().exitCodeOnUsageHelp();
  }
}
