package com.rollercoach.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class SegmentationAndCorrectionTest {
  @Test
  void correctionUndoesWhatUnapplyDid() {
    ImuCorrection c =
        new ImuCorrection(
            new Vector3D(1.5, -2, 0.3),
            new Vector3D(1.04, 0.97, 1.01),
            new Vector3D(0.05, -0.02, 0.01),
            new Vector3D(0.96, 1.03, 1.05),
            new double[][] {{1, 0.02, -0.03}, {0, 1, 0.01}, {0, 0, 1}});
    ImuSample truth = new ImuSample(3.5, 0.1, -0.7, 0.7, 20, -5, 1);
    ImuSample raw = c.unapply(truth);
    ImuSample back = c.apply(raw);
    assertEquals(truth.axG(), back.axG(), 1e-12);
    assertEquals(truth.ayG(), back.ayG(), 1e-12);
    assertEquals(truth.azG(), back.azG(), 1e-12);
    assertEquals(truth.gxDps(), back.gxDps(), 1e-12);
    assertEquals(truth.gzDps(), back.gzDps(), 1e-12);
    // The raw reading really differs: the offsets and bias show.
    assertEquals(truth.gxDps() / 1.04 + 1.5, raw.gxDps(), 1e-12);
  }

  @Test
  void calibratedSinkCorrectsAndPassesGapsAndEnd() {
    ImuCorrection c = ImuCorrection.identity().withGyroBias(new Vector3D(1, 2, 3));
    List<String> seen = new ArrayList<>();
    SampleSink down =
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            seen.add("sample " + s.gxDps() + " " + s.gyDps() + " " + s.gzDps());
          }

          @Override
          public void gap(double fromS, double toS, String reason) {
            seen.add("gap " + reason);
          }

          @Override
          public void end() {
            seen.add("end");
          }
        };
    CalibratedSink sink = new CalibratedSink(c, down);
    sink.accept(new ImuSample(0, 0, 0, 1, 1, 2, 3));
    sink.gap(0, 1, "unplugged");
    sink.end();
    assertEquals(List.of("sample 0.0 0.0 0.0", "gap unplugged", "end"), seen);
  }

  /** A known rotation between two rests: 2 s still, 360° about (0.6, 0, 0.8) in 4 s, 2 s still. */
  @Test
  void segmenterIntegratesARotationBetweenTwoRests() {
    List<StillInterval> stills = new ArrayList<>();
    List<MotionInterval> motions = new ArrayList<>();
    MotionSegmenter seg =
        new MotionSegmenter(
            1.0,
            new MotionSegmenter.Listener() {
              @Override
              public void stillEnded(StillInterval s) {
                stills.add(s);
              }

              @Override
              public void motionEnded(MotionInterval m) {
                motions.add(m);
              }
            });
    Vector3D axis = new Vector3D(0.6, 0, 0.8);
    Random noise = new Random(1);
    double rate = 100;
    for (int k = 0; k < 8 * rate; k++) {
      double t = k / rate;
      double w = 0;
      if (t >= 2 && t < 6) {
        // Raised cosine speed profile: ∫ = 360° over 4 s, zero speed at both ends.
        w = 90 * (1 - Math.cos(2 * Math.PI * (t - 2) / 4));
      }
      Vector3D g = axis.scalarMultiply(w);
      seg.accept(
          new ImuSample(
              t,
              0.004 * noise.nextGaussian(),
              0.004 * noise.nextGaussian(),
              1 + 0.004 * noise.nextGaussian(),
              g.getX() + 0.05 * noise.nextGaussian(),
              g.getY() + 0.05 * noise.nextGaussian(),
              g.getZ() + 0.05 * noise.nextGaussian()));
    }
    seg.end();
    assertEquals(1, motions.size());
    MotionInterval m = motions.get(0);
    assertEquals(360, m.rotationDeg().getNorm(), 0.5);
    assertTrue(RotationScatter.axisAngleDeg(m.principalAxis(), axis) < 0.1);
    assertTrue(m.wobble() < 1e-4, "one fixed axis: " + m.wobble());
    assertTrue(m.straightness() > 0.999);
    assertTrue(m.endedStill());
    assertEquals(2, stills.size());
    assertEquals(0, stills.get(0).meanGyroDps().getNorm(), 0.02);
    assertEquals(1, stills.get(1).meanAccelG().getZ(), 0.002);
  }
}
