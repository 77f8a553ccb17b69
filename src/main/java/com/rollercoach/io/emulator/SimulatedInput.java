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

  /**
   * A simulated session on a roller of this nominal diameter. The wire protocol's HELLO carries no
   * diameter, so a host that is not told one assumes the default
   * ({@link com.rollercoach.core.PipelineConfig#DEFAULT_ROLLER_DIAMETER_CM}): {@code emulate} plays its
   * session on that roller, so {@code record}'s distances and pace come out right with no option.
   */
  public static SimulatedInput of(long seed, double rollerDiameterCm) {
    return new SimulatedInput(seed,
        SimulatedSession.create(SimulationSpec.of(seed).withRollerDiameterCm(rollerDiameterCm)));
  }

  @Override
  public String description() {
    var d = session.metadata().number(SessionMetadata.ROLLER_DIAMETER_CM);
    return "simulated session, seed " + seed
        + (d.isPresent() ? String.format(java.util.Locale.ROOT, ", roller %.0f cm", d.getAsDouble()) : "");
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
