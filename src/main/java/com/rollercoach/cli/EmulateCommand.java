package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "emulate", description = "Emulate the roller on a serial port")
public final class EmulateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach emulate: not implemented yet");
    return 3;
  }
}
