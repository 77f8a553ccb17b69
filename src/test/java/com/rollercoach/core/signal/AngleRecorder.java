package com.rollercoach.core.signal;

import java.util.ArrayList;
import java.util.List;

/** Records each grid sample's time, θ, rocking angle and raw roll angle (degrees) of a {@link RollSignal}. */
final class AngleRecorder implements RollSignal.Listener {
  /** Rows of {t, θ, rocking, rollPhi}. */
  final List<double[]> rows = new ArrayList<>();

  /** A signal stage with a known roll axis along the sensor's y, 15 cm roller, feeding this. */
  RollSignal signalAboutY() {
    return new RollSignal(15, new double[] {0, 1, 0}, this);
  }

  /**
   * A roller rocked by breathing, deg·sin(2π·hz·t): {θ in radians, its rate in °/s} at time t; the
   * gravity a sensor turned by θ about y sees is (−sin θ, 0, cos θ).
   */
  static double[] breathing(double t, double hz, double deg) {
    double w = 2 * Math.PI * hz;
    return new double[] {Math.toRadians(deg * Math.sin(w * t)), deg * w * Math.cos(w * t)};
  }

  @Override
  public void grid(
      double tS, double sCm, double thetaDeg, double rockingDeg, double rollPhiDeg, double[] phiDeg,
      boolean shock) {
    rows.add(new double[] {tS, thetaDeg, rockingDeg, rollPhiDeg});
  }

  @Override
  public void gap(double fromS, double toS) {}
}
