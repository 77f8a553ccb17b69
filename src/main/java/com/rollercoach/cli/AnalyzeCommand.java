package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "analyze", description = "Analyze a recorded session (CSV or recording)")
public final class AnalyzeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach analyze: not implemented yet");
    return 3;
  }
}
