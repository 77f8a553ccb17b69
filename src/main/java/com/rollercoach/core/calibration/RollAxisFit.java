package com.rollercoach.core.calibration;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * The roller axis in sensor coordinates from rolls along the floor, in bounded memory: the rolls'
 * rotation scatter matrices add up, and the principal axis of the sum is the axis (a roller can only
 * turn about its own axis, fixed in the sensor whatever the mounting). Every 45° chunk of rolling also
 * keeps its own axis, so a roller that was steered or lifted shows as scatter between chunks.
 */
final class RollAxisFit {
  private final double[][] scatter = new double[3][3];
  private final List<Vector3D> chunkAxes = new ArrayList<>();
  private double pathDeg;

  void add(MotionInterval roll) {
    RotationScatter.addAll(scatter, roll.rotationEnergy());
    chunkAxes.addAll(roll.chunkAxes());
    pathDeg += roll.pathDeg();
  }

  /** Total rolling so far, degrees. */
  double pathDeg() {
    return pathDeg;
  }

  /** The fitted axis, unit vector, sign arbitrary. */
  Vector3D axis() {
    return RotationScatter.principalAxis(scatter);
  }

  /** RMS angle between each chunk's axis and {@code axis}, degrees (sign-blind). */
  double spreadDeg(Vector3D axis) {
    if (chunkAxes.isEmpty()) return 0;
    double ss = 0;
    for (Vector3D c : chunkAxes) {
      double a = RotationScatter.axisAngleDeg(c, axis);
      ss += a * a;
    }
    return Math.sqrt(ss / chunkAxes.size());
  }
}
