package com.rollercoach.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its issue lands: says so and exits non-zero. */
@Command(name = "calibrate", description = "Guided per-device calibration")
public final class CalibrateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("roller-coach calibrate: not implemented yet");
    return 3;
  }
}
