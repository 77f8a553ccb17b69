package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "replay", description = "Replay a recording or CSV through the live path")
public final class ReplayCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach replay: not implemented yet");
    return 3;
  }
}
