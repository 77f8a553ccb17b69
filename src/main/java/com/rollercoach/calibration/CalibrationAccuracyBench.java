package com.rollercoach.calibration;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.calibration.CalibrationPlan;
import com.rollercoach.core.calibration.CalibrationProcedure;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ImuCorrection;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.sim.SessionTruth;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import com.rollercoach.sim.bench.AccuracyBenchmark;
import com.rollercoach.sim.bench.AccuracyTally;
import com.rollercoach.sim.bench.Detections;
import com.rollercoach.sim.bench.SessionOutcome;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * The detection accuracy benchmark ({@code bench accuracy}'s sessions and scoring) with and without
 * calibration on miscalibrated sensors. The simulator's own parts are already slightly imperfect;
 * on top of that each session's sensor gets the errors of a cheap, uncalibrated part ({@link
 * SyntheticCalibrationSession.Builder#randomErrors()}: scale ±5 %, misalignment ±2°, offsets ±60 mg,
 * gyro bias ±3 °/s). Three runs per session:
 *
 * <ul>
 *   <li>reference: the simulator's sensor as it is, label diameter (what {@code bench accuracy} runs);
 *   <li>miscalibrated: with the added errors, self-calibrating, label diameter;
 *   <li>calibrated: with the added errors, corrected by the calibration the guided procedure found
 *       on a synthetic calibration session of the same part in the same mounting, in a roller whose
 *       distance roll was made under body load (so the calibration knows the loaded diameter).
 * </ul>
 *
 * The simulator's own errors are not known to the calibration (the simulator cannot perform a
 * calibration session), so the calibrated run corrects the added errors only.
 */
public final class CalibrationAccuracyBench {
  private CalibrationAccuracyBench() {}

  public static void run(int sessions, long seed, PrintStream out) {
    AccuracyTally reference = new AccuracyTally();
    AccuracyTally miscalibrated = new AccuracyTally();
    AccuracyTally calibrated = new AccuracyTally();
    int rejected = 0;
    for (int i = 0; i < sessions; i++) {
      SimulationSpec spec = AccuracyBenchmark.specFor(seed, i);
      SimulatedSession session = SimulatedSession.create(spec);
      SessionTruth truth = session.truth(false);
      String label = "--seed " + spec.seed() + " --profile " + truth.profile();
      PipelineConfig labelConfig =
          PipelineConfig.defaults().withRollerDiameterCm(session.nominalDiameterCm());
      reference.add(score(label, truth, session, ImuCorrection.identity(), AppliedCalibration.none(), labelConfig));

      ImuCorrection errors =
          SyntheticCalibrationSession.builder(spec.seed()).randomErrors().build().truth().correction();
      miscalibrated.add(score(label, truth, session, errors, AppliedCalibration.none(), labelConfig));

      DeviceCalibration cal = calibrate(spec.seed(), session, errors);
      if (cal == null) {
        rejected++;
        calibrated.add(score(label, truth, session, errors, AppliedCalibration.none(), labelConfig));
      } else {
        AppliedCalibration applied = AppliedCalibration.of(null, cal);
        calibrated.add(score(label, truth, session, errors, applied, applied.config(labelConfig)));
      }
    }
    out.printf(
        Locale.ROOT,
        "Detection accuracy on %d simulated sessions (seed %d), with and without calibration%n",
        sessions,
        seed);
    if (rejected > 0) out.printf(Locale.ROOT, "  (%d calibrations rejected: those sessions ran uncalibrated)%n", rejected);
    out.printf(Locale.ROOT, "  %-30s %14s %14s %14s   %s%n", "metric", "reference", "miscalibrated", "calibrated", "target");
    List<AccuracyTally.Metric> r = reference.metrics();
    List<AccuracyTally.Metric> m = miscalibrated.metrics();
    List<AccuracyTally.Metric> c = calibrated.metrics();
    for (int k = 0; k < r.size(); k++) {
      out.printf(
          Locale.ROOT,
          "  %-30s %14s %14s %14s   %s%n",
          r.get(k).name(),
          value(r.get(k)),
          value(m.get(k)),
          value(c.get(k)),
          r.get(k).target());
    }
  }

  private static String value(AccuracyTally.Metric m) {
    return m.known() ? String.format(Locale.ROOT, "%.3f %s", m.value(), m.unit()).trim() : "n/a";
  }

  /** The guided calibration of a part with {@code errors}, mounted as the session's sensor is. */
  private static DeviceCalibration calibrate(long seed, SimulatedSession session, ImuCorrection errors) {
    SyntheticCalibrationSession cal =
        SyntheticCalibrationSession.builder(seed)
            .errors(errors)
            .mounting(
                SyntheticCalibrationSession.mountingWithAxis(new Vector3D(session.mount().axisInSensor())))
            .diameterCm(2 * session.effectiveRadiusCm())
            .rateHz(session.device().rateHz())
            .build();
    CalibrationProcedure p =
        new CalibrationProcedure(
            CalibrationPlan.defaults("bench", "synthetic", "bench", Instant.EPOCH), st -> {});
    cal.play(forward(p));
    return p.result().orElse(null);
  }

  private static SessionOutcome score(
      String label,
      SessionTruth truth,
      SimulatedSession session,
      ImuCorrection errors,
      AppliedCalibration calibration,
      PipelineConfig config) {
    Detections detections = new Detections();
    MotionPipeline pipeline = new MotionPipeline(config, detections);
    SampleSink corrected = calibration.sink(pipeline);
    session.play(
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            corrected.accept(errors.unapply(s));
          }

          @Override
          public void gap(double fromS, double toS, String reason) {
            corrected.gap(fromS, toS, reason);
          }

          @Override
          public void end() {
            corrected.end();
          }
        });
    return SessionOutcome.compare(label, truth, detections);
  }

  private static SampleSink forward(CalibrationProcedure p) {
    return new SampleSink() {
      @Override
      public void accept(ImuSample s) {
        p.accept(s);
      }

      @Override
      public void end() {
        p.end();
      }
    };
  }
}
