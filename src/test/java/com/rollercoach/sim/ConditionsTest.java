package com.rollercoach.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.sample.SampleSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real-world setups change what they name and nothing else. */
class ConditionsTest {
  private static List<ImuSample> samples(SimulationSpec spec) {
    List<ImuSample> out = new ArrayList<>();
    SimulatedSession.create(spec).play(
        new SampleSink() {
          @Override
          public void accept(ImuSample s) {
            out.add(s);
          }
        });
    return out;
  }

  private static final SimulationSpec BASE =
      SimulationSpec.of(42).withArchetype(Archetype.TYPICAL).withDevice("bmi160-logger").withRateHz(200);

  @Test
  void aMotorOnBeforeGetOnShakesTheIdleRollerButLeavesTheTruthAlone() {
    SimulationSpec vib = BASE.withConditions(Set.of(Condition.VIBRATION_BEFORE_ON));
    SessionTruth plain = SimulatedSession.create(BASE).truth(false);
    SessionTruth shaken = SimulatedSession.create(vib).truth(false);
    assertEquals(plain.passes(), shaken.passes());
    assertEquals(plain.extensionHolds().size(), shaken.extensionHolds().size());
    // just before getting on the roller is empty: the plain one reads ~1 g steadily, the other shakes
    double onS = plain.onPeriods().get(0).startS();
    assertTrue(accelSpread(samples(BASE), onS - 1, onS) < 0.02);
    assertTrue(accelSpread(samples(vib), onS - 1, onS) > 0.1);
  }

  private static double accelSpread(List<ImuSample> s, double from, double to) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (ImuSample x : s) {
      if (x.tS() < from || x.tS() > to) continue;
      double n = Math.sqrt(x.axG() * x.axG() + x.ayG() * x.ayG() + x.azG() * x.azG());
      lo = Math.min(lo, n);
      hi = Math.max(hi, n);
    }
    return hi - lo;
  }

  @Test
  void bleStallsArriveAsBurstsWithRepeatedStampsAndOnlyRealLossIsAGap() {
    SimulationSpec ble = BASE.withConditions(Set.of(Condition.BLE_STALLS));
    List<ImuSample> s = samples(ble);
    int repeated = 0;
    int silences = 0;
    for (int i = 1; i < s.size(); i++) {
      double dt = s.get(i).tS() - s.get(i - 1).tS();
      assertTrue(dt >= 0, "stamps never go back");
      if (dt == 0) repeated++;
      if (dt > 0.09) silences++;
    }
    assertTrue(repeated > 10, "bursts on a 1 ms clock repeat stamps: " + repeated);
    SessionTruth truth = SimulatedSession.create(ble).truth(false);
    assertTrue(silences > truth.gaps().size(), "most silences are stalls, not loss");
  }

  @Test
  void conditionsDrawFromTheirOwnStreamSoThePersonIsTheSame() {
    SimulationSpec tilted = BASE.withConditions(Set.of(Condition.TILTED_ROLLER));
    assertEquals(
        SimulatedSession.create(BASE).truth(false).phases(),
        SimulatedSession.create(tilted).truth(false).phases());
    assertTrue(!samples(BASE).equals(samples(tilted)), "but the sensor sees the tilt");
  }
  @Test
  void slowBreathingSlowsOnlyTheHoldsBreaths() {
    SimulationSpec slow = BASE.withConditions(Set.of(Condition.SLOW_BREATHING));
    SessionTruth base = SimulatedSession.create(BASE).truth(false);
    SessionTruth truth = SimulatedSession.create(slow).truth(false);
    assertEquals(base.passes(), truth.passes(), "the same strokes");
    assertEquals(base.extensionHolds().size(), truth.extensionHolds().size());
    for (int i = 0; i < truth.extensionHolds().size(); i++) {
      // the drawn rate (4-6 a minute) varies by ~12 % breath to breath
      double rate = truth.extensionHolds().get(i).breathsPerMin();
      assertTrue(rate > 3.2 && rate < 7.0, "hold breaths a minute: " + rate);
      assertTrue(base.extensionHolds().get(i).breathsPerMin() > rate, "slower than this person's own");
    }
  }
}
