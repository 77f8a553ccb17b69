package com.rollercoach.review.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.calibration.HeadwardGesture;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.core.sample.SessionMetadata;
import com.rollercoach.review.analysis.RecordingSource;
import com.rollercoach.review.analysis.ReplayResult;
import com.rollercoach.review.analysis.SessionReplay;
import com.rollercoach.sim.SessionTruth;
import com.rollercoach.sim.SimulatedSession;
import com.rollercoach.sim.SimulationSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/**
 * The same scripted session recorded with the sensor mounted both ways round (turned 180° about a
 * line across the roller axis, which reverses the axis in sensor coordinates) gives opposite raw
 * positions, and the same positions on the back once each mounting's "roll toward your head" gesture
 * is known. The gesture is taken from the session itself: its first pass toward the simulator's +s,
 * which plays the head.
 */
class BackFrameTest {
  @Test
  void sameSessionMountedBothWaysGivesTheSamePositionsAfterTheGesture() throws Exception {
    SimulatedSession sim = SimulatedSession.create(SimulationSpec.of(7).withDevice("mpu6050-usb"));
    List<ImuSample> asMounted = new ArrayList<>();
    sim.play(collect(asMounted));
    Vector3D axis = new Vector3D(sim.mount().axisInSensor());
    // 180° about a unit vector perpendicular to the axis: the sensor turned end for end.
    Rotation flip = new Rotation(axis.orthogonal(), Math.PI, RotationConvention.VECTOR_OPERATOR);
    List<ImuSample> flipped = asMounted.stream().map(s -> rotate(s, flip)).toList();

    SessionTruth truth = sim.truth(false);
    SessionTruth.PassSpan up = truth.passSpans().stream().filter(p -> p.toCm() > p.fromCm()).findFirst().orElseThrow();
    double from = up.startS() - 0.5; // truth times are on the device clock already
    double to = up.endS();

    int signA = gesture(asMounted, axis, from, to);
    Vector3D axisB = flip.applyTo(axis);
    int signB = gesture(flipped, axisB, from, to);
    assertEquals(-1, Math.round(axisB.dotProduct(axis)), "the flip reverses the axis");

    ReplayResult a = replay(asMounted, sim.metadata());
    ReplayResult b = replay(flipped, sim.metadata());
    SessionAnalysis rawA = a.analysis();
    SessionAnalysis rawB = b.analysis();
    assertFalse(rawA.dwells().isEmpty() && rawA.holds().isEmpty(), "the session needs still periods to compare");
    assertEquals(rawA.passes().size(), rawB.passes().size());
    // Without the gesture the two mountings disagree: the test can fail.
    BackFrame unknownA = BackFrames.of(rawA, a.rollAxis(), null);
    BackFrame unknownB = BackFrames.of(rawB, b.rollAxis(), null);
    assertFalse(unknownA.directionKnown());
    double farA = unknownA.at(rawA.passes().get(0).toCm());
    double farB = unknownB.at(rawB.passes().get(0).toCm());
    assertTrue(Math.abs(farA) > 5 && Math.signum(farA) == -Math.signum(farB),
        "raw positions flip with the mounting: " + farA + " vs " + farB);

    BackFrame fa = BackFrames.of(rawA, a.rollAxis(), axis.scalarMultiply(signA));
    BackFrame fb = BackFrames.of(rawB, b.rollAxis(), axisB.scalarMultiply(signB));
    assertTrue(fa.directionKnown() && fb.directionKnown());
    SessionAnalysis backA = fa.apply(a).analysis();
    SessionAnalysis backB = fb.apply(b).analysis();
    for (int i = 0; i < backA.passes().size(); i++) {
      assertEquals(backA.passes().get(i).toCm(), backB.passes().get(i).toCm(), 1.0, "pass " + (i + 1));
    }
    for (int i = 0; i < Math.min(backA.dwells().size(), backB.dwells().size()); i++) {
      assertEquals(backA.dwells().get(i).positionCm(), backB.dwells().get(i).positionCm(), 1.0, "dwell " + i);
    }
    // And positive is toward the simulator's "head" (+s of the truth): the first upward pass goes up.
    var firstUp = backA.passes().stream().filter(p -> Math.abs(p.startS() - up.startS()) < 1.5)
        .findFirst().orElseThrow();
    assertTrue(firstUp.toCm() > firstUp.fromCm(), "toward the head is positive: " + firstUp);
  }

  @Test
  void rollingBothWaysOrTooLittleIsRefused() {
    Vector3D axis = Vector3D.PLUS_K;
    HeadwardGesture g = new HeadwardGesture(axis);
    double t = 0;
    for (; t < 1; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 0.5));
    for (; t < 3; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 40 * Math.sin(Math.PI * t)));
    for (; t < 5; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 0.3));
    assertEquals(HeadwardGesture.Status.FAILED, g.state().status(), g.state().message());
    assertTrue(g.state().message().contains("both ways"), g.state().message());
    g.retry();
    for (t = 0; t < 1; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 0));
    for (; t < 2; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, -20));
    for (; t < 4; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 0));
    assertEquals(HeadwardGesture.Status.FAILED, g.state().status(), "20° is too little");
    g.retry();
    for (t = 0; t < 1; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 0));
    for (; t < 4; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, -25));
    for (; t < 6; t += 0.01) g.accept(new ImuSample(t, 0, 1, 0, 0, 0, 0));
    assertEquals(HeadwardGesture.Status.DONE, g.state().status());
    assertEquals(-1, g.state().towardHead());
  }

  @Test
  void bandVerdictsUseTheUncertainty() {
    BackFrame hold = new BackFrame(1, BackFrame.Landmark.EXTENSION_HOLD, 0);
    assertEquals("within the mid/upper back", hold.rangeVerdict(-6, 9));
    assertEquals("reaches the neck", hold.rangeVerdict(-6, 20));
    assertEquals("reaches the low back", hold.rangeVerdict(-20, 5));
    assertEquals("near the edge of the mid/upper back", hold.rangeVerdict(-6, 13));
    BackFrame unknown = BackFrame.unknownDirection(BackFrame.Landmark.ROLLING_START, 0);
    assertTrue(unknown.describe().contains("direction unknown"));
    assertEquals("reaches beyond the mid/upper back (side unknown)", unknown.rangeVerdict(-25, 0));
  }

  /**
   * The gesture on bias-corrected samples, as the calibration delivers them: the bias is the mean gyro
   * over the first second, when the simulated roller lies untouched.
   */
  private static int gesture(List<ImuSample> samples, Vector3D axis, double from, double to) {
    double t0 = samples.get(0).tS();
    double[] bias = new double[3];
    int n = 0;
    for (ImuSample s : samples) {
      if (s.tS() > t0 + 1) break;
      bias[0] += s.gxDps();
      bias[1] += s.gyDps();
      bias[2] += s.gzDps();
      n++;
    }
    for (int i = 0; i < 3; i++) bias[i] /= n;
    HeadwardGesture g = new HeadwardGesture(axis);
    for (ImuSample s : samples) {
      if (s.tS() >= from && s.tS() <= to) {
        g.accept(new ImuSample(s.tS(), s.axG(), s.ayG(), s.azG(), s.gxDps() - bias[0], s.gyDps() - bias[1],
            s.gzDps() - bias[2]));
      }
    }
    g.end();
    assertEquals(HeadwardGesture.Status.DONE, g.state().status(), g.state().message());
    return g.state().towardHead();
  }

  private static ImuSample rotate(ImuSample s, Rotation r) {
    Vector3D a = r.applyTo(new Vector3D(s.axG(), s.ayG(), s.azG()));
    Vector3D w = r.applyTo(new Vector3D(s.gxDps(), s.gyDps(), s.gzDps()));
    return new ImuSample(s.tS(), a.getX(), a.getY(), a.getZ(), w.getX(), w.getY(), w.getZ());
  }

  private static SampleSink collect(List<ImuSample> out) {
    return new SampleSink() {
      @Override
      public void accept(ImuSample sample) {
        out.add(sample);
      }

      @Override
      public void gap(double fromS, double toS, String reason) {}

      @Override
      public void end() {}
    };
  }

  private static ReplayResult replay(List<ImuSample> samples, SessionMetadata meta) throws Exception {
    RecordingSource src = new RecordingSource() {
      @Override
      public SessionMetadata metadata() {
        return meta;
      }

      @Override
      public void replay(SampleSink sink) {
        samples.forEach(sink::accept);
        sink.end();
      }
    };
    return SessionReplay.replay(src, PipelineConfig.defaults(), true);
  }
}
