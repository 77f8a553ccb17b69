package com.rollercoach.calibration;

import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.calibration.CalibrationPlan;
import com.rollercoach.core.calibration.CalibrationProcedure;
import com.rollercoach.core.calibration.DeviceCalibration;
import com.rollercoach.core.calibration.ImuCorrection;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * What calibration buys, measured ({@code calibrate --bench}). Each simulated sensor is a cheap MEMS
 * part with the errors {@link SyntheticCalibrationSession.Builder#randomErrors()} draws (scale ±5 %,
 * misalignment ±2°, offsets ±60 mg, gyro bias ±3 °/s) mounted in any orientation in a foam roller
 * whose loaded diameter (13.5–15.5 cm) differs from the 15 cm printed on the label. For each one:
 *
 * <ol>
 *   <li>the guided calibration runs on a synthetic calibration session of that sensor, and the
 *       recovered parameters are compared with the truth;
 *   <li>a test session (rolling back and forth, then one roll over exactly 100 cm) goes through the
 *       {@link MotionPipeline} twice: as today without calibration (self-calibrating, 15 cm label
 *       diameter) and with the calibration applied ({@link AppliedCalibration}); the error is the
 *       pipeline's change of position across the measured roll minus 100 cm.
 * </ol>
 */
public final class CalibrationBench {
  static final double DISTANCE_CM = 100;
  static final double LABEL_DIAMETER_CM = 15;

  private CalibrationBench() {}

  /** One sensor's outcome. */
  record Outcome(
      boolean calibrated,
      String reason,
      double offsetErrMg,
      double scaleErrPct,
      double gyroScaleErrPct,
      double axisErrDeg,
      double diameterErrPct,
      double rawErrCm,
      double rawKnownDiameterErrCm,
      double calibratedErrCm) {}

  public static void run(int sensors, long seed, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "Calibration benchmark: %d simulated miscalibrated sensors (seed %d), known distance %.0f cm%n",
        sensors,
        seed,
        DISTANCE_CM);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < sensors; i++) outcomes.add(runOne(seed * 1000 + i));
    report(outcomes, out);
  }

  static Outcome runOne(long sensorSeed) {
    double loadedDiameter = 13.5 + 2 * new Random(SyntheticCalibrationSession.mix(sensorSeed, 9)).nextDouble();
    SyntheticCalibrationSession calSession =
        SyntheticCalibrationSession.builder(sensorSeed).randomErrors().diameterCm(loadedDiameter).build();
    CalibrationProcedure procedure =
        new CalibrationProcedure(
            CalibrationPlan.defaults("bench-" + sensorSeed, "synthetic", "bench", Instant.EPOCH), st -> {});
    calSession.play(
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            procedure.accept(s);
          }

          @Override
          public void end() {
            procedure.end();
          }
        });
    SyntheticCalibrationSession test =
        SyntheticCalibrationSession.builder(sensorSeed)
            .randomErrors()
            .diameterCm(loadedDiameter)
            .distanceCm(DISTANCE_CM)
            .knownDistanceTest()
            .build();
    double rawErr =
        distanceError(test, AppliedCalibration.none(), PipelineConfig.defaults().withRollerDiameterCm(LABEL_DIAMETER_CM));
    // The sensor's own errors alone: uncalibrated, but told the true loaded diameter.
    double rawKnownErr =
        distanceError(test, AppliedCalibration.none(), PipelineConfig.defaults().withDiameterUnderLoadCm(loadedDiameter));
    if (procedure.result().isEmpty()) {
      return new Outcome(false, procedure.state().message(), 0, 0, 0, 0, 0, rawErr, rawKnownErr, Double.NaN);
    }
    DeviceCalibration c = procedure.result().get();
    SyntheticCalibrationSession.Truth truth = calSession.truth();
    AppliedCalibration applied = AppliedCalibration.of(null, c);
    double calErr = distanceError(test, applied, applied.config(PipelineConfig.defaults()));
    ImuCorrection t = truth.correction();
    return new Outcome(
        true,
        "",
        maxAbsDiff(t.accelOffsetG(), c.imu().accelOffsetG()) * 1000,
        maxAbsDiff(t.accelScale(), c.imu().accelScale()) * 100,
        maxAbsDiff(t.gyroScale(), c.imu().gyroScale()) * 100,
        Math.toDegrees(Vector3D.angle(truth.rollAxis(), c.rollAxis())),
        Math.abs(c.rollerDiameterCm() / truth.diameterCm() - 1) * 100,
        rawErr,
        rawKnownErr,
        calErr);
  }

  /** |Δs| across the measured roll minus the true distance, cm. */
  static double distanceError(SyntheticCalibrationSession test, AppliedCalibration cal, PipelineConfig config) {
    double[] span = test.distanceRollSpanS();
    double[] before = new double[2];
    double[] after = new double[2];
    MotionPipeline pipeline = new MotionPipeline(config, e -> {});
    SampleSink sink = cal.sink(pipeline);
    test.play(
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            sink.accept(s);
            double pos = pipeline.state().positionCm();
            // Mean position over the last 2 s of rest before the roll and the rest after it.
            if (s.tS() > span[0] - 2 && s.tS() < span[0]) {
              before[0] += pos;
              before[1]++;
            } else if (s.tS() > span[1] + 1) {
              after[0] += pos;
              after[1]++;
            }
          }

          @Override
          public void end() {
            sink.end();
          }
        });
    double moved = Math.abs(after[0] / after[1] - before[0] / before[1]);
    return moved - test.truthDistanceCm();
  }

  private static double maxAbsDiff(Vector3D a, Vector3D b) {
    double[] x = a.toArray();
    double[] y = b.toArray();
    double m = 0;
    for (int i = 0; i < 3; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
    return m;
  }

  static void report(List<Outcome> outcomes, PrintStream out) {
    List<Outcome> ok = outcomes.stream().filter(Outcome::calibrated).toList();
    out.printf(Locale.ROOT, "calibrations accepted: %d of %d%n", ok.size(), outcomes.size());
    for (Outcome o : outcomes) {
      if (!o.calibrated()) out.println("  rejected: " + o.reason());
    }
    out.println();
    out.println("Recovered parameters vs truth (median / worst over sensors):");
    row(out, "accelerometer offset error, mg", ok.stream().mapToDouble(Outcome::offsetErrMg).toArray());
    row(out, "accelerometer scale error, %", ok.stream().mapToDouble(Outcome::scaleErrPct).toArray());
    row(out, "gyro scale error, %", ok.stream().mapToDouble(Outcome::gyroScaleErrPct).toArray());
    row(out, "roll axis error, degrees", ok.stream().mapToDouble(Outcome::axisErrDeg).toArray());
    row(out, "roller diameter error, %", ok.stream().mapToDouble(Outcome::diameterErrPct).toArray());
    out.println();
    out.printf(Locale.ROOT, "Position error over a %.0f cm roll (|error|, median / worst):%n", DISTANCE_CM);
    row(out, "without calibration (15 cm label), cm", outcomes.stream().mapToDouble(o -> Math.abs(o.rawErrCm())).toArray());
    row(
        out,
        "without calibration, true loaded diameter, cm",
        outcomes.stream().mapToDouble(o -> Math.abs(o.rawKnownDiameterErrCm())).toArray());
    row(out, "with calibration, cm", ok.stream().mapToDouble(o -> Math.abs(o.calibratedErrCm())).toArray());
  }

  private static void row(PrintStream out, String label, double[] values) {
    if (values.length == 0) {
      out.printf(Locale.ROOT, "  %-46s %s%n", label, "n/a");
      return;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    out.printf(Locale.ROOT, "  %-46s %8.3f / %8.3f%n", label, median, v[v.length - 1]);
  }
}
