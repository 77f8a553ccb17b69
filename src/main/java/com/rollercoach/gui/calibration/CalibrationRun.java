package com.rollercoach.gui.calibration;

import com.rollercoach.core.calibration.CalibrationPlan;
import com.rollercoach.core.calibration.CalibrationProcedure;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ProcedureState;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.SampleSource;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One guided calibration: a source feeding a {@link CalibrationProcedure} on the source's thread.
 * The procedure is single-threaded, so the wizard's buttons ({@link #finishStep}, {@link #retryStep})
 * are queued and run on that thread before the next sample; the wizard reads the latest {@link
 * ProcedureState} and link status, published atomically.
 */
public final class CalibrationRun {
  private final SampleSource source;
  private final CalibrationProcedure procedure;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final AtomicReference<ProcedureState> state = new AtomicReference<>();
  private final AtomicReference<LinkStatus> link;
  private volatile DeviceCalibration result;
  private volatile boolean ended;
  private Thread thread;

  public CalibrationRun(SampleSource source, CalibrationPlan plan) {
    this.source = source;
    this.procedure = new CalibrationProcedure(plan, state::set);
    this.state.set(procedure.state());
    this.link = new AtomicReference<>(LinkStatus.connecting(source.description()));
  }

  public void start() {
    thread = new Thread(this::run, "roller-coach-calibration");
    thread.setDaemon(true);
    thread.start();
  }

  /** The user says the step is done (the poses or axis step, once enough is in). */
  public void finishStep() {
    commands.add(procedure::finishStep);
  }

  /** The user wants to redo the current step (after a failure). */
  public void retryStep() {
    commands.add(procedure::retryStep);
  }

  public void cancel() {
    source.stop();
  }

  public ProcedureState state() {
    return state.get();
  }

  public LinkStatus link() {
    return link.get();
  }

  /** The accepted calibration once the procedure completed. */
  public Optional<DeviceCalibration> result() {
    return Optional.ofNullable(result);
  }

  /** The source has ended (its data ran out, it failed or was cancelled). */
  public boolean ended() {
    return ended;
  }

  void join(long millis) throws InterruptedException {
    if (thread != null) {
      thread.join(millis);
    }
  }

  private void run() {
    SampleSink sink = new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        drainCommands();
        procedure.accept(s);
        if (procedure.state().status() != ProcedureState.Status.RUNNING) {
          result = procedure.result().orElse(null);
        }
      }
    };
    try {
      source.run(sink, link::set);
    } catch (Exception e) {
      link.set(new LinkStatus(LinkStatus.State.FAILED, String.valueOf(e.getMessage()), 0));
    }
    drainCommands();
    procedure.end();
    state.set(procedure.state());
    result = procedure.result().orElse(null);
    ended = true;
  }

  private void drainCommands() {
    Runnable r;
    while ((r = commands.poll()) != null) {
      r.run();
    }
  }
}
