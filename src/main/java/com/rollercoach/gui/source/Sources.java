package com.rollercoach.gui.source;

import com.rollercoach.io.serial.SerialPorts;
import com.rollercoach.sim.Archetype;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.util.List;

/** The sources the start screen offers besides files. */
public final class Sources {
  private Sources() {}

  /** A serial port the picker can offer. */
  public record Port(String path, String description) {
    @Override
    public String toString() {
      return description.isBlank() ? path : path + " — " + description;
    }
  }

  /** Candidate serial ports, as the CLI's {@code ports} lists them. Slow: call off the FX thread. */
  public static List<Port> ports() {
    return SerialPorts.list().stream()
        .map(p -> new Port(p.path(), p.likelyRoller() ? p.description() + " (roller?)" : p.description()))
        .toList();
  }

  /** The serial source for {@code path}. */
  public static SampleSource serial(String path) {
    throw new UnsupportedOperationException("the serial source (io/serial) is not in this build yet");
  }

  /**
   * The bundled sample: a session by a person who follows the protocol, from the simulator at a fixed
   * seed, so the app carries no data file and the sample is the same on every machine.
   */
  static final long SAMPLE_SEED = 7;

  /** The demo device plays a fresh simulated person each time, drawn from the clock. */
  public static SampleSource demo() {
    long seed = System.currentTimeMillis() % 100_000;
    return simulated("demo device (simulated person #" + seed + ")", seed, 1);
  }

  /** The sample session bundled with the app, replayed at {@code speed}. */
  public static SampleSource bundledSample(double speed) {
    return simulated("bundled sample", SAMPLE_SEED, speed);
  }

  private static SampleSource simulated(String name, long seed, double speed) {
    SimulationSpec spec = SimulationSpec.of(seed).withArchetype(Archetype.TYPICAL).withRateHz(200);
    return new ReplaySource(name, sink -> SimulatedSession.create(spec).play(sink), speed, null);
  }
}
