package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "record", description = "Record a live session from the roller")
public final class RecordCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach record: not implemented yet");
    return 3;
  }
}
