package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "gui", description = "Open the live coaching window")
public final class GuiCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach gui: not implemented yet");
    return 3;
  }
}
