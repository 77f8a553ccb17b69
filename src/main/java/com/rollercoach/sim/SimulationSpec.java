package com.rollercoach.sim;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to simulate. Everything not fixed here is drawn from the seed.
 *
 * @param seed the session is a pure function of the seed and the other fields
 * @param archetype the kind of person, null to draw one
 * @param device a {@link DeviceSetup#PRESETS preset} name, null to draw one
 * @param rateHz sample rate, 0 for the device's usual rate
 * @param rollerDiameterCm nominal (unloaded) roller diameter, 0 to draw a common size
 * @param minDurationS append sets until the session lasts this long (0: the person's own session)
 * @param conditions real-world differences to simulate ({@link Condition}); empty: the ordinary session
 */
public record SimulationSpec(
    long seed,
    Archetype archetype,
    String device,
    double rateHz,
    double rollerDiameterCm,
    double minDurationS,
    Set<Condition> conditions) {

  public SimulationSpec {
    conditions = conditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conditions));
  }

  /** An ordinary session (no {@link Condition}). */
  public SimulationSpec(
      long seed, Archetype archetype, String device, double rateHz, double rollerDiameterCm,
      double minDurationS) {
    this(seed, archetype, device, rateHz, rollerDiameterCm, minDurationS, Set.of());
  }

  public static SimulationSpec of(long seed) {
    return new SimulationSpec(seed, null, null, 0, 0, 0);
  }

  public boolean has(Condition c) {
    return conditions.contains(c);
  }

  public SimulationSpec withConditions(Set<Condition> c) {
    return new SimulationSpec(seed, archetype, device, rateHz, rollerDiameterCm, minDurationS, c);
  }

  public SimulationSpec withArchetype(Archetype a) {
    return new SimulationSpec(seed, a, device, rateHz, rollerDiameterCm, minDurationS, conditions);
  }

  public SimulationSpec withDevice(String d) {
    return new SimulationSpec(seed, archetype, d, rateHz, rollerDiameterCm, minDurationS, conditions);
  }

  public SimulationSpec withRateHz(double r) {
    return new SimulationSpec(seed, archetype, device, r, rollerDiameterCm, minDurationS, conditions);
  }

  public SimulationSpec withRollerDiameterCm(double d) {
    return new SimulationSpec(seed, archetype, device, rateHz, d, minDurationS, conditions);
  }

  public SimulationSpec withMinDurationS(double s) {
    return new SimulationSpec(seed, archetype, device, rateHz, rollerDiameterCm, s, conditions);
  }
}
