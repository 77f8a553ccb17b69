package com.rollercoach.io.emulator;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;

/** A simulated session as emulator input: {@code emulate --seed N}, the GUI's demo device. */
public final class SimulatedInput implements EmulatorInput {
  private final long seed;
  private final SimulatedSession session;

  private SimulatedInput(long seed, SimulatedSession session) {
    this.seed = seed;
    this.session = session;
  }

  public static SimulatedInput of(long seed) {
    return new SimulatedInput(seed, SimulatedSession.create(SimulationSpec.of(seed)));
  }

  @Override
  public String description() {
    return "simulated session, seed " + seed;
  }

  @Override
  public SessionMetadata metadata() {
    return session.metadata();
  }

  @Override
  public void play(SampleSink sink) {
    session.play(sink);
  }
}
