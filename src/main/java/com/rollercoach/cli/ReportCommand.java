package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "report", description = "Write a session report")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach report: not implemented yet");
    return 3;
  }
}
