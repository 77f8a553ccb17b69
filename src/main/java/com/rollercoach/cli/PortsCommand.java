package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "ports", description = "List candidate serial ports")
public final class PortsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach ports: not implemented yet");
    return 3;
  }
}
