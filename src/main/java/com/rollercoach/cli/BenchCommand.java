package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "bench", description = "Accuracy and speed benchmarks")
public final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach bench: not implemented yet");
    return 3;
  }
}
