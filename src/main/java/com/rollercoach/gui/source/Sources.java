package com.rollercoach.gui.source;

import com.rollercoach.io.serial.SerialPorts;
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

  /** The built-in demo device: a simulated roller, no hardware needed. */
  public static SampleSource demo() {
    throw new UnsupportedOperationException("the demo device (io/emulator) is not in this build yet");
  }

  /** The sample session bundled with the app, replayed at {@code speed}. */
  public static SampleSource bundledSample(double speed) {
    throw new UnsupportedOperationException("no bundled sample in this build yet");
  }
}
