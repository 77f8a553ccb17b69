package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "progress", description = "Progress across weeks")
public final class ProgressCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach progress: not implemented yet");
    return 3;
  }
}
