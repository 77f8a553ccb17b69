package com.rollercoach.gui.source;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.io.emulator.DeviceLink;
import com.rollercoach.io.emulator.Emulator;
import com.rollercoach.io.emulator.EmulatorInput;
import com.rollercoach.io.live.Decoders;
import com.rollercoach.io.live.HostClock;
import com.rollercoach.io.live.LivePath;
import com.rollercoach.io.recording.RecordingHeader;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.function.Consumer;

/**
 * The built-in demo device: the {@link Emulator} playing a simulated session in the wire protocol,
 * in-process, into the same decoder and {@link LivePath} a serial port feeds. Anyone can try the app
 * with no hardware, and the demo exercises the real byte path (framing, CRC, device clock).
 */
public final class DemoDeviceSource implements SampleSource {
  /** 64 KiB between the device and the host: 4 s of 200 Hz frames, like a USB CDC buffer. */
  private static final int PIPE_BYTES = 1 << 16;

  private final EmulatorInput input;
  private final double speed;
  private volatile Emulator emulator;
  private volatile boolean stopped;

  public DemoDeviceSource(EmulatorInput input, double speed) {
    this.input = input;
    this.speed = speed;
  }

  @Override
  public String description() {
    return "demo device: " + input.description();
  }

  @Override
  public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
    PipedOutputStream deviceOut = new PipedOutputStream();
    PipedInputStream hostIn = new PipedInputStream(deviceOut, PIPE_BYTES);
    Emulator emu = new Emulator(input, DeviceLink.streams(null, deviceOut),
        Emulator.Options.defaults().withSpeed(speed));
    emulator = emu;
    if (stopped) {
      return;
    }
    Thread device = new Thread(() -> {
      try {
        emu.run();
      } catch (IOException e) {
        // the host side closed the pipe (Stop): nothing to report
      } finally {
        try {
          deviceOut.close();
        } catch (IOException ignored) {
          // closing a pipe end cannot fail in a way that matters here
        }
      }
    }, "roller-coach-demo-device");
    device.setDaemon(true);
    device.start();

    HostClock clock = HostClock.startingNow();
    LivePath path = new LivePath(Decoders.standard(), RecordingHeader.WIRE_FORMAT_AUTO, sink,
        SampleSource.warningsTo(sink));
    status.accept(new LinkStatus(LinkStatus.State.CONNECTED, description(), 0));
    byte[] buf = new byte[4096];
    long lost = 0;
    try (hostIn) {
      for (int n; (n = hostIn.read(buf)) >= 0; ) {
        path.bytes(buf, 0, n, clock.seconds());
        long nowLost = path.decoderStats().lostFrames();
        if (nowLost != lost) {
          lost = nowLost;
          status.accept(new LinkStatus(LinkStatus.State.CONNECTED, description(), lost));
        }
      }
    }
    path.finish();
    status.accept(new LinkStatus(LinkStatus.State.ENDED,
        stopped ? "stopped" : "demo session complete", path.decoderStats().lostFrames()));
  }

  @Override
  public void stop() {
    stopped = true;
    Emulator e = emulator;
    if (e != null) {
      e.stop();
    }
  }
}
