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
    this(SimulationSpec.of(seed).withArchetype(Archetype.TYPICAL).withRateHz(RATE_HZ)
        .withMinDurationS(minDurationS), seed);
  }

  private SimulatedPerson(SimulationSpec spec, long seed) {
    this.seed = seed;
    this.session = SimulatedSession.create(spec);
  }

  /**
   * The demo device's person: on a USB board ({@link #DEMO_DEVICE}), the link the emulator speaks. A
   * drawn Bluetooth board's samples are stamped on arrival (bunched and spread by the radio), and the
   * emulator, which turns every longer interval into skipped sequence numbers, made the demo show
   * "frames lost: 2623" of 46 366 frames when none was lost.
   */
  static SimulatedPerson demo(long seed) {
    return new SimulatedPerson(SimulationSpec.of(seed).withArchetype(Archetype.TYPICAL).withRateHz(RATE_HZ)
        .withDevice(DEMO_DEVICE), seed);
  }

  /** A USB board that stamps samples on its own microsecond clock. */
  static final String DEMO_DEVICE = "icm20948-usb";

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
