package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "export", description = "Convert a recording to CSV")
public final class ExportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach export: not implemented yet");
    return 3;
  }
}
