package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "sessions", description = "The session library")
public final class SessionsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach sessions: not implemented yet");
    return 3;
  }
}
