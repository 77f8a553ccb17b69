package com.rollercoach.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.calibration.SyntheticCalibrationSession;
import com.rollercoach.calibration.SyntheticCalibrationSession.Truth;
import com.rollercoach.core.calibration.ProcedureState.Status;
import com.rollercoach.core.sample.ImuSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The guided procedure recovers known sensor errors from synthetic sessions (cheap MEMS noise:
 * accelerometer 4 mg, gyro 0.05 °/s per axis, 16-bit quantisation; random mounting orientation;
 * errors: gyro bias ±3 °/s, gyro and accelerometer scale ±5 %, offsets ±60 mg, misalignment ±2°).
 *
 * <p>Tolerances follow from the noise. A resting position held 2 s at 100 Hz averages 200 samples:
 * σ = 4 mg / √200 = 0.28 mg per axis per position. Nine to twelve positions determine 9 parameters
 * with error amplification of order 1–3 (the fit's covariance), so offsets land within about 0.5–1 mg
 * and scales within 0.1 %: we allow 2 mg and 0.2 % (≥ 3σ). The gyro bias averages ≥ 1000 samples: σ = 0.0016 °/s,
 * allow 0.01 °/s. The gyro scale comes from 11 turns, each carrying gravity to within ~0.05°: allow
 * 0.2 %. The roll axis is the principal axis of thousands of samples at ~100 °/s against 0.05 °/s
 * noise; its error is dominated by the gyro scale error (0.2 % tilts it by ≤ 0.1°): allow 0.2°. The
 * diameter is 2L/θ with θ ≈ 760° known to the gyro scale error: allow 0.3 %.
 */
class CalibrationProcedureTest {
  static final double OFFSET_TOL_G = 0.002;
  static final double SCALE_TOL = 0.002;
  static final double MISALIGN_TOL_DEG = 0.2;
  static final double GYRO_BIAS_TOL_DPS = 0.01;
  static final double GYRO_SCALE_TOL = 0.002;
  static final double AXIS_TOL_DEG = 0.2;
  static final double DIAMETER_TOL = 0.003;

  static CalibrationPlan plan() {
    return CalibrationPlan.defaults("test-roller", "synthetic", "test", Instant.EPOCH);
  }

  static final class Run {
    final CalibrationProcedure procedure;
    final List<ProcedureState> states = new ArrayList<>();

    Run(CalibrationPlan plan) {
      procedure = new CalibrationProcedure(plan, states::add);
    }

    Run feed(List<ImuSample> samples) {
      samples.forEach(procedure::accept);
      procedure.end();
      return this;
    }

    ProcedureState last() {
      return procedure.state();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void recoversKnownErrorsInAnyMounting(long seed) {
    SyntheticCalibrationSession s = SyntheticCalibrationSession.builder(seed).randomErrors().build();
    Run run = new Run(plan()).feed(s.samples());

    assertEquals(Status.COMPLETE, run.last().status(), run.last().message());
    DeviceCalibration c = run.procedure.result().orElseThrow();
    assertRecovered(s.truth(), c, 15.0);
    assertTrue(c.quality().misalignmentFitted());
    assertTrue(c.quality().gyroScaleFitted());
    assertEquals(12, c.quality().poses());
    assertEquals("distance-roll", c.diameterMethod());
    // The centripetal term at the distance roll's ~5 rad/s peak is ~0.1 g for 4 cm: the offset comes
    // out to well under a millimetre; allow 3 mm.
    assertEquals(s.truth().sensorOffsetCm(), c.sensorOffsetCm(), 0.3, "sensor offset");
  }

  @ParameterizedTest
  @ValueSource(doubles = {26, 50, 1000})
  void worksAtAnySampleRateAndOtherRoller(double rateHz) {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(11)
            .randomErrors()
            .rateHz(rateHz)
            .diameterCm(12.5)
            .sensorOffsetCm(2.5)
            .distanceCm(150)
            .build();
    Run run = new Run(plan().withDistanceCm(150)).feed(s.samples());
    assertEquals(Status.COMPLETE, run.last().status(), run.last().message());
    assertEquals(2.5, run.procedure.result().orElseThrow().sensorOffsetCm(), 0.3, "sensor offset");
    // At 26 Hz a position holds 52 samples: σ grows by √(200/52) ≈ 2, still inside the tolerances.
    assertRecovered(s.truth(), run.procedure.result().orElseThrow(), 12.5);
  }

  @Test
  void toleratesJitterAndDroppedSamples() {
    // A Bluetooth link at 52 Hz: ±40 % timestamp jitter, 2 % of the samples lost. Single drops are
    // integrated across (a 40 ms step is no gap), so the rotation integrals stay whole.
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(12).randomErrors().rateHz(52).link(0.8, 0.02).build();
    Run run = new Run(plan()).feed(s.samples());
    assertEquals(Status.COMPLETE, run.last().status(), run.last().message());
    assertRecovered(s.truth(), run.procedure.result().orElseThrow(), 15.0);
  }

  @Test
  void knownCircumferenceSkipsTheDistanceRoll() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(21).randomErrors().distanceCm(0).build();
    double circumference = Math.PI * 14.2;
    Run run =
        new Run(plan().withKnownDiameterCm(circumference / Math.PI, "circumference"))
            .feed(s.samples());
    assertEquals(Status.COMPLETE, run.last().status(), run.last().message());
    assertEquals(3, run.last().stepCount());
    DeviceCalibration c = run.procedure.result().orElseThrow();
    assertEquals(14.2, c.rollerDiameterCm(), 1e-9);
    assertEquals("circumference", c.diameterMethod());
    // Without a distance roll the sign is the canonical one: largest component positive.
    assertTrue(RotationScatter.axisAngleDeg(c.rollAxis(), s.truth().rollAxis()) < AXIS_TOL_DEG);
    assertEquals(CalibrationProcedure.canonicalSign(c.rollAxis()), c.rollAxis());
  }

  @Test
  void sixPositionsFitOffsetAndScaleOnly() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(31)
            .errors(
                new ImuCorrection(
                    new Vector3D(0.5, -1, 2),
                    new Vector3D(1, 1, 1),
                    new Vector3D(0.03, -0.02, 0.05),
                    new Vector3D(1.05, 0.95, 1.02),
                    ImuCorrection.identityMatrix()))
            .poses(
                List.of(
                    SyntheticCalibrationSession.Pose.lying(0),
                    SyntheticCalibrationSession.Pose.lying(120),
                    SyntheticCalibrationSession.Pose.lying(240),
                    SyntheticCalibrationSession.Pose.standing(true),
                    SyntheticCalibrationSession.Pose.leaning(45, 60),
                    SyntheticCalibrationSession.Pose.leaning(-45, 200)))
            .build();
    Run run = new Run(plan().withTargetPoses(6)).feed(s.samples());
    assertEquals(Status.COMPLETE, run.last().status(), run.last().message());
    DeviceCalibration c = run.procedure.result().orElseThrow();
    assertEquals(6, c.quality().poses());
    assertTrue(!c.quality().misalignmentFitted());
    assertVector(s.truth().correction().accelOffsetG(), c.imu().accelOffsetG(), OFFSET_TOL_G, "offset");
    assertVector(s.truth().correction().accelScale(), c.imu().accelScale(), SCALE_TOL, "scale");
  }

  @Test
  void rollingOnAfterFewerPositionsThanAskedEndsThePositionsStep() {
    // Asked for 12, the user did 8 (and the start position on the floor counts as a 9th), then went
    // on to the distance roll: the roll ends the positions step; nine positions fit the full model.
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(32)
            .randomErrors()
            .poses(SyntheticCalibrationSession.STANDARD_POSES.subList(0, 8))
            .build();
    Run run = new Run(plan()).feed(s.samples());
    assertEquals(Status.COMPLETE, run.last().status(), run.last().message());
    DeviceCalibration c = run.procedure.result().orElseThrow();
    assertEquals(9, c.quality().poses());
    assertTrue(c.quality().misalignmentFitted());
    assertRecovered(s.truth(), c, 15.0);
  }

  // ---- rejections ----

  @Test
  void rejectsRollerMovingDuringStillStep() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(41).randomErrors().creepDuringStillDps(2).build();
    Run run = new Run(plan()).feed(s.samples());
    assertEquals(Status.FAILED, run.last().status());
    assertEquals(CalibrationStep.STILL, run.last().step());
    assertTrue(run.last().message().contains("moving"), run.last().message());
  }

  @Test
  void rejectsTooFewPositions() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(42)
            .randomErrors()
            .poses(SyntheticCalibrationSession.STANDARD_POSES.subList(0, 4))
            .build();
    List<ImuSample> upToFloor =
        s.samples().stream().filter(x -> x.tS() < s.posesEndS()).toList();
    Run run = new Run(plan()).feed(upToFloor);
    assertEquals(Status.FAILED, run.last().status());
    assertEquals(CalibrationStep.POSES, run.last().step());
    assertTrue(run.last().message().contains("only 4 different resting positions"), run.last().message());
  }

  @Test
  void rejectsPositionsThatLeaveTheModelUndetermined() {
    // Lying at ten turns and standing on both ends: gravity only sweeps one circle plus two poles of
    // the sensor's sphere, which leaves two of the nine parameters free.
    List<SyntheticCalibrationSession.Pose> ring = new ArrayList<>();
    for (int i = 0; i < 10; i++) ring.add(SyntheticCalibrationSession.Pose.lying(36 * i));
    ring.add(SyntheticCalibrationSession.Pose.standing(true));
    ring.add(SyntheticCalibrationSession.Pose.standing(false));
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(43).randomErrors().poses(ring).build();
    Run run = new Run(plan()).feed(s.samples());
    assertEquals(Status.FAILED, run.last().status());
    assertEquals(CalibrationStep.POSES, run.last().step());
    assertTrue(run.last().message().contains("determine"), run.last().message());
  }

  @Test
  void rejectsLargeResidualFromALooseSensor() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(44).randomErrors().loosePose(5, 0.08).build();
    Run run = new Run(plan()).feed(s.samples());
    assertEquals(Status.FAILED, run.last().status());
    // Which position looks worst depends on the geometry (a shift across gravity hardly changes |a|
    // there, but it bends the fit elsewhere); that the set is inconsistent is what is certain.
    assertTrue(run.last().message().startsWith("the resting positions disagree"), run.last().message());
    assertEquals(CalibrationStep.POSES, run.last().step());
  }

  @Test
  void rejectsSteeredRolls() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(45).randomErrors().rollWobbleDeg(3).build();
    Run run = new Run(plan()).feed(s.samples());
    assertEquals(Status.FAILED, run.last().status());
    assertEquals(CalibrationStep.AXIS, run.last().step());
  }

  @Test
  void rejectsDistanceRollWithMissingSamples() {
    SyntheticCalibrationSession s = SyntheticCalibrationSession.builder(46).randomErrors().build();
    double[] roll = s.distanceRollSpanS();
    double mid = (roll[0] + roll[1]) / 2;
    List<ImuSample> gapped =
        s.samples().stream().filter(x -> x.tS() < mid || x.tS() > mid + 0.5).toList();
    Run run = new Run(plan()).feed(gapped);
    assertEquals(Status.FAILED, run.last().status());
    assertTrue(run.last().message().contains("samples were lost"), run.last().message());
  }

  @Test
  void retryAfterFailureKeepsEarlierSteps() {
    SyntheticCalibrationSession s =
        SyntheticCalibrationSession.builder(47).randomErrors().loosePose(5, 0.08).build();
    SyntheticCalibrationSession good = SyntheticCalibrationSession.builder(47).randomErrors().build();
    Run run = new Run(plan());
    List<ImuSample> bad = s.samples();
    int i = 0;
    while (run.last().status() == Status.RUNNING && i < bad.size()) run.procedure.accept(bad.get(i++));
    assertEquals(Status.FAILED, run.last().status());
    Vector3D bias = run.procedure.correctionSoFar().gyroBiasDps();
    run.procedure.retryStep();
    assertEquals(Status.RUNNING, run.last().status());
    assertEquals(CalibrationStep.POSES, run.last().step());
    assertEquals(bias, run.procedure.correctionSoFar().gyroBiasDps());
    assertEquals(0, run.procedure.poses().size());
  }

  // ---- helpers ----

  static void assertRecovered(Truth truth, DeviceCalibration c, double diameterCm) {
    ImuCorrection t = truth.correction();
    ImuCorrection f = c.imu();
    assertVector(t.gyroBiasDps(), f.gyroBiasDps(), GYRO_BIAS_TOL_DPS, "gyro bias");
    assertVector(t.gyroScale(), f.gyroScale(), GYRO_SCALE_TOL, "gyro scale");
    assertVector(t.accelOffsetG(), f.accelOffsetG(), OFFSET_TOL_G, "accel offset");
    assertVector(t.accelScale(), f.accelScale(), SCALE_TOL, "accel scale");
    double[][] tm = t.accelMisalignment();
    double[][] fm = f.accelMisalignment();
    for (int r = 0; r < 3; r++) {
      for (int col = 0; col < 3; col++) {
        assertEquals(
            Math.toDegrees(tm[r][col]),
            Math.toDegrees(fm[r][col]),
            MISALIGN_TOL_DEG,
            "misalignment[" + r + "][" + col + "]");
      }
    }
    double axisErr = Math.toDegrees(Vector3D.angle(truth.rollAxis(), c.rollAxis()));
    assertTrue(axisErr < AXIS_TOL_DEG, "axis off by " + axisErr + "° (sign included)");
    assertEquals(diameterCm, c.rollerDiameterCm(), diameterCm * DIAMETER_TOL, "diameter");
  }

  static void assertVector(Vector3D expected, Vector3D actual, double tol, String what) {
    for (int i = 0; i < 3; i++) {
      assertEquals(expected.toArray()[i], actual.toArray()[i], tol, what + "[" + i + "]");
    }
  }
}
