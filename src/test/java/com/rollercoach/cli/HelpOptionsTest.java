package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every subcommand, nested ones included, answers {@code --help} with its usage and exit code 0. */
class HelpOptionsTest {
  @Test
  void everySubcommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(RollerCoachCommand.commandLine(), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 13, "found only " + paths);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(0, r.code(), String.join(" ", args) + " → " + r.err());
      assertTrue(r.out().contains("Usage:"), String.join(" ", args) + " printed no usage: " + r.out() + r.err());
    }
  }

  /**
   * Every command's usage offers {@code -V, --version}; each must print the version, not nothing
   * ({@code sessions list --version} printed an empty line and exited 0).
   */
  @Test
  void everySubcommandAnswersVersion() {
    List<List<String>> paths = new ArrayList<>();
    collect(RollerCoachCommand.commandLine(), new ArrayList<>(), paths);
    for (List<String> path : paths) {
      for (String flag : List.of("--version", "-V")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", args) + " → " + r.err());
        assertEquals(RollerCoachCommand.VERSION, r.out().strip(), String.join(" ", args));
      }
    }
  }

  /** {@code help sessions list} is {@code sessions list --help}, for every command path, nested ones too. */
  @Test
  void helpFollowedByACommandPathShowsThatCommandsUsage() {
    List<List<String>> paths = new ArrayList<>();
    collect(RollerCoachCommand.commandLine(), new ArrayList<>(), paths);
    assertTrue(paths.stream().anyMatch(p -> p.size() >= 2), "no nested command in " + paths);
    for (List<String> path : paths) {
      List<String> withHelp = new ArrayList<>(path);
      withHelp.add("--help");
      List<String> viaHelp = new ArrayList<>(List.of("help"));
      viaHelp.addAll(path);
      CliRun expected = CliRun.of(withHelp.toArray(String[]::new));
      CliRun actual = CliRun.of(viaHelp.toArray(String[]::new));
      assertEquals(0, actual.code(), String.join(" ", viaHelp) + " → " + actual.err());
      assertEquals(expected.out(), actual.out(), String.join(" ", viaHelp));
    }
  }

  /** Every command answers --version, help too (it printed the usage instead). */
  @Test
  void helpAnswersVersionAsEveryCommandDoes() {
    CliRun r = CliRun.of("help", "--version");
    assertEquals(0, r.code(), r.err());
    assertEquals(RollerCoachCommand.VERSION, r.out().strip());
  }

  @Test
  void helpOfACommandThatIsNotThereIsOneLine() {
    CliRun r = CliRun.of("help", "sessions", "lsit");
    assertEquals(2, r.code());
    assertEquals("roller-coach sessions: 'lsit' is not a command (commands: list, show, import, export, delete,"
        + " reindex, note, bench) (see 'roller-coach sessions --help')", r.err().strip());
    r = CliRun.of("help", "analyze", "now");
    assertEquals(2, r.code());
    assertEquals("roller-coach analyze: 'now' is not a command: roller-coach analyze has no subcommands"
        + " (see 'roller-coach analyze --help')", r.err().strip());
    assertTrue(r.out().isEmpty(), r.out());
  }

  /**
   * Every option's value is named as the rest are ({@code --seed=N}, {@code --out=FILE}), not by
   * picocli's default, the Java field ({@code --seed=<seed>}, {@code --diameter-cm=<diameterCm>}).
   */
  @Test
  void noOptionShowsItsJavaFieldNameAsItsValue() {
    List<String> fieldNamed = new ArrayList<>();
    List<CommandLine> all = new ArrayList<>();
    all.add(RollerCoachCommand.commandLine());
    for (int i = 0; i < all.size(); i++) {
      CommandLine cl = all.get(i);
      for (var e : cl.getSubcommands().entrySet()) {
        if (e.getValue() != cl && e.getKey().equals(e.getValue().getCommandName())) all.add(e.getValue());
      }
      for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
        if (o.arity().max() > 0 && !o.typeInfo().isBoolean() && o.paramLabel().startsWith("<")) {
          fieldNamed.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName() + "=" + o.paramLabel());
        }
      }
    }
    assertEquals(List.of(), fieldNamed);
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getValue() == cl || e.getKey().equals("help")) continue;
      if (!e.getKey().equals(e.getValue().getCommandName())) continue; // an alias
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      out.add(path);
      collect(e.getValue(), path, out);
    }
  }
}
