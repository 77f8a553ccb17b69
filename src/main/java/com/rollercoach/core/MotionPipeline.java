package com.rollercoach.core;

import com.rollercoach.core.detect.LiveState;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import com.rollercoach.core.detect.SessionDetector;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SampleValidator;
import com.rollercoach.core.signal.RollSignal;

/**
 * The pure streaming core: IMU samples in, motion events out, one sample at a time, no I/O, no
 * threads. Live serial input, replays and batch {@code analyze} all feed this same class, so what the
 * patient heard live is what the report says.
 *
 * <p>Two stages: {@link RollSignal} (gyro bias, roll axis, roll angle with the accelerometer's drift
 * bound, shocks; resampled to a uniform grid) and {@link SessionDetector} (on/off the roller, passes,
 * still segments, dwell vs hold, breaths). Memory is fixed at construction: every buffer is a ring of
 * a few tens of seconds, whatever the session length.
 */
public final class MotionPipeline implements SampleSink {
  private final PipelineConfig config;
  private final MotionListener listener;
  private final SessionDetector detector;
  private final RollSignal signal;
  /**
   * Every path (live, replay, batch, GUI) ends here, so this is where the edge check is guaranteed:
   * a non-finite or runaway sample never reaches {@link RollSignal}. Sources that report bad samples
   * themselves ({@code LivePath}) run the same check earlier; a sample passes it twice at no cost.
   */
  private final SampleValidator edge;
  private long samples;
  /** End of the last gap the source reported itself, so the same gap is not reported twice. */
  private double sourceGapToS = Double.NaN;
  private boolean ended;

  public MotionPipeline(PipelineConfig config, MotionListener listener) {
    this.config = config;
    this.listener = listener;
    this.detector = new SessionDetector(listener);
    this.signal =
        new RollSignal(
            config.rollingDiameterCm(),
            config.rollAxis().orElse(null),
            new RollSignal.Listener() {
              @Override
              public void grid(
                  double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg,
                  double[] phiDeg, boolean shock) {
                detector.accept(tS, sCm, thetaDeg, rockingDeg, rollPhiDeg, phiDeg, shock);
              }

              @Override
              public void motorSwitched(double shockS) {
                detector.motorSwitched(shockS);
              }

              @Override
              public void motorLevel(double levelG) {
                detector.motorLevel(levelG);
              }

              @Override
              public void noiseReference(double pitchPhiDeg) {
                detector.noiseReference(pitchPhiDeg);
              }

              @Override
              public void gap(double fromS, double toS) {
                if (toS != sourceGapToS) {
                  listener.onEvent(new MotionEvent.DataGap(toS, fromS, toS, "no samples"));
                }
              }
            });
    this.edge =
        new SampleValidator(
            new SampleSink() {
              @Override
              public void accept(ImuSample sample) {
                samples++;
                signal.accept(sample);
              }

              @Override
              public void gap(double fromS, double toS, String reason) {
                sourceGapToS = toS;
                listener.onEvent(new MotionEvent.DataGap(toS, fromS, toS, reason));
              }
            });
  }

  @Override
  public void accept(ImuSample sample) {
    if (ended) throw new IllegalStateException("pipeline already ended");
    edge.accept(sample);
  }

  @Override
  public void gap(double fromS, double toS, String reason) {
    edge.gap(fromS, toS, reason);
  }

  /** The edge check's counts: samples refused before the signal stages, by reason. */
  public SampleValidator validator() {
    return edge;
  }

  @Override
  public void end() {
    if (ended) return;
    ended = true;
    signal.flush();
    detector.end();
  }

  /**
   * The state after the latest sample; cheap (one small record), safe to call after every sample.
   * Position and speed are those of the detector grid ({@value RollSignal#GRID_HZ} Hz).
   */
  public LiveState state() {
    return detector.state();
  }

  /** The roll axis in sensor coordinates (unit vector) once known, else null. */
  public double[] rollAxis() {
    return signal.rollAxis();
  }

  /** Samples accepted so far (refused ones not counted: see {@link #validator()}). */
  public long sampleCount() {
    return samples;
  }

  public PipelineConfig config() {
    return config;
  }

  MotionListener listener() {
    return listener;
  }
}
