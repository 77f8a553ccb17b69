package com.rollercoach.calibration;

import com.rollercoach.core.calibration.CalibrationProcedure;
import com.rollercoach.core.calibration.CalibrationStep;
import com.rollercoach.core.calibration.ProcedureState;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Renders a {@link CalibrationProcedure} in a terminal: the step heading and what to do when a step
 * starts, each piece of news on its own line, and (live) the step's progress every second.
 */
public final class TerminalCalibrationView implements CalibrationProcedure.ProcedureListener {
  private final PrintStream out;
  private final boolean live;
  private CalibrationStep shownStep;
  private String shownMessage = "";
  private double lastTickS = Double.NaN;
  private long lastPercent = -1;

  /** @param live print progress ticks and the keys the user can press */
  public TerminalCalibrationView(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  /** Shows the first step before any sample arrives. */
  public void start(ProcedureState first) {
    changed(first);
  }

  @Override
  public void changed(ProcedureState s) {
    if (!s.message().isEmpty() && !s.message().equals(shownMessage)) {
      String mark = s.status() == ProcedureState.Status.FAILED ? "✗" : "·";
      out.println("  " + mark + " " + s.message());
      shownMessage = s.message();
    }
    if (s.step() != shownStep && s.step() != CalibrationStep.DONE) {
      out.println();
      out.printf(Locale.ROOT, "Step %d of %d: %s%n", s.stepNumber(), s.stepCount(), s.step().title());
      out.println("  " + s.instruction());
      if (live && s.step() == CalibrationStep.POSES) {
        out.println("  (press Enter when you have done at least 6 positions and want to stop early)");
      }
      shownStep = s.step();
      lastPercent = -1;
    }
    out.flush();
  }

  /** Live only: called after each sample; prints the progress at most once per second of data. */
  public void tick(double tS, ProcedureState s) {
    if (!live || s.status() != ProcedureState.Status.RUNNING) return;
    if (!Double.isNaN(lastTickS) && tS - lastTickS < 1) return;
    lastTickS = tS;
    long percent = Math.round(100 * s.progress());
    if (percent != lastPercent) {
      out.printf(Locale.ROOT, "    %3d %%%n", percent);
      lastPercent = percent;
    }
  }
}
