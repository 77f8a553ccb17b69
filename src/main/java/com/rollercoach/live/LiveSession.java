package com.rollercoach.live;

import com.rollercoach.calibration.AppliedCalibration;
import com.rollercoach.calibration.CalibrationFileException;
import com.rollercoach.calibration.CalibrationResolver;
import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.coach.Prescription;
import com.rollercoach.core.coach.live.Cue;
import com.rollercoach.core.coach.live.LiveCueEngine;
import com.rollercoach.core.coach.live.StillMode;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.review.frame.BackFrame;
import com.rollercoach.review.frame.BackFrames;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.protocol.DeviceStatus;
import com.rollercoach.io.live.LiveObserver;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.io.DataFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One live session, the same for the terminal ({@code record}, {@code replay}) and the window: a
 * source pushes samples in; the session applies the device's calibration (as {@code analyze} does),
 * runs the {@link MotionPipeline} and the {@link LiveCueEngine}, watches the link, and tells its
 * {@link Listener} every event, cue and state. The terminal and the window only display what it says,
 * so one session gives the same cues in both.
 *
 * <p><b>Calibration by device.</b> The device names itself in its HELLO, which only comes over the
 * link after streaming has started, while the calibration (diameter, roll axis) must correct every
 * sample from the first. So the first samples are held back until the device is known or {@link
 * #HELLO_WAIT_S} of samples have come without one (an Arduino printing CSV never says HELLO: it runs
 * with an explicit file or calibrates itself from the data). Nothing is dropped: the held samples go
 * through the pipeline as soon as it exists. A replayed file's metadata names its device and roller
 * at once.
 *
 * <p><b>Threads.</b> One source thread feeds samples; a link watcher ({@link #checkSilence}) may run
 * on another: every entry point is synchronized (uncontended, it costs nanoseconds per sample).
 */
public final class LiveSession implements SampleSink {
  /**
   * Sample time to wait for a HELLO. A device answers the request within a round trip (milliseconds
   * over USB, tens over Bluetooth SPP); 1 s covers a slow link start, and delays the coaching only
   * while the patient is still getting onto the roller. At 1 kHz it is 1000 held samples.
   */
  public static final double HELLO_WAIT_S = 1.0;

  /** Connected and no sample for this long: the roller is off, asleep or sends nothing we can read. */
  public static final double NO_DATA_S = 3.0;

  /**
   * What a session is run with.
   *
   * @param prescription the patient's targets (never constants)
   * @param calibrationFile an explicit calibration ({@code --calibration FILE}), or null to look the
   *     device up
   * @param diameterCm a diameter the user typed for this run, or null; it beats the calibration's
   * @param metadata what the source knows before the first sample (a replayed file's roller and
   *     device; the patient)
   * @param calibrations where device calibrations are found (the data folder's {@code calibration/})
   * @param metronome tick at the prescribed seconds per pass while rolling
   */
  public record Setup(
      Prescription prescription,
      Path calibrationFile,
      Double diameterCm,
      SessionMetadata metadata,
      CalibrationResolver calibrations,
      boolean metronome) {

    /** One bound for every command and the window: an impossible roller size is refused up front. */
    public Setup {
      double d = diameterCm != null ? diameterCm
          : metadata.number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM);
      if (!com.rollercoach.core.sample.SampleValidator.plausibleDiameterCm(d)) {
        throw new IllegalArgumentException(com.rollercoach.core.sample.SampleValidator.implausibleDiameter(d));
      }
    }

    public static Setup of(Prescription p, DataFolder data) {
      return new Setup(p, null, null, SessionMetadata.empty(), calibrations(data), false);
    }

    /** Calibrations: the data folder's {@code calibration/}, as for every command. */
    public static CalibrationResolver calibrations(DataFolder data) {
      return CalibrationResolver.of(data);
    }

    public Setup withMetadata(SessionMetadata m) {
      return new Setup(prescription, calibrationFile, diameterCm, m, calibrations, metronome);
    }

    public Setup withCalibration(Path file, Double diameter) {
      return new Setup(prescription, file, diameter, metadata, calibrations, metronome);
    }

    public Setup withMetronome(boolean on) {
      return new Setup(prescription, calibrationFile, diameterCm, metadata, calibrations, on);
    }
  }

  /** What a display hears; called on the thread that feeds the session (or the link watcher's). */
  public interface Listener {
    default void event(MotionEvent e) {}

    /** An event with the coach's view right after it (the pace of a pass just announced). */
    default void event(MotionEvent e, Coaching c) {
      event(e);
    }

    default void cue(Cue c) {}

    /** After every sample, with the pipeline's state and the coach's view of it. */
    default void state(LiveState s, Coaching c) {}

    /** A line of information (the calibration used) or a warning. */
    default void message(String text) {}
  }

  /**
   * The coach's view of the running session, for the phase line, the timer and the pace meter.
   *
   * @param lastPassSpeedCmS the latest pass's speed over rolling time only, NaN before the first
   */
  public record Coaching(StillMode stillMode, double stillSinceS, int breathsInHold, boolean holdDone,
      int rolls, double[] startingRangeCm, double lastPassSpeedCmS, BackFrame frame) {
    public Coaching(StillMode stillMode, double stillSinceS, int breathsInHold, boolean holdDone, int rolls,
        double[] startingRangeCm) {
      this(stillMode, stillSinceS, breathsInHold, holdDone, rolls, startingRangeCm, Double.NaN,
          BackFrame.unknownDirection(BackFrame.Landmark.ROLLING_START, 0));
    }

    /**
     * A pipeline position ({@code sCm}) on the back, as every screen writes it: whole cm from the
     * landmark known so far ({@link BackFrames}: where rolling started until the hold is found),
     * signed only when the direction toward the head is known.
     */
    public String position(double sCm) {
      return frame.position(frame.at(sCm));
    }
  }

  private final Setup setup;
  private final Listener listener;
  private final List<ImuSample> held = new ArrayList<>();
  private final List<Cue> cues = new ArrayList<>();
  private final AnalysisCollector tally = new AnalysisCollector();
  /** Where positions are measured from, by what is known so far (the one rule, {@link BackFrames}). */
  private BackFrame frame = BackFrame.unknownDirection(BackFrame.Landmark.ROLLING_START, 0);
  private org.apache.commons.math3.geometry.euclidean.threed.Vector3D headward;
  private Supplier<DeviceInfo> device = () -> null;
  private SampleSink sink;
  private MotionPipeline pipeline;
  private LiveCueEngine engine;
  private PipelineConfig config;
  private double firstS = Double.NaN;
  private double lastS = Double.NaN;
  private long samples;
  private boolean ended;

  // link watching, in wall-clock nanoseconds
  private long connectedAtNanos = -1;
  private long lastSampleNanos = -1;
  private boolean silent;
  private boolean linkLost;
  /** The link came up again after it was lost: from then on silence is "no data" again. */
  private boolean upSinceLost;

  public LiveSession(Setup setup, Listener listener) {
    this.setup = setup;
    this.listener = listener;
    if (setup.calibrationFile() != null) calibration(); // a bad file fails before the port opens
  }

  /** Where the device's HELLO will be known (the live path that decodes it). */
  public LiveSession deviceFrom(Supplier<DeviceInfo> d) {
    this.device = d;
    return this;
  }

  @Override
  public synchronized void accept(ImuSample s) {
    if (ended) return;
    lastSampleNanos = System.nanoTime();
    if (silent || linkLost) {
      silent = false;
      linkLost = false;
      cue(new Cue.Reconnected(s.tS()));
    }
    boolean waitingForHello = sink == null && setup.calibrationFile() == null && device.get() == null
        && setup.metadata().get(SessionMetadata.DEVICE) == null;
    if (waitingForHello && (held.isEmpty() || s.tS() - held.get(0).tS() < HELLO_WAIT_S)) {
      held.add(s);
      return;
    }
    pipeline().accept(s);
  }

  @Override
  public synchronized void gap(double fromS, double toS, String reason) {
    if (!ended) pipeline().gap(fromS, toS, reason);
  }

  /** Flushes the pipeline (the last stroke, a running still period) and says the summary cue. */
  @Override
  public synchronized void end() {
    if (ended) return;
    SampleSink p = pipeline();
    p.end();
    ended = true;
    if (samples == 0 && held.isEmpty()) {
      // nothing arrived: a summary ("0 rolls. Next time: more rolls…") would coach what never happened
      listener.message(noDataMessage);
      return;
    }
    engine.end(lastS, analysis()); // the spoken verdicts are analyze's
  }

  private String noDataMessage = "No data arrived from the sensor, so there is nothing to coach: is it switched on"
      + " and streaming, on this port and at this baud rate? (`roller-coach ports` lists what is attached)";

  /**
   * What to say at the end when no sample arrived at all, for a source that is not a serial port (a
   * phone has no port or baud rate to check).
   */
  public synchronized LiveSession noDataMessage(String text) {
    this.noDataMessage = text;
    return this;
  }

  /** The link is open (first connect or a reconnect): the no-data watch starts. */
  public synchronized void connected() {
    connectedAtNanos = System.nanoTime();
    upSinceLost = true;
  }

  /** The link dropped; the source is reconnecting. */
  public synchronized void linkLost(String reason) {
    if (ended || linkLost) return;
    linkLost = true;
    upSinceLost = false;
    // After the last sample (a replayed drop then gets the same time in every display).
    cue(new Cue.LinkLost(Double.isNaN(lastS) ? wallTime(System.nanoTime()) : lastS));
  }

  /**
   * Raises the no-data cue when the link is up but no sample has come for {@link #NO_DATA_S}; call
   * a few times a second from the thread that waits for the session (the source thread may be
   * blocked in a read).
   */
  public synchronized void checkSilence() {
    // A port reopened after a loss that still sends nothing (the roller switched off behind a
    // Bluetooth serial bridge that stays up) must not read as a green "Connected": once the link is
    // up again, silence is "no data" again. The "reconnected" cue still waits for a sample.
    if (ended || silent || (linkLost && !upSinceLost) || connectedAtNanos < 0) return;
    long now = System.nanoTime();
    long since = Math.max(connectedAtNanos, lastSampleNanos);
    double silentS = (now - since) / 1e9;
    if (silentS >= NO_DATA_S) {
      silent = true;
      cue(new Cue.NoData(wallTime(now), silentS));
    }
  }

  /**
   * The observer to give the live path: link changes reach this session (no-data watch, lost and
   * reconnected cues) and then {@code display}.
   */
  public LiveObserver observer(LiveObserver display) {
    LiveSession self = this;
    return new LiveObserver() {
      @Override
      public void deviceInfo(DeviceInfo info) {
        display.deviceInfo(info);
      }

      @Override
      public void status(DeviceStatus s) {
        display.status(s);
      }

      @Override
      public void linkUp(double hostTimeS, String detail) {
        self.connected();
        display.linkUp(hostTimeS, detail);
      }

      @Override
      public void linkDown(double hostTimeS, String reason) {
        self.linkLost(reason);
        display.linkDown(hostTimeS, reason);
      }

      @Override
      public void recordingFailed(java.io.IOException e) {
        display.recordingFailed(e);
      }

      @Override
      public void processingFailed(RuntimeException e) {
        display.processingFailed(e);
      }

      // the live path's warnings (bad samples, a silent phone sensor) reach the display too
      @Override
      public void warning(String text) {
        display.warning(text);
      }

      @Override
      public void samplesRejected(com.rollercoach.core.sample.SampleValidator.Reason reason, long count) {
        display.samplesRejected(reason, count);
      }
    };
  }

  /** Every cue so far, in order. */
  public synchronized List<Cue> cues() {
    return List.copyOf(cues);
  }

  public synchronized long samples() {
    return samples;
  }

  /** Session time of {@code atS}: seconds from the first sample (from connecting, before any). */
  public synchronized double sessionTime(double atS) {
    return Double.isNaN(firstS) ? atS : atS - firstS;
  }

  /** Seconds of samples received (0 when none). */
  public synchronized double durationS() {
    return Double.isNaN(firstS) ? 0 : lastS - firstS;
  }

  /** What the session found, for the summary (after {@link #end}). */
  public synchronized SessionAnalysis analysis() {
    double start = Double.isNaN(firstS) ? 0 : firstS;
    return tally.analysis(start, Double.isNaN(lastS) ? start : lastS);
  }

  /** Where this session's positions are measured from, by what is known so far ({@link BackFrames}). */
  public synchronized BackFrame frame() {
    return frame;
  }

  /** The pipeline configuration in use (after the first samples), else null. */
  public synchronized PipelineConfig config() {
    return config;
  }

  public Prescription prescription() {
    return setup.prescription();
  }

  /** Input time of a wall-clock moment: after the last sample by the time passed since it. */
  private double wallTime(long nanos) {
    if (lastSampleNanos >= 0 && !Double.isNaN(lastS)) return lastS + (nanos - lastSampleNanos) / 1e9;
    long from = connectedAtNanos >= 0 ? connectedAtNanos : nanos;
    return (nanos - from) / 1e9;
  }

  private SampleSink pipeline() {
    if (sink == null) {
      AppliedCalibration applied = calibration();
      PipelineConfig base = PipelineConfig.defaults().withRollerDiameterCm(setup.metadata()
          .number(SessionMetadata.ROLLER_DIAMETER_CM).orElse(PipelineConfig.DEFAULT_ROLLER_DIAMETER_CM));
      config = applied.config(base);
      headward = applied.calibration().map(c -> c.headwardRotation()).orElse(null);
      if (setup.diameterCm() != null) config = config.withRollerDiameterCm(setup.diameterCm());
      engine = new LiveCueEngine(setup.prescription(), config.rollingDiameterCm(), this::cue)
          .withMetronome(setup.metronome());
      pipeline = new MotionPipeline(config, this::event);
      SampleSink counted = new SampleSink() {
        @Override
        public void accept(ImuSample s) {
          if (samples++ == 0) firstS = s.tS();
          lastS = s.tS();
          pipeline.accept(s);
          LiveState st = pipeline.state();
          engine.onState(st);
          listener.state(st, coaching());
        }

        @Override
        public void gap(double fromS, double toS, String reason) {
          pipeline.gap(fromS, toS, reason);
        }

        @Override
        public void end() {
          pipeline.end();
        }
      };
      sink = applied.sink(counted);
      if (applied.calibration().isPresent()) listener.message("Using " + applied.describe());
      List<ImuSample> h = new ArrayList<>(held);
      held.clear();
      h.forEach(sink::accept);
    }
    return sink;
  }

  private Coaching coaching() {
    return new Coaching(engine.stillMode(), engine.stillSinceS(), engine.breathsInHold(), engine.holdDone(),
        engine.rolls(), engine.startingRangeCm(), engine.lastPassSpeedCmS(), frame);
  }

  /**
   * Pipeline events go to the summary tally and the display as they are. A still period running when
   * the session is stopped is the extension hold by the definitions (no pass followed it), whatever
   * the coach guessed while it ran (a tender spot, with rolls still to do): the summary says what
   * analyze, the report and the library say. (It used to say "tender spot" there, so `replay` and
   * `analyze` of one recording disagreed.)
   */
  private void event(MotionEvent e) {
    tally.onEvent(e);
    if (e instanceof MotionEvent.PassCompleted || e instanceof MotionEvent.PassWithdrawn
        || e instanceof MotionEvent.HoldFound) {
      frame = BackFrames.of(analysis(), pipeline.rollAxis(), headward);
    }
    engine.onEvent(e);
    listener.event(e, coaching());
  }

  private void cue(Cue c) {
    cues.add(c);
    listener.cue(c);
  }

  private AppliedCalibration calibration() {
    DeviceInfo d = device.get();
    String id = d != null && !d.deviceId().isEmpty() ? d.deviceId() : setup.metadata().get(SessionMetadata.DEVICE);
    try {
      return AppliedCalibration.resolve(setup.calibrationFile(), id, setup.calibrations());
    } catch (CalibrationFileException e) {
      if (sink == null && setup.calibrationFile() != null && samples == 0 && held.isEmpty()) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      // Mid-session: the recording goes on; the file can be fixed and the session replayed with it.
      listener.message("warning: " + e.getMessage() + "; self-calibrating from the data");
      return AppliedCalibration.none();
    }
  }
}
