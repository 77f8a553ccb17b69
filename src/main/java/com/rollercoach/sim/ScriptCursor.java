package com.rollercoach.sim;

import java.util.List;

/**
 * Reads a session's scripted contact position and the body's own rocking at increasing times (O(1)
 * per call): the true s(t) = s_script(t) + r·θ_body(t) that both the sensor model and the truth use.
 */
final class ScriptCursor {
  private final List<ScriptedPhase> phases;
  private final BodySignals body;
  private final double radiusCm;
  private final double[] bodyRot = new double[3];
  private int index;

  ScriptCursor(SessionScript script, BodySignals body, double radiusCm) {
    this.phases = script.phases();
    this.body = body;
    this.radiusCm = radiusCm;
  }

  /** The phase at time t (the last one past the end). Times must not decrease between calls. */
  ScriptedPhase phaseAt(double t) {
    while (index < phases.size() - 1 && t >= phases.get(index).endS()) index++;
    return phases.get(index);
  }

  /** The roller rotation at t: out = [θ, θ', θ''] in rad, rad/s, rad/s². */
  void rotation(double t, double[] out) {
    Motion m = phaseAt(t).motion();
    body.rotation(t, bodyRot);
    out[0] = m.position(t) / radiusCm + bodyRot[0];
    out[1] = m.velocity(t) / radiusCm + bodyRot[1];
    out[2] = m.acceleration(t) / radiusCm + bodyRot[2];
  }

  /** The true contact position s = r·θ at t, cm. */
  double positionCm(double t) {
    Motion m = phaseAt(t).motion();
    body.rotation(t, bodyRot);
    return m.position(t) + radiusCm * bodyRot[0];
  }
}
