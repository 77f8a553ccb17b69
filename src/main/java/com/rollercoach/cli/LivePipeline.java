package com.rollercoach.cli;

import com.rollercoach.calibration.AppliedCalibration;
import com.rollercoach.calibration.CalibrationFileException;
import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The live pipeline of {@code record}, built once the device has said who it is rather than when the
 * port opens. Why: the device names itself in its HELLO, which only comes over the link after
 * recording has started, while the calibration (diameter, roll axis) is fixed when the pipeline is
 * constructed and must correct every sample from the first. {@code record} asks for HELLO as it
 * connects, but a device that streams from boot may have samples in flight before the answer, so the
 * first samples are held back until the HELLO is known or {@link #HELLO_WAIT_S} of samples have come
 * without one (an Arduino printing CSV never says HELLO: it runs with {@code --calibration FILE} or
 * calibrates itself from the data). Nothing is dropped: the held samples go through the pipeline as
 * soon as it exists.
 *
 * <p>Same thread rules as the pipeline: one thread feeds it.
 */
final class LivePipeline implements SampleSink {
  /**
   * Sample time to wait for a HELLO. A device answers the request within a round trip (milliseconds
   * over USB, tens over Bluetooth SPP); 1 s covers a slow link start, and delays the coaching only
   * while the patient is still getting onto the roller. At 1 kHz it is 1000 held samples.
   */
  static final double HELLO_WAIT_S = 1.0;

  private final Path explicit;
  private final Double diameterOption;
  private final SessionMetadata metadata;
  private final LiveConsole console;
  private final PrintStream out;
  private final List<ImuSample> held = new ArrayList<>();
  private Supplier<DeviceInfo> device = () -> null;
  private SampleSink sink;

  /**
   * @param explicit {@code --calibration FILE}, or null to look the device up
   * @param diameterOption {@code --roller-diameter-cm}, or null; when given it beats the calibration's
   */
  LivePipeline(Path explicit, Double diameterOption, SessionMetadata metadata, LiveConsole console, PrintStream out) {
    this.explicit = explicit;
    this.diameterOption = diameterOption;
    this.metadata = metadata;
    this.console = console;
    this.out = out;
    if (explicit != null) CalibrationOption.resolve(explicit, metadata); // a bad file fails before the port opens
  }

  /** Where the device's HELLO will be known (the live path that decodes it). */
  LivePipeline deviceFrom(Supplier<DeviceInfo> device) {
    this.device = device;
    return this;
  }

  @Override
  public void accept(ImuSample s) {
    boolean waitingForHello = sink == null && explicit == null && device.get() == null;
    if (waitingForHello && (held.isEmpty() || s.tS() - held.get(0).tS() < HELLO_WAIT_S)) {
      held.add(s);
      return;
    }
    pipeline().accept(s);
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    pipeline().gap(fromS, toS, reason);
  }

  @Override
  public void end() {
    pipeline().end();
  }

  private SampleSink pipeline() {
    if (sink == null) {
      AppliedCalibration applied = calibration();
      PipelineConfig config = applied.config(LiveSupport.pipelineConfig(diameterOption, metadata));
      if (diameterOption != null) config = config.withRollerDiameterCm(diameterOption);
      sink = applied.sink(console.around(new MotionPipeline(config, console)));
      if (applied.calibration().isPresent()) out.println("Using " + applied.describe());
      held.forEach(sink::accept);
      held.clear();
    }
    return sink;
  }

  private AppliedCalibration calibration() {
    DeviceInfo d = device.get();
    String id = d == null || d.deviceId().isEmpty() ? null : d.deviceId();
    try {
      return AppliedCalibration.resolve(explicit, id, CalibrationResolver.standard());
    } catch (CalibrationFileException e) {
      // Mid-session: the recording goes on; the file can be fixed and the session replayed with it.
      System.err.println("roller-coach: warning: " + e.getMessage() + "; self-calibrating from the data");
      return AppliedCalibration.none();
    }
  }
}
