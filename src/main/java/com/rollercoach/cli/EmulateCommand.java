package com.rollercoach.cli;

import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.emulator.SerialDeviceLink;
import com.rollercoach.io.emulator.SimulatedInput;
import com.rollercoach.io.serial.PortOpenException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code emulate --port PATH [--input FILE | --seed N] [--speed X]}: a roller that is not there, for
 * demos and tests. Typical use with a socat pty pair:
 *
 * <pre>
 * socat pty,raw,echo=0,link=/tmp/ttyA pty,raw,echo=0,link=/tmp/ttyB &amp;
 * roller-coach emulate --port /tmp/ttyA --seed 7 &amp;
 * roller-coach record --port /tmp/ttyB
 * </pre>
 */
@Command(name = "emulate", description = "Emulate a roller on a serial port (wire protocol, real-time pace).")
public final class EmulateCommand implements Callable<Integer> {
  @Option(names = "--port", required = true, paramLabel = "PATH", description = "Serial port or pty to write to")
  String port;

  @ArgGroup(exclusive = true)
  Source source = new Source();

  static final class Source {
    @Option(names = "--input", paramLabel = "FILE", description = "A CSV or recording to play")
    Path input;

    @Option(names = "--seed", paramLabel = "N", description = "Play a simulated session (default: seed 1)")
    Long seed;
  }

  @Option(names = "--speed", defaultValue = "1", paramLabel = "X",
      description = "Session seconds per second, or 'max' (default: ${DEFAULT-VALUE})")
  String speed;

  @Option(names = "--baud", paramLabel = "BAUD", defaultValue = "115200", description = "Baud rate (default: ${DEFAULT-VALUE})")
  int baud;

  @Override
  public Integer call() {
    double x = LiveSupport.parseSpeed(speed);
    LiveSupport.baud(baud);
    EmulatorInput input =
        source.input != null
            ? LiveSupport.openSession(source.input)
            : simulated(source.seed != null ? source.seed : 1L);
    SerialDeviceLink link;
    try {
      link = SerialDeviceLink.open(port, baud);
    } catch (PortOpenException e) {
      if (e.reason() == PortOpenException.Reason.NO_SUCH_PORT) {
        // the emulator is the roller: "is the roller plugged in?" sent its user looking for hardware
        throw new UserInputException("no such port " + port + ": the emulator writes to one end of a"
            + " pseudo-terminal pair, e.g. `socat pty,raw,echo=0,link=/tmp/ttyA pty,raw,echo=0,link=/tmp/ttyB &`"
            + " then --port /tmp/ttyA (and record --port /tmp/ttyB)", e);
      }
      throw new UserInputException(e.getMessage(), e);
    }
    Emulator emulator = new Emulator(input, link, Emulator.Options.defaults().withSpeed(x));
    Thread hook = new Thread(emulator::stop, "emulate-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    System.out.println("Emulating a roller on " + port + ": " + input.description()
        + (Double.isInfinite(x) ? ", as fast as possible" : ", " + LiveSupport.speedLabel(x)) + " (Ctrl-C to stop)");
    try {
      emulator.run();
    } catch (IOException e) {
      throw new UserInputException(port + ": " + e.getMessage(), e);
    } finally {
      try {
        link.close();
      } catch (IOException ignored) {
        // closing a pty whose other end is gone
      }
    }
    // A stall whose samples came late in a burst (a file stamped on arrival) is not loss: the number
    // is what the input really lost, which record's "Link: … lost" should then say of this stream.
    System.out.println("Done: " + emulator.framesSent() + " frames sent, " + emulator.lostInInput()
        + " lost in the input (sent as missing sequence numbers), " + emulator.commandsAnswered()
        + " commands answered, " + link.framesDropped() + " frames dropped while the link was down");
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C
    }
    return 0;
  }

  /**
   * The simulated roller for {@code --seed}: the diameter {@code record} assumes when it is given none
   * (HELLO has no diameter field), so README's emulate + record gives true distances and pace.
   */
  static SimulatedInput simulated(long seed) {
    return SimulatedInput.of(seed, com.rollercoach.core.PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
  }
}
