package com.rollercoach.core.signal;

/**
 * The radius a roller rolls with while a body lies on it, from the diameter on its label (or typed
 * in by its owner), which is measured without a body's weight on the foam.
 *
 * <p>A loaded roller is flattened at both contacts (the floor and the back), and a flattened cylinder
 * rolls with an effective radius between its loaded height and its free radius: for a deflection δ
 * the classic tyre approximation is R − δ/3 (Pacejka, <i>Tire and Vehicle Dynamics</i>, 3rd ed.,
 * "effective rolling radius"). Upper-body loads of 15–40 kg flatten foam rollers by a few
 * millimetres, which puts the rolling radius 0–3 % below the free one: about 0 for a hard core or
 * PVC roller, 3 % for soft foam. Taking the middle of that range halves the worst error on s = r·θ.
 * With the free radius every stroke read 0–3 % long, and strokes just under the 5 cm pass length
 * (the slide to the hold's spot, a short last stroke) read as passes: over-counts outnumbered
 * under-counts 18 to 4 in the accuracy benchmark (1 600 sessions, seed 23), whose rollers flatten by
 * 0–3 % (docs/simulator.md). A calibration that measures the diameter under load needs none of this
 * ({@code PipelineConfig#diameterUnderLoad}).
 */
public final class RollingRadius {
  /** Loaded rolling radius below the free radius, as a fraction: the middle of 0–3 % (see above). */
  public static final double FOAM_FLATTENING = 0.015;

  private RollingRadius() {}

  /** The rolling radius under a body, cm, of a roller {@code freeDiameterCm} across unloaded. */
  public static double loadedCm(double freeDiameterCm) {
    return freeDiameterCm / 2 * (1 - FOAM_FLATTENING);
  }
}
