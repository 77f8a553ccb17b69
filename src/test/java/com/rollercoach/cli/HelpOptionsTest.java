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
