package com.rollercoach.gui.source;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;

/**
 * A simulated person who follows the protocol (the simulator's typical archetype) with a 200 Hz
 * sensor: what the demo device and the bundled sample play.
 */
final class SimulatedPerson implements EmulatorInput {
  /** The rate the issue's speed targets are stated at. */
  static final double RATE_HZ = 200;

  private final long seed;
  private final SimulatedSession session;

  SimulatedPerson(long seed, double minDurationS) {
    this.seed = seed;
    this.session = SimulatedSession.create(SimulationSpec.of(seed).withArchetype(Archetype.TYPICAL)
        .withRateHz(RATE_HZ).withMinDurationS(minDurationS));
  }

  @Override
  public String description() {
    return "simulated person #" + seed;
  }

  @Override
  public SessionMetadata metadata() {
    return session.metadata();
  }

  @Override
  public void play(SampleSink sink) {
    // The simulator ends its sink itself; the live session ends the pipeline once, so hide that.
    session.play(new SampleSink() {
      @Override
      public void accept(com.rollercoach.core.sample.ImuSample s) {
        sink.accept(s);
      }

      @Override
      public void gap(double fromS, double toS, String reason) {
        sink.gap(fromS, toS, reason);
      }
    });
  }
}
