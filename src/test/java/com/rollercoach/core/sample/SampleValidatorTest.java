package com.rollercoach.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.SampleValidator.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleValidatorTest {
  private static ImuSample at(double t) {
    return new ImuSample(t, 0, 0, 1, 1, 2, 3);
  }

  @Test
  void eachKindOfBadSampleIsRefusedWithItsReason() {
    assertNull(SampleValidator.check(at(1), 0));
    assertEquals(Reason.NON_FINITE, SampleValidator.check(new ImuSample(1, Double.NaN, 0, 1, 0, 0, 0), 0));
    assertEquals(Reason.NON_FINITE, SampleValidator.check(new ImuSample(1, 0, 0, 1, 0, Double.POSITIVE_INFINITY, 0), 0));
    assertEquals(Reason.NON_FINITE, SampleValidator.check(at(Double.POSITIVE_INFINITY), 0));
    assertEquals(Reason.TIME_OUT_OF_RANGE, SampleValidator.check(at(1e300), Double.NEGATIVE_INFINITY));
    assertEquals(Reason.TIME_OUT_OF_RANGE, SampleValidator.check(at(-2e9), Double.NEGATIVE_INFINITY));
    assertNull(SampleValidator.check(at(1), 1)); // a repeated stamp is a sample (a coarse clock, a burst)
    assertEquals(Reason.TIME_BACKWARDS, SampleValidator.check(at(0.5), 1));
    assertEquals(Reason.TIME_JUMP, SampleValidator.check(at(1 + 3.2e7), 1)); // a year
    assertEquals(Reason.IMPOSSIBLE_VALUE, SampleValidator.check(new ImuSample(2, 3e38, 0, 1, 0, 0, 0), 1));
    assertEquals(Reason.IMPOSSIBLE_VALUE, SampleValidator.check(new ImuSample(2, 0, 0, 1, 0, -3e38, 0), 1));
    // the largest real full scales pass
    assertNull(SampleValidator.check(new ImuSample(2, 400, -400, 16, 4000, -4000, 2000), 1));
  }

  @Test
  void onlyValidSamplesReachTheCoreInFiniteTimeThatNeverGoesBack() {
    List<ImuSample> passed = new ArrayList<>();
    SampleValidator v = new SampleValidator(passed::add);
    double[] times = {0, 0.01, Double.NaN, 0.02, 0.02, 1e300, 0.015, 0.03, 1e8, 0.04};
    for (double t : times) v.accept(at(t));
    v.accept(new ImuSample(0.05, Double.NaN, 0, 1, 0, 0, 0));
    assertEquals(List.of(0.0, 0.01, 0.02, 0.02, 0.03, 0.04), passed.stream().map(ImuSample::tS).toList());
    double last = Double.NEGATIVE_INFINITY;
    for (ImuSample s : passed) {
      assertTrue(s.tS() >= last && Double.isFinite(s.tS()));
      last = s.tS();
    }
    assertEquals(5, v.rejected());
    assertEquals(
        Map.of(Reason.NON_FINITE, 2L, Reason.TIME_BACKWARDS, 1L, Reason.TIME_OUT_OF_RANGE, 1L, Reason.TIME_JUMP, 1L),
        v.rejectedByReason());
    assertTrue(v.summary().orElseThrow().startsWith("5 bad samples dropped ("), v.summary().get());
  }

  @Test
  void gapsWithNonFiniteOrBackwardsBoundsAreDropped() {
    List<String> gaps = new ArrayList<>();
    SampleValidator v = new SampleValidator(new SampleSink() {
      @Override
      public void accept(ImuSample s) {}

      @Override
      public void gap(double fromS, double toS, String reason) {
        gaps.add(fromS + "-" + toS);
      }
    });
    v.gap(1, 2, "ok");
    v.gap(Double.NaN, 2, "nan");
    v.gap(3, 2, "backwards");
    v.gap(1, Double.POSITIVE_INFINITY, "inf");
    assertEquals(List.of("1.0-2.0"), gaps);
    assertEquals(3, v.badGaps());
  }

  @Test
  void diameterBoundsAreOneDefinition() {
    assertTrue(SampleValidator.plausibleDiameterCm(15));
    assertFalse(SampleValidator.plausibleDiameterCm(1e308));
    assertFalse(SampleValidator.plausibleDiameterCm(0.0001));
    assertFalse(SampleValidator.plausibleDiameterCm(Double.NaN));
  }
}
